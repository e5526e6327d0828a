import type { Executor } from '../db/client.ts';
import { seedAffairs } from './demo-affairs.ts';
import { seedAssessment } from './demo-assessment.ts';
import { seedDemoCadres } from './demo-cadres.ts';
import { seedConsultation } from './demo-consultation.ts';
import { seedGrassroots } from './demo-grassroots.ts';
import { seedGrids } from './demo-grids.ts';
import { seedDemoLedgers } from './demo-ledgers.ts';
import { seedLizhou } from './demo-lizhou.ts';
import { seedLizhouGrassroots } from './demo-lizhou-grassroots.ts';
import { seedDemoOversight } from './demo-oversight.ts';
import { seedReports } from './demo-reports.ts';
import { seedSurveys } from './demo-survey.ts';

/** What a module's demo seeder gets: the org ids by name, the demo users by username, and the clock. */
export type DemoContext = {
  orgIds: Map<string, number>;
  userIds: Map<string, number>;
  now: Date;
  /** The current (in-progress) year; the previous year is complete. */
  year: number;
};

export type DemoSeeder = (tx: Executor, ctx: DemoContext) => Promise<void>;

/** Each module appends its demo seeder here; they run in order inside the demo transaction. */
export const moduleSeeds: DemoSeeder[] = [
  seedDemoLedgers,
  seedConsultation,
  seedAssessment,
  seedDemoCadres,
  seedDemoOversight,
  seedGrassroots,
  seedAffairs,
  seedReports,
  seedSurveys,
  seedLizhou,
  seedGrids,
  // Appends 利州区's townships, villages and grids after every other demo org, so it comes last.
  seedLizhouGrassroots,
];
