import { assembleReportText } from '@fazhi/core/reports/report-text';
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import type { Actor, AuthUser } from '../platform/kernel/context.ts';
import { insertImport } from '../reports/reports.imports.service.ts';
import { queryOrg } from '../reports/reports.repo.ts';
import { reportEvents, reports } from '../reports/reports.schema.ts';
import { insertComposed } from '../reports/reports.service.ts';
import { contentOf } from '../reports/reports.view.service.ts';
import { demoImportedReportText } from './demo-reports-text.ts';
import type { DemoContext } from './module-seeds.ts';

const at = (day: string) => new Date(`${day}T02:00:00Z`);

/**
 * 昭化区: last year's government report composed, finalised, submitted and published on time, and this year's
 * draft; 区司法局: last year's 工作总结 still in review (overdue). 利州区: an imported historical report awaiting
 * review — a text written for the demo, labelled as demo.
 */
export async function seedReports(tx: Executor, ctx: DemoContext) {
  const officeId = ctx.userIds.get('office')!;
  const county = (await queryOrg(tx, ctx.orgIds.get('昭化区')!))!;
  const actor = demoActor(ctx, 'office', '区委依法治区办');
  const last = ctx.year - 1;

  const lastId = await insertComposed(tx, actor, county, last, 'government', at(`${last}-12-28`));
  await publishDemoReport(tx, lastId, officeId, {
    review: `${ctx.year}-02-10`,
    final: `${ctx.year}-02-20`,
    submit: `${ctx.year}-02-26`,
    publish: `${ctx.year}-03-25`,
  });

  await insertComposed(tx, actor, county, ctx.year, 'government', ctx.now);

  const bureau = await queryOrg(tx, ctx.orgIds.get('区司法局')!);
  if (bureau) {
    const bureauId = await insertComposed(tx, actor, bureau, last, 'judicial_bureau', at(`${ctx.year}-01-15`));
    await tx.update(reports).set({ status: 'review', version: 2 }).where(eq(reports.id, bureauId));
    await tx.insert(reportEvents).values({
      reportId: bureauId,
      action: 'send_review',
      fromStatus: 'draft',
      toStatus: 'review',
      actorId: officeId,
      at: at(`${ctx.year}-03-05`),
    });
  }

  const neighbour = ctx.orgIds.get('利州区');
  if (neighbour) {
    await insertImport(
      tx,
      actor,
      neighbour,
      {
        orgId: neighbour,
        year: last,
        title: `【演示】利州区司法局${last}年法治政府建设年度报告（演示文本）`,
        text: demoImportedReportText(last),
        filename: `演示-利州区司法局${last}年法治政府建设年度报告.txt`,
      },
      true,
    );
  }
}

/**
 * A composed report sent to review, finalised (its text and ledger frozen), submitted and published on the given days,
 * each step an event by the office.
 */
export async function publishDemoReport(
  tx: Executor,
  id: number,
  actorId: number,
  days: { review: string; final: string; submit: string; publish: string },
) {
  const [row] = await tx.select().from(reports).where(eq(reports.id, id));
  const steps = [
    { action: 'send_review', from: 'draft', to: 'review', day: days.review },
    { action: 'finalize', from: 'review', to: 'final', day: days.final },
    { action: 'submit', from: 'final', to: 'submitted', day: days.submit },
    { action: 'publish', from: 'submitted', to: 'published', day: days.publish },
  ];
  await tx
    .update(reports)
    .set({
      status: 'published',
      signedDate: days.final,
      finalizedAt: at(days.final),
      submittedAt: at(days.submit),
      publishedAt: at(days.publish),
      snapshot: {
        frozenAt: at(days.final).toISOString(),
        text: assembleReportText({ ...contentOf(row!), signedDate: days.final }).text,
        slots: row!.slots,
        ledger: row!.slots.map((s) => ({
          metric: s.metric,
          value: s.value,
          previous: s.previous,
          unit: s.unit,
          source: 'registry',
        })),
      },
      version: 5,
    })
    .where(eq(reports.id, id));
  await tx.insert(reportEvents).values(
    steps.map((s) => ({
      reportId: id,
      action: s.action,
      fromStatus: s.from,
      toStatus: s.to,
      actorId,
      at: at(s.day),
    })),
  );
}

/** The demo's writer of composed reports: a county office account seeing everything (the seed is not scoped). */
export function demoActor(ctx: DemoContext, username: string, orgName: string): Actor {
  const user: AuthUser = {
    id: ctx.userIds.get(username)!,
    username,
    displayName: '演示数据',
    role: 'office',
    dataScope: 'all',
    orgId: ctx.orgIds.get(orgName)!,
    orgName,
    scopePath: '/',
    mustChangePassword: false,
    sessionId: 'demo',
    csrfToken: 'demo',
  };
  return { user, ip: null };
}
