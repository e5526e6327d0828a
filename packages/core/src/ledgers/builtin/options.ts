import type { EnumOption } from '../definition.ts';

/** `[['success', '调解成功'], …]` → enum options. */
export const opts = (pairs: [string, string][]): EnumOption[] => pairs.map(([key, label]) => ({ key, label }));

export const yesNo = { kind: 'boolean' } as const;
