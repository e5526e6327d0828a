import type { GradedUnit } from '@fazhi/core/assessment/ranking';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../../test/files.ts';
import { type Client, createTestApp, refusal, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { scoreRoundsStreaming } from './assessment.stream.service.ts';

let t: TestApp;
let office: Client;
let unitA: Client; // 区司法局 (非执法部门)
let unitB: Client; // 区市场监督管理局
let kaohe1: Client;
let kaohe2: Client;
let leader: Client;
let round: { id: number; units: { orgId: number; orgName: string; unitType: string }[] };
let orgA: number;
let orgB: number;

beforeAll(async () => {
  t = await createTestApp();
  [office, unitA, unitB, kaohe1, kaohe2, leader] = await Promise.all([
    t.as('office'),
    t.as('reporter-a'),
    t.as('reporter-b'),
    t.as('kaohe-1'),
    t.as('kaohe-2'),
    t.as('leader'),
  ]);
  const rounds = (await office.get('/api/assessment/rounds?year=2026')).json().items;
  round = (await office.get(`/api/assessment/rounds/${rounds[0].id}`)).json();
  orgA = round.units.find((u) => u.orgName === '区司法局')!.orgId;
  orgB = round.units.find((u) => u.orgName === '区市场监督管理局')!.orgId;
});
afterAll(() => t?.close());

const unitUrl = (org: number) => `/api/assessment/rounds/${round.id}/units/${org}`;
const countRows = async (table: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;

describe('demo county', () => {
  it('last year is final with a ranking every unit sees; this year is in self-assessment', async () => {
    const rounds = (await unitB.get('/api/assessment/rounds')).json().items;
    expect(rounds.map((r: { year: number; status: string }) => [r.year, r.status])).toEqual([
      [2026, 'self_assessment'],
      [2025, 'final'],
    ]);
    const ranking = (await unitB.get(`/api/assessment/rounds/${rounds[1].id}/ranking`)).json();
    expect(ranking.items.length).toBe(29);
    const excellent = ranking.items.filter((r: { grade: string }) => r.grade === '优秀').length;
    expect(excellent).toBeLessThanOrEqual(Math.floor(29 * 0.3));
    expect(ranking.items.some((r: { gradeNotes: string[] }) => r.gradeNotes.some((n) => n.includes('一票否决')))).toBe(
      true,
    );
  });
});

describe('answers carry exactly the declared fields', () => {
  it('round list, scheme list and a unit’s facts leave no undeclared column (creator ids, scheme definitions)', async () => {
    const rounds = (await unitA.get('/api/assessment/rounds')).json().items;
    expect(Object.keys(rounds[0]).sort()).toEqual(
      [
        'id',
        'orgId',
        'orgName',
        'schemeId',
        'year',
        'name',
        'status',
        'statusLabel',
        'publishedAt',
        'appealClosesAt',
        'finalizedAt',
        'unitCount',
        'submittedCount',
        'isParticipant',
      ].sort(),
    );
    const schemes = (await office.get('/api/assessment/schemes')).json().items;
    expect(Object.keys(schemes[0]).sort()).toEqual(
      [
        'id',
        'orgId',
        'year',
        'version',
        'name',
        'copiedFromId',
        'updatedAt',
        'roundId',
        'roundStatus',
        'isEditable',
        'templates',
      ].sort(),
    );
    const fact = await unitA.post(`${unitUrl(orgA)}/facts`, {
      kind: 'honour',
      key: '通报表扬',
      level: '市',
      title: '字段检查用荣誉',
    });
    expect(fact.statusCode).toBe(200);
    const sheet = (await unitA.get(unitUrl(orgA))).json();
    const mine = sheet.facts.find((f: { id: number }) => f.id === fact.json().id);
    expect(Object.keys(mine).sort()).toEqual(
      ['id', 'sourceId', 'kind', 'key', 'level', 'title', 'value', 'count', 'indicatorId', 'evidence', 'isMine'].sort(),
    );
    expect(mine.isMine).toBe(true);
    expect((await unitA.delete(`${unitUrl(orgA)}/facts/${fact.json().id}`)).json()).toEqual({ ok: true });
  });
});

describe('schemes', () => {
  it('creates from the county template, refuses an invalid edit with the core’s Chinese message, copies to next year', async () => {
    const created = await office.post('/api/assessment/schemes', { year: 2027 });
    expect(created.statusCode).toBe(200);
    const scheme = (await office.get(`/api/assessment/schemes/${created.json().id}`)).json();
    expect(scheme.definition.templates.map((x: { unitType: string }) => x.unitType)).toContain('乡镇街道');
    const broken = structuredClone(scheme.definition);
    broken.templates[0].indicators[0].name = '';
    const bad = await office.put(`/api/assessment/schemes/${scheme.id}`, { definition: broken });
    expect(await refusal(bad)).toEqual([400, '考核方案校验未通过：指标名称不能为空']);
    expect(
      (await office.get(`/api/assessment/schemes/${scheme.id}`)).json().definition.templates[0].indicators[0].name,
    ).toBe(scheme.definition.templates[0].indicators[0].name);
    const renamed = structuredClone(scheme.definition);
    renamed.name = '2027年度法治建设考核方案（修订）';
    expect((await office.put(`/api/assessment/schemes/${scheme.id}`, { definition: renamed })).statusCode).toBe(200);
    const copy = await office.post(`/api/assessment/schemes/${scheme.id}/copy`, { mode: 'next_year' });
    const copied = (await office.get(`/api/assessment/schemes/${copy.json().id}`)).json();
    expect([copied.year, copied.version, copied.copiedFromId]).toEqual([2028, 1, scheme.id]);
    expect(copied.name).toContain('2028');
  });

  it('a scheme in use is not editable, and units cannot manage schemes', async () => {
    const schemes = (await office.get('/api/assessment/schemes?year=2025')).json().items;
    const res = await office.put(`/api/assessment/schemes/${schemes[0].id}`, {
      definition: (await office.get(`/api/assessment/schemes/${schemes[0].id}`)).json().definition,
    });
    expect(await refusal(res)).toEqual([409, '考核方案已启用，不得修改；如需调整，请另行发布新版本方案']);
    expect(await refusal(await unitA.post('/api/assessment/schemes', { year: 2027 }))).toEqual([
      403,
      '您没有执行此操作的权限',
    ]);
  });
});

let evidenceId: number;

describe('self-assessment and data scope', () => {
  it('a unit fills its own sheet with evidence; bad input is refused and changes nothing', async () => {
    evidenceId = (await unitA.upload('/api/attachments', '执法案卷评查记录.png', tinyPng, 'image/png')).json().id;
    const ok = await unitA.put(`${unitUrl(orgA)}/self/fz-3-2-1`, {
      value: 10,
      note: '案卷合格率高',
      evidenceIds: [evidenceId],
    });
    expect(ok.statusCode).toBe(200);
    const tooHigh = await unitA.put(`${unitUrl(orgA)}/self/fz-1-1`, { value: 7, note: '' });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().message).toContain('不能超过6分');
    const wrongKind = await unitA.put(`${unitUrl(orgA)}/self/fz-1-1`, { passed: true });
    expect(await refusal(wrongKind)).toEqual([
      400,
      '指标“组织领导 / 党政主要负责人履行推进法治建设第一责任人职责”不是达标要求类指标，不能填写是否达标',
    ]);
    const unknownLeaf = await unitA.put(`${unitUrl(orgA)}/self/nope`, { value: 1 });
    expect(await refusal(unknownLeaf)).toEqual([404, '考核指标“nope”不在该单位的考核模板中']);
    const negative = await unitA.put(`${unitUrl(orgA)}/self/fz-1-1`, { value: -1 });
    expect(await refusal(negative)).toEqual([400, '请求内容有误：value：评分不能为负数']);
    const sheet = (await unitA.get(unitUrl(orgA))).json();
    expect(sheet.leaves.find((l: { id: string }) => l.id === 'fz-1-1').self.value).toBe(6);
    expect(sheet.leaves.find((l: { id: string }) => l.id === 'fz-3-2-1').self.evidence[0].filename).toBe(
      '执法案卷评查记录.png',
    );
    const honour = await unitA.post(`${unitUrl(orgA)}/facts`, {
      kind: 'honour',
      key: '经验交流',
      level: '省',
      title: '全省法治政府建设经验交流发言',
    });
    expect(honour.statusCode).toBe(200);
    const penalty = await unitA.post(`${unitUrl(orgA)}/facts`, {
      kind: 'penalty',
      key: '督查发现问题',
      level: '市',
      title: '自报问题',
    });
    expect(await refusal(penalty)).toEqual([400, '单位自评只能填报数据指标和荣誉，扣分和减分事项由考核组录入']);
  });

  it('another unit is refused the drafts, the scores and the writes of a unit before 公示', async () => {
    const before = await countRows('assessment_self_entries');
    expect(await refusal(await unitB.get(unitUrl(orgA)))).toEqual([
      404,
      '未找到该单位的考核信息，或不在您的数据范围内',
    ]);
    expect(await refusal(unitB.get(`${unitUrl(orgA)}/score?stage=self`))).toEqual([
      404,
      '未找到该单位的考核信息，或不在您的数据范围内',
    ]);
    const published = await unitB.get(`${unitUrl(orgA)}/score?stage=published`);
    expect([published.statusCode, published.json().message]).toEqual([
      404,
      '未找到该单位的考核信息，或不在您的数据范围内',
    ]);
    expect(await refusal(await unitB.put(`${unitUrl(orgA)}/self/fz-1-1`, { value: 1 }))).toEqual([
      404,
      '未找到该单位的考核信息，或不在您的数据范围内',
    ]);
    expect(await refusal(await leader.get(unitUrl(orgA)))).toEqual([
      404,
      '考核结果公示前，只有本单位和考核组可以查看该单位的自评和评分',
    ]);
    expect(await refusal(await unitA.get(`${unitUrl(orgA)}/score?stage=review`))).toEqual([
      409,
      '考核结果尚未公示，暂不能查看成绩',
    ]);
    expect(await refusal(await unitA.get(`/api/assessment/rounds/${round.id}/ranking`))).toEqual([
      409,
      '考核结果尚未公示，暂不能查看排名',
    ]);
    expect(await countRows('assessment_self_entries')).toBe(before);
  });

  it('the unit previews its self score with an explanation for every lost point', async () => {
    const res = (await unitA.get(`${unitUrl(orgA)}/score?stage=self`)).json();
    const lost = res.score.explanation.filter((l: { kind: string }) => l.kind === 'lost');
    const lostSum = lost.reduce((a: number, l: { points: number }) => a + l.points, 0);
    expect(Math.abs(Math.round((res.score.baseMax - res.score.baseScore - lostSum) * 100))).toBe(0);
    const bonus = res.score.explanation.filter((l: { kind: string }) => l.kind === 'bonus');
    const mine = bonus.find((l: { reason: string }) => l.reason.includes('全省法治政府建设经验交流发言'));
    expect(mine.points).toBe(2);
    expect(res.refs[mine.source.id].origin).toBe('手工录入');
    // Honours kept in the 荣誉 ledger count too, named as such.
    for (const line of bonus) expect(['手工录入', '荣誉台账']).toContain(res.refs[line.source.id].origin);
  });
});

describe('review, 公示, appeals, final', () => {
  it('review waits for submissions; assessors score; units cannot score', async () => {
    expect((await unitA.post(`${unitUrl(orgA)}/submit`)).statusCode).toBe(200);
    expect(await refusal(await unitA.post(`${unitUrl(orgA)}/submit`))).toEqual([409, '该单位已提交自评，请勿重复提交']);
    expect(await refusal(await unitA.put(`${unitUrl(orgA)}/self/fz-1-1`, { value: 5 }))).toEqual([
      409,
      '本单位已提交自评，不能再修改',
    ]);
    const early = await office.post(`/api/assessment/rounds/${round.id}/transition`, { action: 'start_review' });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('未提交自评');
    // 公示 needs every unit's self-assessment; the other units' reporters are not in this fixture, so their
    // submissions are recorded directly.
    await t.db.execute(
      sql`update assessment_units set submitted_at = now() where round_id = ${round.id} and submitted_at is null`,
    );
    const start = await office.post(`/api/assessment/rounds/${round.id}/transition`, {
      action: 'start_review',
      allowMissing: true,
    });
    expect(start.json().status).toBe('review');
    expect(await refusal(await unitA.put(`${unitUrl(orgA)}/review/fz-1-1`, { value: 5 }))).toEqual([
      403,
      '您没有执行此操作的权限',
    ]);
    const sheet = (await kaohe1.get(unitUrl(orgA))).json();
    for (const unit of round.units) {
      const leaves = unit.orgId === orgA ? sheet.leaves : (await kaohe1.get(unitUrl(unit.orgId))).json().leaves;
      for (const leaf of leaves.filter((l: { ruleKind: string }) => l.ruleKind === 'manual')) {
        const max = leaf.rule.scaleMax ?? leaf.points;
        expect((await kaohe1.put(`${unitUrl(unit.orgId)}/review/${leaf.id}`, { value: max * 0.9 })).statusCode).toBe(
          200,
        );
      }
    }
    expect(
      (await kaohe2.put(`${unitUrl(orgA)}/review/fz-3-2-1`, { value: 7, note: '两卷文书不规范' })).statusCode,
    ).toBe(200);
    expect(
      (await kaohe2.put(`${unitUrl(orgA)}/review/fz-1-2`, { passed: false, note: '会前学法仅3次' })).statusCode,
    ).toBe(200);
    const record = await office.post(`${unitUrl(orgA)}/facts`, {
      kind: 'record',
      key: 'litigation.lost',
      title: '某行政处罚案败诉',
    });
    expect(record.statusCode).toBe(200);
    const preview = (await kaohe1.get(`${unitUrl(orgA)}/score?stage=review`)).json();
    const manual = preview.score.explanation.find((l: { indicatorId: string }) => l.indicatorId === 'fz-3-2-1');
    expect(manual.reason).toContain('2名考核人员评分');
  });

  it('publishes: scores freeze, the ranking is visible to all, each lost point names its rule and evidence', async () => {
    const res = await office.post(`/api/assessment/rounds/${round.id}/transition`, {
      action: 'publish',
      appealDays: 7,
    });
    expect(res.json().status).toBe('publicity');
    expect(await refusal(await kaohe1.put(`${unitUrl(orgA)}/review/fz-1-1`, { value: 1 }))).toEqual([
      409,
      '考核结果已公示，成绩已冻结，只能通过申诉处理调整',
    ]);
    const ranking = (await unitB.get(`/api/assessment/rounds/${round.id}/ranking`)).json();
    expect(ranking.items.length).toBe(round.units.length);
    const mine = (await unitA.get(`${unitUrl(orgA)}/score`)).json();
    const lines = mine.score.explanation.filter(
      (l: { kind: string; points: number }) => l.kind === 'lost' && l.points > 0,
    );
    const sum = lines.reduce((a: number, l: { points: number }) => a + l.points, 0);
    expect(Math.abs(Math.round((mine.score.baseMax - mine.score.baseScore - sum) * 100))).toBe(0);
    const review = lines.find((l: { indicatorId: string }) => l.indicatorId === 'fz-3-2-1');
    expect(mine.attachments[review.source.evidenceIds[0]].filename).toBe('执法案卷评查记录.png');
    const lostCase = lines.find((l: { source: { kind: string } }) => l.source.kind === 'record');
    expect(mine.refs[lostCase.source.id]).toMatchObject({ origin: '手工录入', title: '某行政处罚案败诉' });
    expect(lines.some((l: { reason: string }) => l.reason.includes('会前学法仅3次'))).toBe(true);
    // The streaming province scorer (used by the benchmark) gives the same totals, ranks and grades.
    const streamed: GradedUnit[] = [];
    await scoreRoundsStreaming(t.db, [round.id], (r) => streamed.push(...r.results));
    const byOrg = new Map(streamed.map((g) => [Number(g.unitId), g]));
    for (const item of ranking.items) {
      expect(byOrg.get(item.orgId)).toMatchObject({ total: item.total, rank: item.rank, grade: item.grade });
    }
    // Metric leaves read the metrics registry when no figure was entered by hand.
    const origins = new Set(Object.values(mine.refs).map((r) => (r as { origin: string }).origin));
    expect(origins.has('数据指标库')).toBe(true);
    // After 公示 another unit sees the published ranking, but never a unit's working sheet.
    expect(await refusal(await unitB.get(unitUrl(orgA)))).toEqual([
      404,
      '未找到该单位的考核信息，或不在您的数据范围内',
    ]);
  });

  it('an upheld appeal re-scores and re-ranks; the published snapshot stays as it was', async () => {
    const before = (await unitA.get(`${unitUrl(orgA)}/score`)).json();
    const disputed = ['fz-3-2-1'];
    expect(
      await refusal(await unitB.post(`${unitUrl(orgA)}/appeals`, { indicatorIds: disputed, reason: '代为申诉' })),
    ).toEqual([404, '未找到该单位的考核信息，或不在您的数据范围内']);
    expect(
      await refusal(await unitA.post(`${unitUrl(orgA)}/appeals`, { indicatorIds: disputed, reason: '  ' })),
    ).toEqual([400, '请求内容有误：reason：申诉须写明理由']);
    // The disputed indicators are chosen from the unit's own template.
    expect(await refusal(await unitA.post(`${unitUrl(orgA)}/appeals`, { reason: '评分有误' }))).toEqual([
      400,
      '请求内容有误：indicatorIds：请选择有异议的指标',
    ]);
    expect(
      await refusal(await unitA.post(`${unitUrl(orgA)}/appeals`, { indicatorIds: [], reason: '评分有误' })),
    ).toEqual([400, '请求内容有误：indicatorIds：请选择有异议的指标']);
    expect(
      await refusal(
        await unitA.post(`${unitUrl(orgA)}/appeals`, { indicatorIds: ['fz-3-2-1', 'no-such'], reason: '评分有误' }),
      ),
    ).toEqual([400, '有异议的指标“no-such”不在本单位的考核模板中']);
    // 佐证材料 uploaded by another unit answers like a missing file; nothing is filed.
    const othersFile = (await unitB.upload('/api/attachments', '他单位材料.png', tinyPng, 'image/png')).json().id;
    expect(
      await refusal(
        await unitA.post(`${unitUrl(orgA)}/appeals`, {
          indicatorIds: disputed,
          reason: '评分有误',
          evidenceIds: [evidenceId, othersFile],
        }),
      ),
    ).toEqual([404, '未找到该佐证材料，或不在您的数据范围内']);
    expect((await unitA.get(`/api/assessment/rounds/${round.id}/appeals`)).json().items).toHaveLength(0);
    const filed = await unitA.post(`${unitUrl(orgA)}/appeals`, {
      indicatorIds: disputed,
      reason: '案卷评查已补正文书，申请复核',
      evidenceIds: [evidenceId],
    });
    expect(filed.statusCode).toBe(200);
    const listed = (await office.get(`/api/assessment/rounds/${round.id}/appeals`)).json().items[0];
    expect([listed.indicators, listed.evidence]).toEqual([
      [{ id: 'fz-3-2-1', path: expect.stringMatching(/ \/ /) }],
      [{ id: evidenceId, filename: '执法案卷评查记录.png' }],
    ]);
    const noFix = await office.post(`/api/assessment/appeals/${filed.json().id}/decide`, {
      outcome: 'upheld',
      reason: '支持',
    });
    expect(await refusal(noFix)).toEqual([400, '请求内容有误：corrections：支持申诉的，须给出调整的指标或记录']);
    // A missing file on the decision is refused as missing, and the appeal stays undecided.
    const missingFile = await office.post(`/api/assessment/appeals/${filed.json().id}/decide`, {
      outcome: 'upheld',
      reason: '补正材料属实，政务公开改为9.5分',
      corrections: { leaves: [{ indicatorId: 'fz-3-2-1', value: 9.5, note: '申诉复核' }] },
      attachmentIds: [2_000_000_000],
    });
    expect(await refusal(missingFile)).toEqual([404, '附件不存在或不在您的数据范围内']);
    expect((await unitA.get(`/api/assessment/rounds/${round.id}/appeals`)).json().items[0]).toMatchObject({
      outcome: null,
      decisionReason: null,
      decisionFiles: [],
    });
    expect((await unitA.get(`${unitUrl(orgA)}/score`)).json().seq).toBe(before.seq);
    const officeFile = (await office.upload('/api/attachments', '复核意见书.png', tinyPng, 'image/png')).json()
      .id as number;
    const decided = await office.post(`/api/assessment/appeals/${filed.json().id}/decide`, {
      outcome: 'upheld',
      reason: '补正材料属实，政务公开改为9.5分',
      corrections: { leaves: [{ indicatorId: 'fz-3-2-1', value: 9.5, note: '申诉复核' }] },
      attachmentIds: [officeFile],
    });
    expect(decided.statusCode).toBe(200);
    const after = (await unitA.get(`${unitUrl(orgA)}/score`)).json();
    expect(after.seq).toBe(2);
    expect(after.score.total).toBeGreaterThan(before.score.total);
    expect(after.rank).toBeLessThanOrEqual(before.rank);
    const published = await queryRows<{ total: number }>(
      t.db,
      sql`select total from assessment_results where round_id = ${round.id} and seq = 1 and org_id = ${orgA}`,
    );
    expect(published[0]!.total).toBe(before.score.total);
    await expect(
      t.db.execute(sql`update assessment_results set total = 0 where round_id = ${round.id}`),
    ).rejects.toThrow();
    const appeals = (await unitA.get(`/api/assessment/rounds/${round.id}/appeals`)).json().items;
    expect(appeals).toHaveLength(1);
    // The 审核意见 reaches the unit with the appeal's indicators and evidence.
    expect(appeals[0]).toMatchObject({
      outcome: 'upheld',
      decisionReason: '补正材料属实，政务公开改为9.5分',
      indicators: [{ id: 'fz-3-2-1' }],
      evidence: [{ id: evidenceId, filename: '执法案卷评查记录.png' }],
      decisionFiles: [{ id: officeFile, filename: '复核意见书.png' }],
    });
    // The unit downloads the office's file (and its own 佐证材料) through the appeal; another unit cannot.
    const appealFiles = `/api/assessment/appeals/${filed.json().id}/files`;
    const download = await unitA.get(`${appealFiles}/${officeFile}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.equals(tinyPng)).toBe(true);
    expect((await office.get(`${appealFiles}/${evidenceId}`)).rawPayload.equals(tinyPng)).toBe(true);
    expect(await refusal(unitB.get(`${appealFiles}/${officeFile}`))).toEqual([404, '未找到该申诉']);
    expect(await refusal(unitA.get(`${appealFiles}/${othersFile}`))).toEqual([404, '未找到该附件，或您无权查看']);
    // Before and after name the ranking group the rank is within (the unit's template group).
    expect([appeals[0].before.group, appeals[0].after.group]).toEqual([after.group, after.group]);
    expect(after.group).toBe(round.units.find((u: { orgId: number }) => u.orgId === orgA)!.unitType);
    expect((await unitB.get(`/api/assessment/rounds/${round.id}/appeals`)).json().items).toHaveLength(0);
    const again = await office.post(`/api/assessment/appeals/${filed.json().id}/decide`, {
      outcome: 'rejected',
      reason: '重复',
    });
    expect(await refusal(again)).toEqual([409, '该申诉已处理，不能重复处理']);
  });

  it('the appeal window closes; then final freezes everything', async () => {
    t.advanceClock(8 * 86400000);
    [office, unitA, unitB] = await Promise.all([t.as('office'), t.as('reporter-a'), t.as('reporter-b')]);
    const leafOfB = (await unitB.get(unitUrl(orgB))).json().leaves[0].id as string;
    const late = await unitB.post(`${unitUrl(orgB)}/appeals`, {
      indicatorIds: [leafOfB],
      reason: '逾期申诉',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('申诉期');
    expect(await refusal(office.post(`/api/assessment/rounds/${round.id}/transition`, { action: 'finalize' }))).toEqual(
      [409, '当前处于“公示”阶段，不能终定考核结果'],
    );
    expect(
      (await office.post(`/api/assessment/rounds/${round.id}/transition`, { action: 'close_publicity' })).statusCode,
    ).toBe(200);
    expect(
      (await office.post(`/api/assessment/rounds/${round.id}/transition`, { action: 'finalize' })).json().status,
    ).toBe('final');
    expect(await refusal(office.post(`/api/assessment/rounds/${round.id}/transition`, { action: 'publish' }))).toEqual([
      409,
      '考核结果已终定，不得修改',
    ]);
    expect(
      await refusal(office.post(`${unitUrl(orgA)}/facts`, { kind: 'record', key: 'x.y', title: '迟到的记录' })),
    ).toEqual([409, '只有自评和审核评分阶段可以录入考核事项']);
  });

  it('exports the ranking and a score sheet to Excel', async () => {
    const res = await unitB.get(`/api/assessment/rounds/${round.id}/ranking/export`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('考核排名')!;
    expect(ws.getRow(1).getCell(3).value).toBe('单位');
    expect(ws.rowCount).toBe(round.units.length + 1);
    const sheet = await unitA.get(`${unitUrl(orgA)}/score/export`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const reasons = wb2.getWorksheet('得失分依据')!;
    const texts: string[] = [];
    reasons.eachRow((row) => texts.push(String(row.getCell(5).value ?? '')));
    expect(texts.some((x) => x.includes('执法案卷评查记录.png'))).toBe(true);
  });
});
