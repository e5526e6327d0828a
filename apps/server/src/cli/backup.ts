import { openFromEnv } from '../platform/kernel/open-database.ts';
import { assertBackupFile, backupTo, restoreFrom } from '../platform/platform.backup.service.ts';

export async function backupCommand([file]: string[]) {
  if (!file) throw new Error('用法：npx fazhi backup <文件>');
  const database = await openFromEnv('fazhi backup');
  try {
    const result = await backupTo(database.db, file);
    console.log(
      `备份完成：${file}（${result.tables} 张表）\n校验和：${result.checksum.length > 80 ? `${result.checksum.slice(0, 80)}…` : result.checksum}`,
    );
  } finally {
    await database.close();
  }
}

export async function restoreCommand([file]: string[]) {
  if (!file) throw new Error('用法：npx fazhi restore <文件>');
  await assertBackupFile(file); // before the database (and its lock) is opened
  const database = await openFromEnv('fazhi restore');
  try {
    const result = await restoreFrom(database.db, file);
    console.log(`恢复完成：${result.tables} 张表，校验和一致`);
  } finally {
    await database.close();
  }
}
