import { describe, expect, it } from 'vitest';
import { transition } from './assessment-lifecycle.ts';
import { groupLabel } from './ranking.ts';
import {
  checkRankingGroups,
  defaultRankingGroups,
  groupOfUnitType,
  type RankingGroup,
  rankAndGradeInGroups,
} from './ranking-groups.ts';
import { entry, grading } from './test-factories.ts';

const TYPES = ['乡镇街道', '执法部门', '非执法部门'];

describe('defaultRankingGroups', () => {
  it('makes one group per unit type, in scheme order, named after it', () => {
    expect(defaultRankingGroups(TYPES)).toEqual([
      { name: '乡镇街道', unitTypes: ['乡镇街道'] },
      { name: '执法部门', unitTypes: ['执法部门'] },
      { name: '非执法部门', unitTypes: ['非执法部门'] },
    ]);
  });

  it('lists a unit type once even if two templates name it', () => {
    expect(defaultRankingGroups(['乡镇街道', '乡镇街道'])).toEqual([{ name: '乡镇街道', unitTypes: ['乡镇街道'] }]);
  });

  it('passes its own check', () => {
    expect(checkRankingGroups(defaultRankingGroups(TYPES), TYPES)).toBeNull();
  });
});

describe('checkRankingGroups', () => {
  const check = (groups: RankingGroup[]) => checkRankingGroups(groups, TYPES);

  it('accepts merging the two kinds of department into one group', () => {
    expect(
      check([
        { name: '乡镇街道', unitTypes: ['乡镇街道'] },
        { name: '县直部门', unitTypes: ['执法部门', '非执法部门'] },
      ]),
    ).toBeNull();
  });

  it('accepts a single group of every unit (one ranking, as before)', () => {
    expect(check([{ name: '全部单位', unitTypes: TYPES }])).toBeNull();
  });

  it('refuses no groups', () => {
    expect(check([])).toBe('请至少设置一个排名组别');
  });

  it('refuses a blank name, naming its position', () => {
    expect(
      check([
        { name: '全部', unitTypes: ['乡镇街道'] },
        { name: '  ', unitTypes: ['执法部门', '非执法部门'] },
      ]),
    ).toBe('第2个排名组别未填写名称');
  });

  it('refuses two groups of one name', () => {
    expect(
      check([
        { name: '甲组', unitTypes: ['乡镇街道'] },
        { name: '甲组', unitTypes: ['执法部门', '非执法部门'] },
      ]),
    ).toBe('排名组别“甲组”重复');
  });

  it('refuses an empty group', () => {
    expect(
      check([
        { name: '甲组', unitTypes: TYPES },
        { name: '乙组', unitTypes: [] },
      ]),
    ).toBe('排名组别“乙组”未包含任何单位类型');
  });

  it('refuses a unit type the scheme has no template for', () => {
    expect(check([{ name: '甲组', unitTypes: [...TYPES, '群团组织'] }])).toBe(
      '单位类型“群团组织”在考核方案中没有对应的考核模板',
    );
  });

  it('refuses a unit type in two groups, naming both', () => {
    expect(
      check([
        { name: '甲组', unitTypes: ['乡镇街道', '执法部门'] },
        { name: '乙组', unitTypes: ['执法部门', '非执法部门'] },
      ]),
    ).toBe('单位类型“执法部门”同时分在“甲组”和“乙组”两个组别');
  });

  it('refuses leaving unit types out, naming every one', () => {
    expect(check([{ name: '甲组', unitTypes: ['执法部门'] }])).toBe('单位类型“乡镇街道”“非执法部门”未分入任何排名组别');
  });
});

describe('groupOfUnitType', () => {
  it('maps every unit type to its group', () => {
    const map = groupOfUnitType([
      { name: '乡镇街道', unitTypes: ['乡镇街道'] },
      { name: '县直部门', unitTypes: ['执法部门', '非执法部门'] },
    ]);
    expect([...map]).toEqual([
      ['乡镇街道', '乡镇街道'],
      ['执法部门', '县直部门'],
      ['非执法部门', '县直部门'],
    ]);
  });
});

