export * from '../assessment/assessment.schema.ts';
export * from '../consultation/consultation.schema.ts';
export * from '../ledgers/ledgers.schema.ts';
export * from '../metrics/metrics.schema.ts';
export * from '../org/org.schema.ts';
export * from '../plan/plan.schema.ts';
export * from '../platform/platform.schema.ts';
