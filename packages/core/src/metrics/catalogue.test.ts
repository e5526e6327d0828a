import { describe, expect, it } from 'vitest';
import { metricByKey, metricCatalogue, metricKeySchema, metricKeys } from './catalogue.ts';

// DESIGN.md §5 with the +/slash forms expanded.
const designKeys = [
  'leadership.committee_meetings',
  'leadership.special_studies',
  'leadership.pre_meeting_study',
  'cadres.law_reports',
  'training.sessions',
  'training.attendees',
  'legality_review.total',
  'legality_review.meeting_topics',
  'legality_review.contracts',
  'legality_review.normative_docs',
  'legality_review.opinions',
  'normative_docs.filed',
  'major_decisions.total',
  'reconsideration.received',
  'reconsideration.accepted',
  'reconsideration.concluded',
  'reconsideration.maintained',
  'reconsideration.rejected',
  'reconsideration.corrected',
  'reconsideration.settled',
  'reconsideration.correction_rate',
  'reconsideration.settlement_rate',
  'litigation.cases',
  'litigation.head_appearance_rate',
  'enforcement.officers',
  'enforcement.case_reviews',
  'mediation.committees',
  'mediation.mediators',
  'mediation.cases',
  'mediation.resolved',
  'mediation.success_rate',
  'mediation.amount',
  'legal_aid.cases',
  'legal_aid.services',
  'legal_aid.stations',
  'pls.centers',
  'pls.stations',
  'pls.rooms',
  'pls.village_advisers',
  'pls.legal_literates',
  'publicity.activities',
  'publicity.participants',
  'publicity.demo_sites',
  'corrections.received',
  'corrections.released',
  'corrections.active',
  'corrections.location_rate',
  'consultation.drafts',
  'consultation.opinions',
  'consultation.adopted',
  'oversight.inspections',
  'oversight.problems',
  'oversight.rectified',
  'oversight.rectification_rate',
  'plan.tasks',
  'plan.closed',
  'plan.closure_rate',
];

describe('metric catalogue', () => {
  it('has exactly the keys of DESIGN.md §5, each once', () => {
    expect([...metricKeys].sort()).toEqual([...designKeys].sort());
    expect(new Set(metricKeys).size).toBe(metricKeys.length);
  });

  it('gives every metric a Chinese name, a unit and aliases', () => {
    for (const metric of metricCatalogue) {
      expect(metric.name).toMatch(/[\u4e00-\u9fff]/);
      expect(metric.unit).not.toBe('');
      expect(metric.aliases.length).toBeGreaterThan(0);
      expect(new Set(metric.aliases).size).toBe(metric.aliases.length);
    }
  });

  it('makes every rate a percentage and every percentage a rate', () => {
    for (const metric of metricCatalogue) {
      expect(metric.kind === 'rate').toBe(metric.unit === '%');
    }
  });

  it('uses the units of §5', () => {
    expect(metricByKey.get('training.sessions')?.unit).toBe('期');
    expect(metricByKey.get('training.attendees')?.unit).toBe('人次');
    expect(metricByKey.get('mediation.amount')).toMatchObject({ unit: '万元', kind: 'sum' });
    expect(metricByKey.get('publicity.activities')?.unit).toBe('场次');
    expect(metricByKey.get('consultation.opinions')?.unit).toBe('条');
  });

  it('carries the phrases the seed reports use', () => {
    expect(metricByKey.get('mediation.cases')?.aliases).toEqual(
      expect.arrayContaining(['调处各类矛盾纠纷', '调解矛盾纠纷', '调处纠纷']),
    );
    expect(metricByKey.get('legality_review.meeting_topics')?.aliases).toContain('常务会议议题合法性审查');
    expect(metricByKey.get('pls.legal_literates')?.aliases).toContain('法律明白人');
  });

  it('validates keys with a Chinese message', () => {
    expect(metricKeySchema.parse('mediation.cases')).toBe('mediation.cases');
    const result = metricKeySchema.safeParse('mediation.unknown');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
