import { type OrgKind, orgImportColumns, orgKindLabels, orgKinds } from '@fazhi/core/org/org.schemas';
import type { Db } from '../db/client.ts';
import type { Actor } from '../platform/kernel/context.ts';
import { AppError } from '../platform/kernel/errors.ts';
import { type RowError, readSheet, rowErrorsToMessage, writeSheet } from '../platform/kernel/excel.ts';
import { allDimensionNames, dimensionNamesOnPath, listOrgsInScope } from './org.repo.ts';
import { insertOrg } from './org.service.ts';

const kindByLabel = new Map<string, OrgKind>(orgKinds.map((k) => [orgKindLabels[k], k]));
const columns = orgImportColumns.map((c) => ({ key: c.key, header: c.header }));
const required = orgImportColumns.filter((c) => c.required).map((c) => c.key);
const maxRows = 5000;

export async function orgTemplate(db: Db, actor: Actor) {
  const visible = await listOrgsInScope(db, actor.user);
  const example = visible[0];
  return writeSheet('单位导入', columns, [
    {
      name: '示例：区应急管理局',
      parent: example?.name ?? '',
      kind: orgKindLabels.department,
      shortName: '区应急局',
      code: '',
      dimensions: '执法协调小组、区级部门',
    },
  ]);
}

export async function exportOrgs(db: Db, actor: Actor) {
  const visible = await listOrgsInScope(db, actor.user);
  const nameById = new Map(visible.map((o) => [o.id, o.name]));
  const dims = await allDimensionNames(db);
  const dimName = new Map(dims.map((d) => [d.id, d.name]));
  return writeSheet(
    '单位',
    columns,
    visible.map((o) => ({
      name: o.name,
      parent: o.parentId ? (nameById.get(o.parentId) ?? '') : '',
      kind: orgKindLabels[o.kind],
      shortName: o.shortName ?? '',
      code: o.code ?? '',
      dimensions: o.dimensionIds.map((d) => dimName.get(d) ?? '').join('、'),
    })),
  );
}

/**
 * All rows are checked before anything is written; one bad row and nothing changes. Parents may be existing units
 * in scope or units created earlier in the same file.
 */
export async function importOrgs(db: Db, actor: Actor, data: Buffer) {
  const rows = await readSheet(data, columns, required);
  if (rows.length === 0) throw new AppError(400, 'EMPTY_IMPORT', 'Excel 文件中没有数据行');
  if (rows.length > maxRows) throw new AppError(400, 'TOO_MANY_ROWS', `单次最多导入${maxRows}行`);
  const visible = await listOrgsInScope(db, actor.user);
  const byName = new Map<string, number[]>();
  for (const o of visible) byName.set(o.name, [...(byName.get(o.name) ?? []), o.id]);
  const dims = await dimensionNamesOnPath(db, actor.user);
  const dimByName = new Map(dims.map((d) => [d.name, d.id]));

  const errors: RowError[] = [];
  const pendingNames = new Set<string>();
  const plan = rows.map(({ rowNumber, cells }) => {
    const err = (column: string, message: string) => errors.push({ row: rowNumber, column, message });
    const name = cells.name ?? '';
    if (!name) err('单位名称', '不能为空');
    else if (name.length > 100) err('单位名称', '不能超过100个字');
    else if (byName.has(name) || pendingNames.has(name)) err('单位名称', `“${name}”已存在`);
    const kind = kindByLabel.get(cells.kind ?? '');
    if (!kind) err('单位类型', `“${cells.kind ?? ''}”不是有效的单位类型，可选：${[...kindByLabel.keys()].join('、')}`);
    const parentName = cells.parent ?? '';
    const parentIds = byName.get(parentName);
    if (!parentName) err('上级单位', '不能为空');
    else if (!parentIds && !pendingNames.has(parentName))
      err('上级单位', `找不到单位“${parentName}”（须为已有单位或本表中在前面的行）`);
    else if (parentIds && parentIds.length > 1) err('上级单位', `有多个名为“${parentName}”的单位，请改用唯一名称`);
    const dimensionIds: number[] = [];
    for (const d of (cells.dimensions ?? '')
      .split(/[、,，;；]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const id = dimByName.get(d);
      if (id) dimensionIds.push(id);
      else err('所属维度', `找不到维度“${d}”`);
    }
    if (cells.code && !/^[A-Za-z0-9_-]{1,40}$/.test(cells.code)) err('单位编码', '只能包含字母、数字、下划线和连字符');
    if (name) pendingNames.add(name);
    return { name, kind, parentName, dimensionIds, shortName: cells.shortName || null, code: cells.code || null };
  });
  if (errors.length) throw new AppError(422, 'IMPORT_ROWS', rowErrorsToMessage(errors), errors);

  return db.transaction(async (tx) => {
    const created = new Map<string, number>();
    for (const p of plan) {
      const parentId = created.get(p.parentName) ?? byName.get(p.parentName)![0]!;
      const { id } = await insertOrg(tx, actor, {
        parentId,
        name: p.name,
        kind: p.kind!,
        shortName: p.shortName,
        code: p.code,
        sort: 0,
        dimensionIds: p.dimensionIds,
      });
      created.set(p.name, id);
    }
    return { created: created.size };
  });
}
