import { openFromEnv } from '../platform/kernel/open-database.ts';
import { verifyAuditChain } from '../platform/platform.audit-chain.service.ts';

/** `npx fazhi audit verify`: exit 0 when the SM3 chain is whole, 2 naming the first broken row otherwise. */
export async function auditCommand([sub]: string[]) {
  if (sub !== 'verify') throw new Error('用法：npx fazhi audit verify');
  const database = await openFromEnv('fazhi audit');
  try {
    const state = await verifyAuditChain(database.db);
    if (state.isIntact) {
      console.log(`审计日志完整：共 ${state.rows} 条记录，SM3 校验链无断点`);
      return;
    }
    console.error(
      `审计日志校验失败：第 ${state.position} 条记录（id ${state.brokenId}）${state.reason}，此后的记录无法证明未被改动`,
    );
    process.exitCode = 2;
  } finally {
    await database.close();
  }
}