describe('groupLabel', () => {
  it('adds 组 unless the name already ends with it', () => {
    expect(groupLabel('乡镇街道')).toBe('乡镇街道组');
    expect(groupLabel('县直部门组')).toBe('县直部门组');
  });
});

describe('rankAndGradeInGroups', () => {
  // Townships t0..t9 score 99..90 (all 优秀 by band); departments d0..d3 score 95, 85, 75, 65.
  const townships = Array.from({ length: 10 }, (_, i) => entry(`t${i}`, 99 - i));
  const departments = [entry('d0', 95), entry('d1', 85), entry('d2', 75), entry('d3', 65)];
  const groupOf = (id: string) => (id.startsWith('t') ? '乡镇街道' : id.startsWith('d') ? '县直部门' : undefined);
  const order = ['乡镇街道', '县直部门'];
  const graded = () => rankAndGradeInGroups([...departments, ...townships], groupOf, order, grading());
  const row = (id: string) => graded().find((u) => u.unitId === id)!;

  it('ranks within each group: every group has its own 第1名', () => {
    const g = graded();
    expect(g.map((u) => `${u.group}:${u.unitId}:${u.rank}`)).toEqual([
      ...townships.map((t, i) => `乡镇街道:${t.unitId}:${i + 1}`),
      '县直部门:d0:1',
      '县直部门:d1:2',
      '县直部门:d2:3',
      '县直部门:d3:4',
    ]);
  });

  it('counts the 优秀 quota per group: 30% of 10 townships is 3, 30% of 4 departments is 1', () => {
    const g = graded();
    expect(g.filter((u) => u.grade === '优秀').map((u) => u.unitId)).toEqual(['t0', 't1', 't2', 'd0']);
    expect(row('t3').gradeNotes).toEqual(['“优秀”等次不超过30%（乡镇街道组10个单位限3个），组内排名第4，调整为“良好”']);
    expect(row('t3')).toMatchObject({ bandGrade: '优秀', grade: '良好', group: '乡镇街道' });
  });

  it('a department at 95 keeps 优秀 although 95 would rank 5th among the townships', () => {
    expect(row('d0')).toMatchObject({ rank: 1, grade: '优秀', gradeNotes: [] });
  });

  it('differs from ranking all units together, which gives the departments no quota of their own', () => {
    const together = rankAndGradeInGroups([...departments, ...townships], () => '全部', ['全部'], grading());
    expect(together.filter((u) => u.grade === '优秀').map((u) => u.unitId)).toEqual(['t0', 't1', 't2', 't3']);
    expect(together.find((u) => u.unitId === 'd0')).toMatchObject({ rank: 5, grade: '良好' });
  });

  it('a group of fewer units than one quota place gives no 优秀 at all (floor(3 × 30%) = 0)', () => {
    const small = [entry('d0', 99), entry('d1', 98), entry('d2', 97)];
    const g = rankAndGradeInGroups(small, () => '县直部门', ['县直部门'], grading());
    expect(g.map((u) => u.grade)).toEqual(['良好', '良好', '良好']);
    expect(g[0]!.gradeNotes).toEqual(['“优秀”等次不超过30%（县直部门组3个单位限0个），组内排名第1，调整为“良好”']);
  });

  it('ties share a rank inside a group and drop together at the group boundary', () => {
    const list = [entry('a', 95), entry('b', 95), entry('c', 94), entry('d', 80), entry('e', 70)];
    const g = rankAndGradeInGroups(list, () => '甲', ['甲'], grading({ quotas: [{ grade: '优秀', maxShare: 0.2 }] }));
    expect(g.map((u) => `${u.unitId}:${u.rank}:${u.grade}`)).toEqual([
      'a:1:良好',
      'b:1:良好',
      'c:3:良好',
      'd:4:良好',
      'e:5:一般',
    ]);
    expect(g[0]!.gradeNotes).toEqual([
      '“优秀”等次不超过20%（甲组5个单位限1个），组内排名第1，调整为“良好”；与名额边界单位同分，同分单位一并调整',
    ]);
  });

  it('keeps the configured group order and leaves out a group with no units', () => {
    const g = rankAndGradeInGroups(
      [entry('d0', 80), entry('t0', 90)],
      groupOf,
      ['县直部门', '空组', '乡镇街道'],
      grading(),
    );
    expect(g.map((u) => u.group)).toEqual(['县直部门', '乡镇街道']);
  });

  it('does not depend on input order', () => {
    const all = [...departments, ...townships];
    expect(rankAndGradeInGroups([...all].reverse(), groupOf, order, grading())).toEqual(graded());
  });

  it('applies a veto cap inside the group before its quota', () => {
    const list = [entry('a', 99, { gradeCap: '一般' }), entry('b', 98), entry('c', 97), entry('d', 96)];
    const g = rankAndGradeInGroups(list, () => '甲', ['甲'], grading({ quotas: [{ grade: '优秀', maxShare: 0.5 }] }));
    expect(g.map((u) => `${u.unitId}:${u.grade}`)).toEqual(['a:一般', 'b:优秀', 'c:优秀', 'd:良好']);
  });

  it('throws on a unit in no listed group (the server checks the grouping first)', () => {
    expect(() => rankAndGradeInGroups([entry('x', 90)], groupOf, order, grading())).toThrow(
      'unit x is in no ranking group',
    );
    expect(() => rankAndGradeInGroups([entry('t0', 90)], groupOf, ['县直部门'], grading())).toThrow(
      'unit t0 is in no ranking group',
    );
  });
});

