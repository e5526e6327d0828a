import { eq, sql } from 'drizzle-orm';
import { type Db, type Executor, queryRows } from '../db/client.ts';
import { dimensions, orgDimensions, orgs } from '../org/org.schema.ts';
import { taskAssists, taskEntries, taskEvents, taskMilestones, tasks, workPoints } from '../plan/plan.schema.ts';
import { shanghaiDate } from '../platform/kernel/clock.ts';
import { encryptPlaintextIn } from '../platform/kernel/data-encryption.ts';
import { hashPassword } from '../platform/platform.auth.service.ts';
import { users } from '../platform/platform.schema.ts';
import {
  centerOffices,
  coordGroups,
  demoCounty,
  demoPassword,
  demoUsers,
  memberUnits,
  sectors,
  tiers,
} from './demo-org.ts';
import { type DemoTask, type DemoTaskState, demoTasks } from './demo-plan.ts';
import { moduleSeeds } from './module-seeds.ts';

const dayMs = 86400000;

export async function hasData(db: Executor) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(orgs);
  return (row?.n ?? 0) > 0;
}

/** Seeds the demo county: org tree, dimensions, users, last year's work complete and this year's in progress. */
export async function seedDemo(db: Db, now: Date) {
  if (await hasData(db)) throw new Error('数据库中已有数据，演示数据只能导入空数据库');
  const passwordHash = await hashPassword(demoPassword);
  return db.transaction(async (tx) => {
    const orgIds = await seedOrgs(tx);
    await tx.insert(users).values(
      demoUsers.map((u) => ({
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        dataScope: u.dataScope,
        orgId: orgIds.get(u.org)!,
        scopeOrgId: u.scopeOrg ? orgIds.get(u.scopeOrg)! : null,
        passwordHash,
      })),
    );
    const officeUser = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'office'));
    const year = Number(shanghaiDate(now).slice(0, 4));
    const county = orgIds.get(demoCounty.county.name)!;
    await seedYear(tx, { year: year - 1, county, orgIds, officeUserId: officeUser[0]!.id, now, complete: true });
    await seedYear(tx, { year, county, orgIds, officeUserId: officeUser[0]!.id, now, complete: false });
    const userRows = await tx.select({ id: users.id, username: users.username }).from(users);
    const userIds = new Map(userRows.map((u) => [u.username, u.id]));
    for (const seed of moduleSeeds) await seed(tx, { orgIds, userIds, now, year });
    await encryptPlaintextIn(tx); // seeders write personal values in plain text; they are stored encrypted
    return { orgs: orgIds.size, users: demoUsers.length };
  });
}

