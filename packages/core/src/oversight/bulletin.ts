import type { Level } from '../assessment/scheme-constants.ts';
import { type ProblemStatus, problemStatusLabels } from './problem.ts';

/** The level of the body that issues a 通报; assessment bonus and deduction scale with it (“四级”认定). */
export const bulletinLevels = ['central', 'province', 'city', 'county'] as const;
export type BulletinLevel = (typeof bulletinLevels)[number];
export const bulletinLevelLabels: Record<BulletinLevel, string> = {
  central: '中央',
  province: '省级',
  city: '市级',
  county: '区（县）级',
};

/** The assessment's own level vocabulary, so deduction inputs match its 减分 items directly. */
export const assessmentLevelOf: Record<BulletinLevel, Level> = {
  central: '中央',
  province: '省',
  city: '市',
  county: '区',
};

export const bulletinStances = ['praise', 'criticism'] as const;
export type BulletinStance = (typeof bulletinStances)[number];
export const bulletinStanceLabels: Record<BulletinStance, string> = { praise: '通报表扬', criticism: '通报批评' };

export type BulletinEntry = {
  orgId: number;
  orgName: string;
  stance: BulletinStance;
  reason: string;
  /** Problems the criticism names; praise names none. */
  problemIds?: readonly number[];
};

export type Bulletin = {
  id: number;
  title: string;
  level: BulletinLevel;
  issuedOn: string;
  entries: readonly BulletinEntry[];
};

export type BulletinProblem = { id: number; title: string; unitIds: readonly number[]; status: ProblemStatus };

export type BulletinUnit = {
  orgId: number;
  orgName: string;
  reasons: string[];
  problems: { id: number; title: string; statusLabel: string }[];
};

export type BulletinModel = {
  id: number;
  title: string;
  levelLabel: string;
  issuedOn: string;
  praised: BulletinUnit[];
  criticised: BulletinUnit[];
  criticisedProblemCount: number;
};

export type BulletinResult = { ok: true; bulletin: BulletinModel } | { ok: false; messages: string[] };

/** Builds the content of a 通报, merging repeated entries per unit and checking each named problem is that unit's. */
export function buildBulletin(bulletin: Bulletin, problems: readonly BulletinProblem[]): BulletinResult {
  const byId = new Map(problems.map((p) => [p.id, p]));
  const messages: string[] = [];
  const units = new Map<string, BulletinUnit & { stance: BulletinStance }>();
  for (const entry of bulletin.entries) {
    const reason = entry.reason.trim();
    if (!reason) messages.push(`${entry.orgName}：请填写${bulletinStanceLabels[entry.stance]}事由`);
    const key = `${entry.stance}:${entry.orgId}`;
    const unit = units.get(key) ?? {
      orgId: entry.orgId,
      orgName: entry.orgName,
      stance: entry.stance,
      reasons: [],
      problems: [],
    };
    units.set(key, unit);
    if (reason) unit.reasons.push(reason);
    const problemIds = entry.problemIds ?? [];
    if (entry.stance === 'praise' && problemIds.length > 0) messages.push(`${entry.orgName}：通报表扬不应列入问题`);
    for (const problemId of entry.stance === 'criticism' ? problemIds : []) {
      const problem = byId.get(problemId);
      if (!problem) {
        messages.push(`${entry.orgName}：问题编号${problemId}不存在`);
        continue;
      }
      if (!problem.unitIds.includes(entry.orgId)) {
        messages.push(`${entry.orgName}：问题“${problem.title}”不是该单位的问题`);
        continue;
      }
      if (unit.problems.some((p) => p.id === problemId)) continue;
      unit.problems.push({ id: problem.id, title: problem.title, statusLabel: problemStatusLabels[problem.status] });
    }
  }
  const all = [...units.values()];
  for (const u of all) {
    if (u.stance === 'praise' && units.has(`criticism:${u.orgId}`))
      messages.push(`${u.orgName}：同一通报中不能对同一单位既表扬又批评`);
  }
  if (bulletin.entries.length === 0) messages.push('通报至少须列明一个单位');
  if (messages.length > 0) return { ok: false, messages };
  const strip = ({ stance: _stance, ...unit }: BulletinUnit & { stance: BulletinStance }): BulletinUnit => unit;
  const criticised = all.filter((u) => u.stance === 'criticism').map(strip);
  return {
    ok: true,
    bulletin: {
      id: bulletin.id,
      title: bulletin.title,
      levelLabel: bulletinLevelLabels[bulletin.level],
      issuedOn: bulletin.issuedOn,
      praised: all.filter((u) => u.stance === 'praise').map(strip),
      criticised,
      criticisedProblemCount: criticised.reduce((n, u) => n + u.problems.length, 0),
    },
  };
}

/** One input row of the assessment's “减法” for 督查发现问题. */
export type DeductionInput = {
  orgId: number;
  kind: '督查发现问题';
  level: Level;
  count: number;
  /** `problem:<id>` for each problem counted; `bulletin:<id>` for a criticism that names no problem. */
  sourceIds: string[];
};

const levelRank: Record<BulletinLevel, number> = { central: 4, province: 3, city: 2, county: 1 };

/**
 * Criticised units' problems as deduction inputs. A problem named by several 通报 is deducted once, at the highest
 * level that named it (不重复扣分, 就高不就低); a criticism naming no problem counts once on its own.
 * Pass only issued bulletins of the assessment period.
 */
export function deductionsFromBulletins(bulletins: readonly Bulletin[]): DeductionInput[] {
  const problemLevel = new Map<string, { orgId: number; level: BulletinLevel; source: string }>();
  const bare: { orgId: number; level: BulletinLevel; source: string }[] = [];
  for (const b of bulletins) {
    for (const e of b.entries) {
      if (e.stance !== 'criticism') continue;
      const ids = [...new Set(e.problemIds ?? [])];
      if (ids.length === 0) bare.push({ orgId: e.orgId, level: b.level, source: `bulletin:${b.id}` });
      for (const pid of ids) {
        const key = `${e.orgId}:${pid}`;
        const seen = problemLevel.get(key);
        if (!seen || levelRank[b.level] > levelRank[seen.level])
          problemLevel.set(key, { orgId: e.orgId, level: b.level, source: `problem:${pid}` });
      }
    }
  }
  const rows = new Map<string, DeductionInput>();
  for (const item of [...problemLevel.values(), ...bare]) {
    const key = `${item.orgId}:${item.level}`;
    const row: DeductionInput = rows.get(key) ?? {
      orgId: item.orgId,
      kind: '督查发现问题',
      level: assessmentLevelOf[item.level],
      count: 0,
      sourceIds: [],
    };
    rows.set(key, row);
    if (row.sourceIds.includes(item.source)) continue;
    row.sourceIds.push(item.source);
    row.count = row.sourceIds.length;
  }
  const rank = (l: Level) => levelRank[bulletinLevels.find((b) => assessmentLevelOf[b] === l) ?? 'county'];
  return [...rows.values()].sort((a, b) => a.orgId - b.orgId || rank(b.level) - rank(a.level));
}
