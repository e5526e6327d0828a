import { seedDemo } from '../demo/seed-demo.ts';
import { compactEncryptedTables } from '../platform/kernel/data-encryption.ts';
import { openFromEnv } from '../platform/kernel/open-database.ts';

export async function seedDemoCommand() {
  const database = await openFromEnv('fazhi seed-demo');
  try {
    const result = await seedDemo(database.db, new Date());
    await compactEncryptedTables(database.db); // the seeders' plain-text row versions out of the files
    console.log(`演示数据已导入：${result.orgs} 个单位，${result.users} 个演示账号（密码 Fazhi@2026）`);
  } finally {
    await database.close();
  }
}