async function seedOrgs(tx: Executor) {
  const ids = new Map<string, number>();
  const paths = new Map<string, string>();
  const add = async (
    name: string,
    kind: string,
    parent: string | null,
    extra: { code?: string; shortName?: string; sort?: number } = {},
  ) => {
    const parentId = parent ? ids.get(parent)! : null;
    const parentPath = parent ? paths.get(parent)! : '/';
    const [next] = await queryRows<{ id: number }>(
      tx,
      sql`select nextval(pg_get_serial_sequence('orgs', 'id'))::int as id`,
    );
    const id = next!.id;
    const path = `${parentPath}${id}/`;
    await tx.insert(orgs).values({
      id,
      name,
      kind,
      parentId,
      code: extra.code ?? null,
      shortName: extra.shortName ?? null,
      sort: extra.sort ?? 0,
      path,
    });
    paths.set(name, path);
    ids.set(name, id);
    return id;
  };
  const { province, city, county, neighbour } = demoCounty;
  await add(province.name, 'province', null, { code: province.code });
  await add(city.name, 'city', province.name, { code: city.code });
  await add(city.office, 'office', city.name);
  await add(county.name, 'county', city.name, { code: county.code });
  await add(county.committee, 'committee', county.name, { sort: 1 });
  await add(county.office, 'office', county.name, { sort: 2 });
  let sort = 10;
  for (const unit of memberUnits)
    await add(unit.name, 'department', county.name, { shortName: unit.short, sort: sort++ });
  for (const center of centerOffices) {
    for (const township of center.townships) {
      await add(township.name, 'township', county.name, { sort: sort++ });
      await add(`${township.name}司法所`, 'judicial_office', township.name);
      for (const village of township.villages) await add(village, 'village', township.name);
    }
  }
  await add(neighbour.name, 'county', city.name, { code: neighbour.code });
  await add(neighbour.office, 'office', neighbour.name);
  for (const unit of neighbour.units) await add(unit, 'department', neighbour.name);

  const countyId = ids.get(county.name)!;
  const dim = async (kind: string, names: readonly string[]) => {
    const rows = await tx
      .insert(dimensions)
      .values(names.map((name, i) => ({ ownerOrgId: countyId, kind, name, sort: i })))
      .returning({ id: dimensions.id, name: dimensions.name });
    return new Map(rows.map((r) => [r.name, r.id]));
  };
  const groupIds = await dim('coord_group', coordGroups);
  const tierIds = await dim('tier', tiers);
  const sectorIds = await dim('sector', sectors);
  const centerIds = await dim(
    'center_office',
    centerOffices.map((c) => c.name),
  );
  const links: { orgId: number; dimensionId: number }[] = [];
  for (const unit of memberUnits) {
    const orgId = ids.get(unit.name)!;
    links.push({ orgId, dimensionId: tierIds.get('区级部门')! });
    for (const g of unit.groups) links.push({ orgId, dimensionId: groupIds.get(g)! });
    for (const s of unit.sectors) links.push({ orgId, dimensionId: sectorIds.get(s)! });
  }
  for (const center of centerOffices) {
    for (const township of center.townships) {
      const centerId = centerIds.get(center.name)!;
      links.push({ orgId: ids.get(township.name)!, dimensionId: tierIds.get('乡镇（街道）')! });
      links.push({ orgId: ids.get(township.name)!, dimensionId: centerId });
      links.push({ orgId: ids.get(`${township.name}司法所`)!, dimensionId: centerId });
      for (const village of township.villages) {
        links.push({ orgId: ids.get(village)!, dimensionId: tierIds.get('村（社区）')! });
        links.push({
          orgId: ids.get(village)!,
          dimensionId: sectorIds.get(village.endsWith('社区') ? '社区' : '乡村')!,
        });
      }
    }
  }
  await tx.insert(orgDimensions).values(links);
  return ids;
}

type YearContext = {
  year: number;
  county: number;
  orgIds: Map<string, number>;
  officeUserId: number;
  now: Date;
  complete: boolean;
};

