import type { Executor } from '../db/client.ts';
import { honoursOfYear } from '../ledgers/ledgers.service.ts';
import { problemsOfYear } from '../oversight/oversight.problems.service.ts';
import { topTasksOfYear } from '../plan/plan.service.ts';
import type { OrgRow } from './reports.repo.ts';

export type WorkSummary = {
  closedTitles: string[];
  overdueTitles: string[];
  openTitles: string[];
  openProblems: { title: string; status: string }[];
  problemCount: number;
  honours: { title: string; level: string; authority: string }[];
};

/**
 * What a report says in words, for an org subtree and year, from the modules that own the data (three set-based
 * queries side by side, each through its module's service): closed, overdue and open top-level tasks (plan),
 * problems found (oversight), and honours from the 荣誉 ledger (ledgers).
 */
export async function queryWorkSummary(db: Executor, org: OrgRow, year: number, today: string): Promise<WorkSummary> {
  const [tasks, problems, honours] = await Promise.all([
    topTasksOfYear(db, org.path, year),
    problemsOfYear(db, org.path, year),
    honoursOfYear(db, org.path, year),
  ]);
  return {
    closedTitles: tasks.filter((t) => t.status === 'closed').map((t) => t.title),
    overdueTitles: tasks.filter((t) => t.status !== 'closed' && t.deadline < today).map((t) => t.title),
    openTitles: tasks.filter((t) => t.status !== 'closed').map((t) => t.title),
    openProblems: problems.filter((p) => p.status !== 'closed').map((p) => ({ title: p.title, status: p.status })),
    problemCount: problems.length,
    honours,
  };
}
