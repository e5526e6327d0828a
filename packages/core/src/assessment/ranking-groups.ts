import { type GradedUnit, type RankingEntry, rankAndGrade } from './ranking.ts';
import type { Grading } from './scheme.schemas.ts';

/**
 * A ranking group (排名组别): units of the listed unit types are ranked together and the grade quotas are counted
 * among them only. A round's groups partition the unit types of its scheme.
 */
export type RankingGroup = { name: string; unitTypes: string[] };

/** By default each scheme template — one unit type (乡镇街道, 执法部门, 非执法部门) — is its own group, in scheme order. */
export function defaultRankingGroups(unitTypes: readonly string[]): RankingGroup[] {
  return [...new Set(unitTypes)].map((t) => ({ name: t, unitTypes: [t] }));
}

/**
 * Check an office's grouping against the scheme's unit types: every unit type in exactly one group, every group
 * named (names unique) and not empty. Returns the first problem in Chinese, or null.
 */
export function checkRankingGroups(groups: readonly RankingGroup[], unitTypes: readonly string[]): string | null {
  if (groups.length === 0) return '请至少设置一个排名组别';
  const names = new Set<string>();
  const seen = new Map<string, string>();
  for (const [i, group] of groups.entries()) {
    const name = group.name.trim();
    if (!name) return `第${i + 1}个排名组别未填写名称`;
    if (names.has(name)) return `排名组别“${name}”重复`;
    names.add(name);
    if (group.unitTypes.length === 0) return `排名组别“${name}”未包含任何单位类型`;
    for (const type of group.unitTypes) {
      if (!unitTypes.includes(type)) return `单位类型“${type}”在考核方案中没有对应的考核模板`;
      const other = seen.get(type);
      if (other !== undefined) return `单位类型“${type}”同时分在“${other}”和“${name}”两个组别`;
      seen.set(type, name);
    }
  }
  const missing = unitTypes.filter((t) => !seen.has(t));
  if (missing.length > 0) return `单位类型“${missing.join('”“')}”未分入任何排名组别`;
  return null;
}

/** The group of each unit type. */
export function groupOfUnitType(groups: readonly RankingGroup[]): Map<string, string> {
  return new Map(groups.flatMap((g) => g.unitTypes.map((t) => [t, g.name] as const)));
}

/**
 * Rank and grade each group on its own: a rank is within the group (every group has its 第1名) and a quota such as
 * 优秀 ≤ 30% allows floor(n × share) of the group's n units. Groups come in the given order, each by rank; a group
 * with no units is left out. `groupOf` names the group of every entry's unit; an entry in no listed group is a
 * programming error (the server checks the grouping against the units first).
 */
export function rankAndGradeInGroups(
  entries: readonly RankingEntry[],
  groupOf: (unitId: string) => string | undefined,
  groupOrder: readonly string[],
  grading: Grading,
): GradedUnit[] {
  const byGroup = new Map<string, RankingEntry[]>(groupOrder.map((g) => [g, []]));
  for (const entry of entries) {
    const group = groupOf(entry.unitId);
    const list = group === undefined ? undefined : byGroup.get(group);
    if (!list) throw new Error(`unit ${entry.unitId} is in no ranking group`);
    list.push(entry);
  }
  return [...byGroup].flatMap(([group, list]) => (list.length ? rankAndGrade(list, grading, group) : []));
}
