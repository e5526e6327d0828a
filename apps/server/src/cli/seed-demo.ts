import { seedDemo } from '../demo/seed-demo.ts';
import { compactEncryptedTables } from '../platform/kernel/data-encryption.ts';
import { openFromEnv } from '../platform/kernel/open-database.ts';
import { remindersJob, runDueJobs } from '../scheduled-work.ts';

export async function seedDemoCommand() {
  const database = await openFromEnv('fazhi seed-demo');
  try {
    const now = new Date();
    const result = await seedDemo(database.db, now);
    // The demo as of today includes today's deadline reminders: a folder seeded ahead of a start opens with its
    // bell already filled, instead of the reminders arriving in the middle of the first session (serve's first
    // scheduled run, 10 s after the start, skips them within the hour and never sends one twice).
    const [outcome] = await runDueJobs(database.db, now, 'seed-demo', [remindersJob]);
    await compactEncryptedTables(database.db); // the seeders' plain-text row versions out of the files
    console.log(`演示数据已导入：${result.orgs} 个单位，${result.users} 个演示账号（密码 Fazhi@2026）`);
    for (const message of outcome?.messages ?? []) console.log(message);
  } finally {
    await database.close();
  }
}
