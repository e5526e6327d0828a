import type { EnumOption } from '../../ledgers/definition.ts';

/** `{ key: '中文' }` → enum options, in insertion order. */
export function options(labels: Record<string, string>): EnumOption[] {
  return Object.entries(labels).map(([key, label]) => ({ key, label }));
}
