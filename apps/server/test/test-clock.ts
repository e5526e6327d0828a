/** Tests run on a fixed clock so the demo county (seeded relative to "now") is the same in every run. */
export const testNow = new Date('2026-11-23T02:00:00Z');
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
