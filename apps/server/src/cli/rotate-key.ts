import { chmodSync, existsSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compactEncryptedTables, rotateDataKey } from '../platform/kernel/data-encryption.ts';
import { dataKeys, keyFilePath, newMasterKey, parseMasterKey } from '../platform/kernel/field-crypto.ts';
import { dbOptionsFromEnv, openFromEnv } from '../platform/kernel/open-database.ts';

/** `npx fazhi new-key`: prints a fresh 256-bit data key (64 hex digits) for FAZHI_DATA_KEY. */
export async function newKeyCommand() {
  console.log(newMasterKey());
}

/**
 * `npx fazhi rotate-key`: re-encrypts every personal value and rebuilds every blind index under a new key, in one
 * transaction. The new key is FAZHI_NEW_DATA_KEY, or (key kept in a file) a fresh one written to that file; the old
 * file is kept as `<file>.<time>.old` because backups taken before the rotation can only be read with it.
 * Run with the service stopped.
 */
export async function rotateKeyCommand() {
  const env = process.env;
  const fromEnv = Boolean(env.FAZHI_DATA_KEY);
  const options = dbOptionsFromEnv();
  const file = fromEnv
    ? null
    : env.FAZHI_DATA_KEY_FILE
      ? resolve(env.FAZHI_DATA_KEY_FILE)
      : options.databaseUrl
        ? null
        : keyFilePath(options.dataDir);
  if (fromEnv && !env.FAZHI_NEW_DATA_KEY)
    throw new Error(
      '数据密钥来自环境变量 FAZHI_DATA_KEY：请以 FAZHI_NEW_DATA_KEY 提供新密钥（可用 npx fazhi new-key 生成）',
    );
  const newKeyText = env.FAZHI_NEW_DATA_KEY || newMasterKey();
  const newMaster = parseMasterKey(newKeyText);

  const database = await openFromEnv('fazhi rotate-key');
  try {
    const oldKeys = dataKeys();
    // The new key reaches the disk before the data is re-encrypted under it: a crash leaves both keys at hand.
    const staged = file ? `${file}.new` : null;
    if (staged) writeFileSync(staged, `${newMaster.toString('hex')}\n`, { mode: 0o600 });
    const values = await rotateDataKey(database.db, oldKeys, newMaster);
    await compactEncryptedTables(database.db); // old-key row versions out of the table files
    if (file && staged) {
      const old = `${file}.${new Date().toISOString().replace(/[:.]/g, '-')}.old`;
      if (existsSync(file)) renameSync(file, old);
      renameSync(staged, file);
      chmodSync(file, 0o600);
      console.log(
        `密钥轮换完成：${values} 个加密值已用新密钥重新加密，盲索引已重建。\n新密钥已写入 ${file}；旧密钥保留为 ${old}，用于读取轮换前的备份，请与那些备份一同妥善保管。`,
      );
    } else {
      console.log(
        `密钥轮换完成：${values} 个加密值已用新密钥重新加密，盲索引已重建。\n请立即将 FAZHI_DATA_KEY 改为新密钥后再启动服务；旧密钥仅用于读取轮换前的备份。`,
      );
    }
  } finally {
    await database.close();
  }
}
