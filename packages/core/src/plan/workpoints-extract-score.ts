import { z } from '../shared/zod.ts';
import type { WorkpointOrg, WorkpointsProposal } from './workpoints-extract.ts';

/**
 * Scoring the work-point extractor against hand-written labels (eval/workpoints). A labelled point is recognised
 * when the proposal has a point with the same number whose title starts with the labelled title (spaces and
 * punctuation ignored), matched in document order. Units and deadlines are scored only where the document writes
 * them: a heading whose lead the proposal derived from its children is not a recognised lead.
 */

export const workpointLabelsSchema = z.object({
  source: z.object({ url: z.string(), date: z.string(), shape: z.string() }),
  year: z.number().int(),
  points: z.array(
    z.object({
      number: z.string(),
      title: z.string().min(1),
      lead: z.string().nullable(),
      assist: z.array(z.string()).default([]),
      deadline: z.string().nullable(),
    }),
  ),
});
export type WorkpointLabels = z.output<typeof workpointLabelsSchema>;

export type WorkpointCheck = {
  kind: 'point' | 'lead' | 'assist' | 'deadline';
  name: string;
  expected: string;
  actual: string;
  isRight: boolean;
};

export type WorkpointScore = {
  points: { right: number; total: number };
  extra: number;
  leads: { right: number; total: number };
  assists: { right: number; total: number };
  deadlines: { right: number; total: number };
  checks: WorkpointCheck[];
};

const plain = (s: string) => s.replace(/[\s\p{P}]/gu, '');
const numberKey = (s: string) =>
  s
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/[、.．]$/g, '');

/**
 * Labels name units by their full names; "@township" / "@department" stand for every org of that kind (what 各镇街 or
 * 区级各部门 mean), less the lead; a lead of "-" is a unit the org list lacks, so the right proposal leaves it empty.
 */
export function scoreWorkpoints(
  proposal: WorkpointsProposal,
  labels: WorkpointLabels,
  orgs: readonly WorkpointOrg[],
): WorkpointScore {
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const nameOf = (id: number) => names.get(id) ?? String(id);
  const expand = (assist: string[], lead: string | null) => {
    const out = new Set<string>();
    for (const a of assist) {
      if (!a.startsWith('@')) {
        out.add(a);
        continue;
      }
      for (const o of orgs) if (o.kind === a.slice(1)) out.add(o.name);
    }
    if (lead) out.delete(lead);
    return [...out].sort();
  };
  const checks: WorkpointCheck[] = [];
  const score: WorkpointScore = {
    points: { right: 0, total: labels.points.length },
    extra: 0,
    leads: { right: 0, total: 0 },
    assists: { right: 0, total: 0 },
    deadlines: { right: 0, total: 0 },
    checks,
  };
  let from = 0;
  const used = new Set<number>();
  for (const want of labels.points) {
    const name = `${want.number}${want.title}`;
    let at = -1;
    for (let i = from; i < proposal.points.length; i++) {
      const got = proposal.points[i]!;
      if (numberKey(got.number) === numberKey(want.number) && plain(got.title).startsWith(plain(want.title))) {
        at = i;
        break;
      }
    }
    const got = at >= 0 ? proposal.points[at]! : null;
    checks.push({
      kind: 'point',
      name,
      expected: name,
      actual: got ? `${got.number}${got.title}` : '（未识别）',
      isRight: !!got,
    });
    if (got) {
      score.points.right++;
      used.add(at);
      from = at + 1;
    }
    if (want.lead !== null) {
      score.leads.total++;
      const actual = got?.leadOrgId && got.leadSource === 'text' ? nameOf(got.leadOrgId) : '（无）';
      const expected = want.lead === '-' ? '（无）' : want.lead;
      const isRight = actual === expected;
      if (isRight) score.leads.right++;
      checks.push({ kind: 'lead', name, expected, actual, isRight });
    }
    if (want.lead !== null || want.assist.length > 0) {
      score.assists.total++;
      const expected = expand(want.assist, want.lead).join('、');
      const actual = got && got.leadSource !== 'children' ? got.assistOrgIds.map(nameOf).sort().join('、') : '';
      const isRight = actual === expected;
      if (isRight) score.assists.right++;
      checks.push({ kind: 'assist', name, expected: expected || '（无）', actual: actual || '（无）', isRight });
    }
    if (want.deadline !== null) {
      score.deadlines.total++;
      const actual = got?.deadline && got.deadlineSource === 'text' ? got.deadline : '（无）';
      const isRight = actual === want.deadline;
      if (isRight) score.deadlines.right++;
      checks.push({ kind: 'deadline', name, expected: want.deadline, actual, isRight });
    }
  }
  score.extra = proposal.points.length - used.size;
  return score;
}
