import { describe, expect, it } from 'vitest';
import { copySchemeToNextYear, reviseScheme } from './copy-scheme.ts';
import { buildDemoScheme } from './demo-scheme.ts';
import type { Indicator } from './scheme.schemas.ts';
import { validateScheme } from './scheme.schemas.ts';

const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const allIds = (nodes: Indicator[]): string[] => nodes.flatMap((n) => [n.id, ...allIds(n.children ?? [])]);

describe('copy scheme', () => {
  it('copies to the next year as version 1 with every id regenerated', () => {
    const source = buildDemoScheme(2024);
    const { scheme, idMap } = copySchemeToNextYear(source, counter());
    expect(scheme).toMatchObject({ year: 2025, version: 1, name: '2025年度法治建设考核方案' });
    expect(scheme.copiedFrom).toEqual({ schemeId: source.id, year: 2024, version: 1 });
    expect(scheme.id).toBe(idMap[source.id]);
    const oldIds = source.templates.flatMap((t) => [t.id, ...allIds(t.indicators)]);
    const newIds = scheme.templates.flatMap((t) => [t.id, ...allIds(t.indicators)]);
    expect(newIds.every((id) => id.startsWith('id-'))).toBe(true);
    expect(newIds).toEqual(oldIds.map((id) => idMap[id]));
    expect(validateScheme(scheme).ok).toBe(true);
  });

  it('keeps structure, rules and tables, and leaves the source untouched', () => {
    const source = buildDemoScheme(2024);
    const before = structuredClone(source);
    const { scheme } = copySchemeToNextYear(source, counter());
    const strip = (nodes: Indicator[]): unknown[] =>
      nodes.map(({ id: _id, children, ...rest }) => ({ ...rest, children: children && strip(children) }));
    expect(strip(scheme.templates[0]!.indicators)).toEqual(strip(source.templates[0]!.indicators));
    expect(scheme.bonus).toEqual(source.bonus);
    expect(scheme.grading).toEqual(source.grading);
    scheme.templates[0]!.indicators[0]!.name = '已修改';
    expect(source).toEqual(before);
  });

  it('a revision keeps the year and bumps the version', () => {
    const { scheme } = reviseScheme(buildDemoScheme(2024), counter());
    expect(scheme).toMatchObject({ year: 2024, version: 2, copiedFrom: { version: 1 } });
  });

  it('refuses an id function that repeats itself', () => {
    expect(() => copySchemeToNextYear(buildDemoScheme(), () => 'same')).toThrow('编号生成函数产生了重复编号');
  });
});
