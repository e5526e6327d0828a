export type SourceKind = 'manual' | 'metric' | 'record' | 'check' | 'honour' | 'penalty';

/** Where a point was lost or gained: a metric key, a ledger record id, an honour id, evidence ids. */
export type ScoreSource = { kind: SourceKind; id?: string; evidenceIds?: string[] };

export type LostPoints = { points: number; reason: string; source: ScoreSource };

export type VetoHit = { capGrade: string; reason: string; source: ScoreSource };

/** What every rule returns; invariant: max − score = Σ lost.points, to the cent. */
export type RuleResult = { score: number; max: number; lost: LostPoints[]; vetoes?: VetoHit[]; warning?: string };
