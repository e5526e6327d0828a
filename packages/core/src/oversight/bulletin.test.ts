import { describe, expect, it } from 'vitest';
import { type Bulletin, type BulletinProblem, buildBulletin, deductionsFromBulletins } from './bulletin.ts';

const problems: BulletinProblem[] = [
  { id: 1, title: '执法案卷不规范', unitIds: [11], status: 'rectifying' },
  { id: 2, title: '普法责任清单未公开', unitIds: [11, 12], status: 'closed' },
  { id: 3, title: '会前学法未落实', unitIds: [12], status: 'unclaimed' },
];

const bulletin: Bulletin = {
  id: 100,
  title: '关于2024年上半年法治督察情况的通报',
  level: 'county',
  issuedOn: '2024-07-15',
  entries: [
    { orgId: 10, orgName: '区司法局', stance: 'praise', reason: '整改迅速' },
    { orgId: 11, orgName: '区市场监管局', stance: 'criticism', reason: '整改不力', problemIds: [1, 2] },
    { orgId: 11, orgName: '区市场监管局', stance: 'criticism', reason: '台账缺失', problemIds: [2] },
    { orgId: 12, orgName: '某街道', stance: 'criticism', reason: '学法流于形式', problemIds: [3] },
  ],
};

describe('buildBulletin', () => {
  it('groups praised and criticised units with reasons and their problems', () => {
    const r = buildBulletin(bulletin, problems);
    if (!r.ok) throw new Error(r.messages.join());
    expect(r.bulletin.levelLabel).toBe('区（县）级');
    expect(r.bulletin.praised).toEqual([{ orgId: 10, orgName: '区司法局', reasons: ['整改迅速'], problems: [] }]);
    expect(r.bulletin.criticised[0]).toEqual({
      orgId: 11,
      orgName: '区市场监管局',
      reasons: ['整改不力', '台账缺失'],
      problems: [
        { id: 1, title: '执法案卷不规范', statusLabel: '整改中' },
        { id: 2, title: '普法责任清单未公开', statusLabel: '已销号' },
      ],
    });
    expect(r.bulletin.criticisedProblemCount).toBe(3);
  });

  it('refuses unknown problems, other units’ problems, problems in praise, empty reasons and mixed stances', () => {
    const r = buildBulletin(
      {
        ...bulletin,
        entries: [
          { orgId: 11, orgName: '甲', stance: 'criticism', reason: '', problemIds: [99, 3] },
          { orgId: 10, orgName: '乙', stance: 'praise', reason: '好', problemIds: [1] },
          { orgId: 11, orgName: '甲', stance: 'praise', reason: '好' },
        ],
      },
      problems,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.messages).toEqual([
      '甲：请填写通报批评事由',
      '甲：问题编号99不存在',
      '甲：问题“会前学法未落实”不是该单位的问题',
      '乙：通报表扬不应列入问题',
      '甲：同一通报中不能对同一单位既表扬又批评',
    ]);
    expect(buildBulletin({ ...bulletin, entries: [] }, problems)).toEqual({
      ok: false,
      messages: ['通报至少须列明一个单位'],
    });
  });
});

describe('deductionsFromBulletins', () => {
  it('counts each criticised problem once per unit and ignores praise', () => {
    expect(deductionsFromBulletins([bulletin])).toEqual([
      { orgId: 11, kind: '督查发现问题', level: '区', count: 2, sourceIds: ['problem:1', 'problem:2'] },
      { orgId: 12, kind: '督查发现问题', level: '区', count: 1, sourceIds: ['problem:3'] },
    ]);
  });

  it('deducts a problem named at several levels only at the highest level', () => {
    const city: Bulletin = {
      id: 200,
      title: '市级通报',
      level: 'city',
      issuedOn: '2024-08-01',
      entries: [{ orgId: 11, orgName: '区市场监管局', stance: 'criticism', reason: '整改滞后', problemIds: [1] }],
    };
    expect(deductionsFromBulletins([bulletin, city]).filter((d) => d.orgId === 11)).toEqual([
      { orgId: 11, kind: '督查发现问题', level: '市', count: 1, sourceIds: ['problem:1'] },
      { orgId: 11, kind: '督查发现问题', level: '区', count: 1, sourceIds: ['problem:2'] },
    ]);
  });

  it('counts a criticism that names no problem once, sourced to the bulletin', () => {
    const bare: Bulletin = {
      ...bulletin,
      entries: [
        { orgId: 13, orgName: '某镇', stance: 'criticism', reason: '未按时报送' },
        { orgId: 13, orgName: '某镇', stance: 'criticism', reason: '再次未报送' },
      ],
    };
    expect(deductionsFromBulletins([bare])).toEqual([
      { orgId: 13, kind: '督查发现问题', level: '区', count: 1, sourceIds: ['bulletin:100'] },
    ]);
  });
});