async function seedYear(tx: Executor, ctx: YearContext) {
  const { year, now } = ctx;
  const publishedAt = new Date(Date.UTC(year, 1, 20, 2));
  const [wp] = await tx
    .insert(workPoints)
    .values({
      orgId: ctx.county,
      year,
      title: `${year}年全面依法治区工作要点`,
      content: `根据区委全面依法治区委员会部署，落实依法执政、依法行政等6项基础目标任务，推行“1项目标任务、1个工作方案、1套推进措施、1本工作台账”的“1×3”销号管理办法。`,
      status: 'published',
      publishedAt,
      createdBy: ctx.officeUserId,
    })
    .returning({ id: workPoints.id });
  const today = shanghaiDate(now);
  const insertTask = async (t: DemoTask, parentId: number | null) => {
    const state: DemoTaskState = ctx.complete ? 'closed' : t.state;
    let deadline = `${year}-${t.deadline}`;
    if (state === 'overdue' && deadline >= today) deadline = shanghaiDate(new Date(now.getTime() - 10 * dayMs));
    if (state === 'due_soon') deadline = shanghaiDate(new Date(now.getTime() + 5 * dayMs));
    const isParent = Boolean(t.children?.length);
    const status =
      state === 'closed' ? 'closed' : state === 'applied' ? 'applied' : state === 'issued' ? 'issued' : 'in_progress';
    const percents = isParent ? [] : entryPercents(state);
    const entryDates = percents.map((_, i) => clampDate(`${year}-${['04-15', '07-10', '10-20'][i] ?? '11-10'}`, today));
    const closedAt =
      status === 'closed' ? new Date(Math.min(Date.parse(`${deadline}T02:00:00Z`), now.getTime() - dayMs)) : null;
    const [row] = await tx
      .insert(tasks)
      .values({
        workPointId: wp!.id,
        parentId,
        orgId: ctx.orgIds.get(t.lead)!,
        year,
        title: t.title,
        description: `${t.title}，按“1×3”销号管理要求推进。`,
        deadline,
        weight: t.weight,
        status,
        ownPercent: percents.at(-1) ?? null,
        planText: t.measures.length ? `《${t.title}工作方案》：明确责任领导、责任科室和时间节点，按季度报送进展。` : '',
        measures: t.measures,
        closedAt,
        closedBy: closedAt ? ctx.officeUserId : null,
        createdBy: ctx.officeUserId,
        createdAt: publishedAt,
      })
      .returning({ id: tasks.id });
    const id = row!.id;
    for (const a of t.assists ?? []) await tx.insert(taskAssists).values({ taskId: id, orgId: ctx.orgIds.get(a)! });
    if (parentId === null) {
      await tx.insert(taskMilestones).values(
        (['start', 'half', 'mid', 'end'] as const).map((node, i) => {
          const dueDate = `${year}-${['03-31', '06-30', '09-30', '12-31'][i]}`;
          return { taskId: id, node, dueDate, doneAt: dueDate < today ? new Date(`${dueDate}T08:00:00Z`) : null };
        }),
      );
    }
    if (percents.length) {
      await tx.insert(taskEntries).values(
        percents.map((percent, i) => ({
          taskId: id,
          orgId: ctx.orgIds.get(t.lead)!,
          entryDate: entryDates[i]!,
          percent,
          content: progressText(t, percent, i),
          createdBy: ctx.officeUserId,
        })),
      );
    }
    const events: { action: string; fromStatus: string | null; toStatus: string }[] = [
      { action: 'issue', fromStatus: 'draft', toStatus: 'issued' },
    ];
    if (status !== 'issued') events.push({ action: 'report', fromStatus: 'issued', toStatus: 'in_progress' });
    if (status === 'applied' || status === 'closed')
      events.push({ action: 'apply', fromStatus: 'in_progress', toStatus: 'applied' });
    if (status === 'closed') events.push({ action: 'approve', fromStatus: 'applied', toStatus: 'closed' });
    await tx
      .insert(taskEvents)
      .values(events.map((e) => ({ ...e, taskId: id, actorId: ctx.officeUserId, at: publishedAt })));
    for (const child of t.children ?? []) await insertTask(child, id);
  };
  for (const t of demoTasks) await insertTask(t, null);
}

function entryPercents(state: DemoTaskState): number[] {
  switch (state) {
    case 'closed':
    case 'applied':
      return [40, 80, 100];
    case 'in_progress':
      return [30, 65];
    case 'overdue':
      return [50];
    case 'due_soon':
      return [40, 70];
    case 'issued':
      return [];
  }
}

function clampDate(date: string, today: string) {
  return date > today ? today : date;
}

function progressText(t: DemoTask, percent: number, i: number) {
  const measure = t.measures[i % Math.max(1, t.measures.length)] ?? '推进相关工作';
  if (percent === 100) return `已全面完成“${t.title}”，${measure}，相关佐证材料已归档。`;
  return `按计划推进：${measure}，目前完成约${percent}%。`;
}
