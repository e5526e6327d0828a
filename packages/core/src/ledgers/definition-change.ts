import type { LedgerDefinition } from './definition.ts';

/**
 * What may change in a custom type that already has rows: labels, help, new fields, new options, list and filter
 * settings. Stored values must keep their meaning, so a field may not disappear or change kind, an option key may
 * not disappear, and the business date may not move to another field. Returns Chinese reasons (empty when fine).
 */
export function definitionChangeProblems(before: LedgerDefinition, after: LedgerDefinition): string[] {
  const problems: string[] = [];
  const next = new Map(after.fields.map((f) => [f.key, f]));
  for (const f of before.fields) {
    const g = next.get(f.key);
    if (!g) {
      problems.push(`台账已有数据，不能删除字段“${f.label}”`);
      continue;
    }
    if (g.kind !== f.kind) problems.push(`台账已有数据，不能修改字段“${f.label}”的类型`);
    if (f.kind === 'enum' || f.kind === 'multi_enum') {
      const keys = new Set((g.options ?? []).map((o) => o.key));
      for (const o of f.options ?? [])
        if (!keys.has(o.key)) problems.push(`台账已有数据，不能删除字段“${f.label}”的选项“${o.label}”`);
    }
  }
  if (before.dateField !== after.dateField) problems.push('台账已有数据，不能更换业务发生日期字段');
  return problems;
}
