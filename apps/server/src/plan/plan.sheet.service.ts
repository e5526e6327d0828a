import { taskSheetColumns } from '@fazhi/core/plan/plan.schemas';
import { applyTaskAction, taskStatusLabels } from '@fazhi/core/plan/task-lifecycle';
import { can } from '@fazhi/core/platform/roles';
import { isCalendarDate } from '@fazhi/core/shared/fields';
import type { Db } from '../db/client.ts';
import { shanghaiToday } from '../platform/kernel/clock.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { AppError } from '../platform/kernel/errors.ts';
import { type RowError, readSheet, rowErrorsToMessage, writeSheet } from '../platform/kernel/excel.ts';
import { queryTasks, type TaskFilter } from './plan.repo.ts';
import { insertEntry } from './plan.service.ts';

const columns = taskSheetColumns.map((c) => ({
  key: c.key,
  header: c.header,
  width: c.key === 'title' ? 40 : undefined,
}));
const maxRows = 5000;

export async function exportTaskSheet(db: Db, actor: Actor, filter: TaskFilter, now: Date) {
  const list = await queryTasks(db, actor.user, filter, now);
  return writeSheet(
    '任务进度',
    columns,
    list.map((t) => ({
      id: t.id,
      title: t.title,
      leadOrg: t.leadOrgName,
      deadline: t.deadline,
      status: taskStatusLabels[t.status],
      progress: t.progress,
      newPercent: '',
      newContent: '',
      newDate: '',
    })),
  );
}

/** Accepts 80, 80%, ８０％ or 八十 is too far: digits only (half- or full-width), optional percent sign. */
function parsePercent(text: string): number | null {
  const half = text
    .replace(/[０-９．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/%$/, '')
    .trim();
  if (!/^\d+(\.\d+)?$/.test(half)) return null;
  const n = Number(half);
  return n >= 0 && n <= 100 ? n : null;
}

/**
 * Rows with a new percent or note become ledger entries. Every row is checked first; one bad row and nothing is
 * written. The file exported by `exportTaskSheet`, edited, imports back unchanged in shape.
 */
export async function importTaskSheet(db: Db, actor: Actor, data: Buffer, now: Date) {
  const rows = await readSheet(data, columns, ['id', 'newPercent', 'newContent']);
  if (rows.length > maxRows) throw new AppError(400, 'TOO_MANY_ROWS', `单次最多导入${maxRows}行`);
  const filled = rows.filter((r) => r.cells.newPercent || r.cells.newContent || r.cells.newDate);
  if (filled.length === 0)
    throw new AppError(400, 'EMPTY_IMPORT', '没有需要导入的进展：请在“本次进度(%)”和“本次进展说明”列填写');
  const ids = filled.map((r) => Number(r.cells.id)).filter((n) => Number.isInteger(n) && n > 0);
  const visible = new Map((await queryTasks(db, actor.user, { ids }, now)).map((t) => [t.id, t]));
  const today = shanghaiToday(now);
  const errors: RowError[] = [];
  const seen = new Set<number>();
  const entries = filled.map(({ rowNumber, cells }) => {
    const err = (column: string, message: string) => errors.push({ row: rowNumber, column, message });
    const id = Number(cells.id);
    const task = visible.get(id);
    if (!cells.id || !Number.isInteger(id)) err('任务编号', '不是有效的任务编号');
    else if (!task) err('任务编号', `任务 ${cells.id} 不存在或不在您的数据范围内`);
    else if (seen.has(id)) err('任务编号', `任务 ${id} 在表中重复出现`);
    else {
      const isMine = task.leadOrgId === actor.user.orgId || task.assistOrgIds.includes(actor.user.orgId);
      if (!isMine && !can(actor.user.role, 'plan.manage') && actor.user.dataScope !== 'subtree')
        err('任务编号', '您的单位不是该任务的牵头或协办单位');
      const move = applyTaskAction(task.status, { type: 'report' });
      if (!move.ok) err('状态', move.message);
    }
    seen.add(id);
    const percent = parsePercent(cells.newPercent ?? '');
    if (percent === null) err('本次进度(%)', '须为0到100之间的数字');
    const content = (cells.newContent ?? '').trim();
    if (!content) err('本次进展说明', '不能为空');
    else if (content.length > 5000) err('本次进展说明', '不能超过5000个字');
    const date = cells.newDate || today;
    if (!isCalendarDate(date)) err('填报日期', '日期格式应为 YYYY-MM-DD（1900年至2100年之间的真实日期）');
    else if (date > today) err('填报日期', '不能晚于今天');
    return { task, entry: { entryDate: date, percent: percent ?? 0, content, attachmentIds: [] as number[] } };
  });
  if (errors.length) throw new AppError(422, 'IMPORT_ROWS', rowErrorsToMessage(errors), errors);
  await db.transaction(async (tx) => {
    for (const { task, entry } of entries) await insertEntry(tx, actor, task!, entry);
  });
  return { imported: entries.length };
}