describe('the lifecycle publishes and re-ranks appeals within groups', () => {
  const at = (iso: string) => new Date(iso);
  const ids = ['t0', 't1', 't2', 'd0', 'd1'];
  const groups = {
    of: { t0: '乡镇街道', t1: '乡镇街道', t2: '乡镇街道', d0: '县直部门', d1: '县直部门' },
    order: ['乡镇街道', '县直部门'],
  };
  const reviewRound = () => ({
    status: 'review' as const,
    unitIds: ids,
    grading: grading({ quotas: [{ grade: '优秀', maxShare: 0.5 }] }),
    groups,
    submittedUnitIds: ids,
    scores: {
      t0: entry('t0', 95),
      t1: entry('t1', 93),
      t2: entry('t2', 70),
      d0: entry('d0', 91),
      d1: entry('d1', 90),
    },
    results: [],
    appeals: [],
  });

  it('publishes one ranking per group', () => {
    const r = transition(reviewRound(), {
      type: 'publish',
      at: at('2025-01-10T00:00:00Z'),
      appealClosesAt: at('2025-01-17T00:00:00Z'),
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.round.results.map((u) => `${u.group}:${u.unitId}:${u.rank}:${u.grade}`)).toEqual([
      '乡镇街道:t0:1:优秀',
      '乡镇街道:t1:2:良好',
      '乡镇街道:t2:3:一般',
      '县直部门:d0:1:优秀',
      '县直部门:d1:2:良好',
    ]);
  });

  it('an upheld appeal re-ranks the unit inside its own group only', () => {
    const published = transition(reviewRound(), {
      type: 'publish',
      at: at('2025-01-10T00:00:00Z'),
      appealClosesAt: at('2025-01-17T00:00:00Z'),
    });
    if (!published.ok) throw new Error(published.error.message);
    const filed = transition(published.round, {
      type: 'file_appeal',
      appealId: '1',
      unitId: 'd1',
      reason: '评分有误',
      at: at('2025-01-11T00:00:00Z'),
    });
    if (!filed.ok) throw new Error(filed.error.message);
    const decided = transition(filed.round, {
      type: 'decide_appeal',
      appealId: '1',
      outcome: 'upheld',
      reason: '核实后加分',
      at: at('2025-01-12T00:00:00Z'),
      revised: entry('d1', 99),
    });
    if (!decided.ok) throw new Error(decided.error.message);
    expect(decided.round.results.map((u) => `${u.group}:${u.unitId}:${u.rank}:${u.grade}`)).toEqual([
      '乡镇街道:t0:1:优秀',
      '乡镇街道:t1:2:良好',
      '乡镇街道:t2:3:一般',
      '县直部门:d1:1:优秀',
      '县直部门:d0:2:良好',
    ]);
  });
});
