import { describe, expect, it } from 'vitest';
import { extractWorkpoints, type WorkpointOrg } from './workpoints-extract.ts';
import { findDeadlines, pointDeadline, smallNumeral } from './workpoints-extract-deadline.ts';
import { unitMatcher } from './workpoints-extract-units.ts';

const orgs: WorkpointOrg[] = [
  { id: 1, name: '昭化区', kind: 'county' },
  { id: 2, name: '区委依法治区办', kind: 'office' },
  { id: 3, name: '区委宣传部', shortName: '宣传部', kind: 'department' },
  { id: 4, name: '区委政法委', shortName: '政法委', kind: 'department' },
  { id: 5, name: '区人民法院', shortName: '区法院', kind: 'department' },
  { id: 6, name: '区人民检察院', shortName: '区检察院', kind: 'department' },
  { id: 7, name: '区公安分局', shortName: '公安分局', kind: 'department' },
  { id: 8, name: '区司法局', shortName: '司法局', kind: 'department' },
  { id: 9, name: '区住房和城乡建设局', shortName: '住建局', kind: 'department' },
  { id: 10, name: '区政府办公室', shortName: '区政府办', kind: 'department' },
  { id: 11, name: '元坝镇', kind: 'township' },
  { id: 12, name: '卫子镇', kind: 'township' },
  { id: 13, name: '元坝镇司法所', kind: 'judicial_office' },
  { id: 14, name: '区市场监督管理局', kind: 'department' },
];
const run = (text: string) => extractWorkpoints(text, orgs, { year: 2026 });
const byNumber = (text: string) => new Map(run(text).points.map((p) => [p.number, p]));

describe('unit recognition', () => {
  const m = unitMatcher(orgs);
  it.each([
    ['区司法局', [8]],
    ['司法局', [8]],
    ['昭化区司法局', [8]],
    ['区法院', [5]],
    ['区人民法院、区人民检察院', [5, 6]],
    ['法院', [5]],
    ['住建局', [9]],
    ['区住房和城乡建设局', [9]],
    ['区市场监管局', [14]],
    ['市场监管局', [14]],
    ['依法治区办', [2]],
    ['宣传部和政法委', [3, 4]],
    ['区政府办', [10]],
  ])('%s → %j', (phrase, ids) => {
    expect(m.match(phrase).ids).toEqual(ids);
  });

  it('collective words stand for every org of a kind, apart from named ones', () => {
    expect(m.match('各镇街').collectiveIds).toEqual([11, 12]);
    expect(m.match('各乡镇（街道）').collectiveIds).toEqual([11, 12]);
    expect(m.match('各成员单位').collectiveIds).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 14]);
    expect(m.match('元坝镇、各镇').collectiveIds).toEqual([12]);
  });

  it('a unit-like name the list does not know is reported, filler words are not', () => {
    const r = m.match('区司法局、区文旅局等相关单位');
    expect(r.ids).toEqual([8]);
    expect(r.unmatched).toEqual(['区文旅局']);
    expect(m.match('各相关部门').unmatched).toEqual([]);
  });

  it('an alias two orgs share names neither', () => {
    const twin = unitMatcher([
      { id: 1, name: '甲镇司法所', shortName: '司法所', kind: 'judicial_office' },
      { id: 2, name: '乙镇司法所', shortName: '司法所', kind: 'judicial_office' },
    ]);
    expect(twin.match('司法所').ids).toEqual([]);
    expect(twin.match('乙镇司法所').ids).toEqual([2]);
  });
});

describe('deadline phrases', () => {
  it.each([
    ['6月底前完成', '2026-06-30', 'month'],
    ['2月底前', '2026-02-28', 'month'],
    ['2026年9月30日前', '2026-09-30', 'date'],
    ['11月15日前报送', '2026-11-15', 'date'],
    ['9月中旬前', '2026-09-20', 'month'],
    ['十月底前', '2026-10-31', 'month'],
    ['3—5月集中开展', '2026-05-31', 'month'],
    ['三季度末', '2026-09-30', 'quarter'],
    ['第一季度', '2026-03-31', 'quarter'],
    ['上半年', '2026-06-30', 'half_year'],
    ['下半年', '2026-12-31', 'half_year'],
    ['年底前', '2026-12-31', 'year_end'],
    ['全年', '2026-12-31', 'year_end'],
    ['2027年底前', '2027-12-31', 'year_end'],
    ['长期坚持', '2026-12-31', 'ongoing'],
    ['每季度', '2026-12-31', 'recurring'],
  ])('%s → %s (%s)', (text, date, kind) => {
    expect(pointDeadline(text, 2026)).toMatchObject({ date, kind });
  });

  it('the latest stage is the deadline; a dated phrase beats standing work on the same day', () => {
    expect(pointDeadline('6月底前完成摸底，年底前全面推开', 2026)).toMatchObject({
      date: '2026-12-31',
      text: '年底前',
    });
    expect(pointDeadline('每季度通报一次，年底前完成', 2026)).toMatchObject({ kind: 'year_end' });
  });

  it('numbers that are not deadlines are left alone', () => {
    expect(findDeadlines('三年内实现全覆盖，开展活动12场，每年12月4日宪法宣传日', 2026).map((d) => d.kind)).toEqual([
      'recurring',
    ]);
    expect(pointDeadline('建成示范点5个', 2026)).toBeNull();
  });

  it('small numerals', () => {
    expect([smallNumeral('十'), smallNumeral('十二'), smallNumeral('二十三'), smallNumeral('7')]).toEqual([
      10, 12, 23, 7,
    ]);
    expect(smallNumeral('百')).toBeNaN();
  });
});

describe('work point structure', () => {
  it('nests 一、（一）1.（1） and numbers each as a task', () => {
    const r = run(
      [
        '中共昭化区委全面依法治区委员会2026年工作要点',
        '为深入推进法治建设，制定本要点。',
        '一、加强党对法治建设的领导',
        '（一）落实第一责任人职责',
        '1.开展年度述法。区委依法治区办牵头，年底前完成。',
        '（1）制定述法方案。（3月底前）',
        '（2）组织现场述法。',
        '2.开展法治督察。',
        '二、建设法治政府',
        '（一）推进严格执法',
      ].join('\n'),
    );
    expect(r.title).toBe('中共昭化区委全面依法治区委员会2026年工作要点');
    expect(r.year).toBe(2026);
    expect(r.preamble).toBe('为深入推进法治建设，制定本要点。');
    expect(r.points.map((p) => [p.key, p.parentKey, p.number, p.title])).toEqual([
      ['p1', null, '一、', '加强党对法治建设的领导'],
      ['p2', 'p1', '（一）', '落实第一责任人职责'],
      ['p3', 'p2', '1.', '开展年度述法'],
      ['p4', 'p3', '（1）', '制定述法方案'],
      ['p5', 'p3', '（2）', '组织现场述法'],
      ['p6', 'p2', '2.', '开展法治督察'],
      ['p7', null, '二、', '建设法治政府'],
      ['p8', 'p7', '（一）', '推进严格执法'],
    ]);
    expect(r.points[3]).toMatchObject({ deadline: '2026-03-31', deadlineSource: 'text' });
  });

  it('a number that breaks its count is body text, not a point', () => {
    const r = run(['一、总体要求', '1.第一项。', '3.这不是第三项的开头', '2.第二项。'].join('\n'));
    expect(r.points.map((p) => p.number)).toEqual(['一、', '1.', '2.']);
    expect(r.points[1]!.description).toBe('第一项。\n3.这不是第三项的开头');
  });

  it('reads "牵头单位：…；责任单位：…" fields, on the line or the next', () => {
    const p = byNumber(
      [
        '1.深化行政复议体制改革。牵头单位：区司法局；责任单位：区法院、区检察院；完成时限：6月底前',
        '2.推进智慧执法。',
        '牵头单位：区市场监管局',
        '配合单位：各镇街',
      ].join('\n'),
    );
    expect(p.get('1.')).toMatchObject({
      title: '深化行政复议体制改革',
      leadOrgId: 8,
      assistOrgIds: [5, 6],
      deadline: '2026-06-30',
      deadlineText: '6月底前',
    });
    expect(p.get('2.')).toMatchObject({ leadOrgId: 14, assistOrgIds: [11, 12], deadline: null });
  });

  it('reads "（区司法局牵头，各镇街配合）" and "由…牵头，…配合"', () => {
    const p = byNumber(
      [
        '1.开展“八五”普法终期评估。（区司法局牵头，各镇街配合，年底前完成）',
        '2.规范涉企执法检查，由区政府办牵头，区公安分局、住建局配合，长期坚持。',
        '3.加强法治宣传阵地建设（区委宣传部、区司法局负责）。',
      ].join('\n'),
    );
    expect(p.get('1.')).toMatchObject({ leadOrgId: 8, assistOrgIds: [11, 12], deadline: '2026-12-31' });
    expect(p.get('1.')!.title).toBe('开展“八五”普法终期评估');
    expect(p.get('2.')).toMatchObject({ leadOrgId: 10, assistOrgIds: [7, 9], deadlineKind: 'ongoing' });
    expect(p.get('3.')).toMatchObject({ leadOrgId: 3, assistOrgIds: [8] });
  });

  it('a trailing "责任单位：" line: the first unit leads', () => {
    const p = byNumber(['（一）健全重大决策程序。每季度通报。', '责任单位：区政府办、区司法局、元坝镇'].join('\n'));
    expect(p.get('（一）')).toMatchObject({ leadOrgId: 10, assistOrgIds: [8, 11], deadlineKind: 'recurring' });
  });

  it('reports unknown units and keeps a point without units for the office to complete', () => {
    const p = byNumber(['1.推进文旅市场执法。（区文旅局牵头，区司法局配合）', '2.没有写单位的要点。'].join('\n'));
    expect(p.get('1.')).toMatchObject({ leadOrgId: null, assistOrgIds: [8], unmatchedUnits: ['区文旅局'] });
    expect(p.get('2.')).toMatchObject({ leadOrgId: null, leadSource: 'none', assistOrgIds: [] });
  });

  it('a heading without units takes the lead of most points below it and their last deadline', () => {
    const r = run(
      [
        '一、推进普法',
        '1.甲。（区司法局牵头，6月底前）',
        '2.乙。（区司法局牵头，9月底前）',
        '3.丙。（区委宣传部牵头，3月底前）',
      ].join('\n'),
    );
    expect(r.points[0]).toMatchObject({
      leadOrgId: 8,
      leadSource: 'children',
      assistOrgIds: [3],
      deadline: '2026-09-30',
      deadlineSource: 'children',
    });
  });

  it('reads a one-cell-per-line table (mammoth) with a multi-paragraph task cell', () => {
    const r = run(
      [
        '一、重点任务分工',
        '',
        '序号',
        '',
        '工作任务',
        '',
        '牵头单位',
        '',
        '责任单位',
        '',
        '完成时限',
        '',
        '1',
        '',
        '开展合法性审查',
        '',
        '审查率达到100%',
        '',
        '区司法局',
        '',
        '区政府办',
        '',
        '全年',
        '',
        '2',
        '',
        '推进诉源治理',
        '',
        '区法院',
        '',
        '各镇街',
        '',
        '10月底前',
        '',
        '二、保障措施',
      ].join('\n'),
    );
    expect(r.points.map((p) => [p.number, p.parentKey, p.title, p.leadOrgId, p.assistOrgIds, p.deadline])).toEqual([
      ['一、', null, '重点任务分工', 8, [5], '2026-12-31'],
      ['1', 'p1', '开展合法性审查', 8, [10], '2026-12-31'],
      ['2', 'p1', '推进诉源治理', 5, [11, 12], '2026-10-31'],
      ['二、', null, '保障措施', null, [], null],
    ]);
    expect(r.points[1]!.description).toBe('开展合法性审查\n审查率达到100%');
  });

  it('reads a tab-separated table', () => {
    const r = run(
      [
        '工作任务\t牵头单位\t配合单位\t完成时限',
        '开展执法检查\t公安分局\t司法局\t二季度',
        '推进调解\t司法局\t\t年底前',
      ].join('\n'),
    );
    expect(r.points.map((p) => [p.number, p.title, p.leadOrgId, p.assistOrgIds, p.deadline])).toEqual([
      ['1', '开展执法检查', 7, [8], '2026-06-30'],
      ['2', '推进调解', 8, [], '2026-12-31'],
    ]);
  });

  it('drops page furniture and stops at the attachments', () => {
    const r = run(['一、甲', '— 2 —', '1.乙。（司法局牵头）', '附件：1.任务清单', '1.不是要点'].join('\n'));
    expect(r.points.map((p) => p.number)).toEqual(['一、', '1.']);
    expect(r.points[1]!.description).toBe('乙。（司法局牵头）');
  });

  it('full-width digits and brackets, Windows line ends', () => {
    const r = run('（一）完善制度\r\n１．推进清理。（区司法局牵头）\r\n(1)子项');
    expect(r.points.map((p) => [p.number, p.parentKey])).toEqual([
      ['（一）', null],
      ['1．', 'p1'],
      ['(1)', 'p2'],
    ]);
  });

  it('an empty text yields no points and the fallback year', () => {
    expect(run('')).toEqual({ title: '', year: 2026, preamble: '', points: [] });
  });
});

describe('numbering that runs through the chapters', () => {
  it('3. under （二） continues 2. under （一）; a restart at 1. is accepted too', () => {
    const r = run(['（一）甲', '1.子一。', '2.子二。', '（二）乙', '3.子三。', '（三）丙', '1.子一。'].join('\n'));
    expect(r.points.map((p) => [p.number, p.parentKey])).toEqual([
      ['（一）', null],
      ['1.', 'p1'],
      ['2.', 'p1'],
      ['（二）', null],
      ['3.', 'p4'],
      ['（三）', null],
      ['1.', 'p6'],
    ]);
  });
});

describe('hostile input', () => {
  it('a long text without stops or numbering is read in linear time and yields no points', () => {
    const r = run(`${'区司法局牵头'.repeat(20000)}\n${'一二三'.repeat(30000)}`);
    expect(r.points).toEqual([]);
  });

  it('hundreds of numbered lines nest without quadratic work', () => {
    const lines = ['一、总体'];
    for (let i = 1; i <= 900; i++) lines.push(`${i}.第${i}项。（区司法局牵头）`);
    const r = run(lines.join('\n'));
    expect(r.points).toHaveLength(901);
    expect(r.points[0]).toMatchObject({ leadOrgId: 8, leadSource: 'children' });
  });
});

describe('patterns added after the first held-out run', () => {
  it('参加 assists; 按职责落实 / 分别负责 without a lead: the first unit leads', () => {
    const p = byNumber(
      [
        '1.甲事项（政法委牵头，法院、检察院参加）。',
        '2.乙事项（法院、检察院、司法局按职责落实）。',
        '3.丙事项（司法局、各镇分别负责，上半年）。',
      ].join('\n'),
    );
    expect(p.get('1.')).toMatchObject({ leadOrgId: 4, assistOrgIds: [5, 6] });
    expect(p.get('2.')).toMatchObject({ leadOrgId: 5, assistOrgIds: [6, 8] });
    expect(p.get('3.')).toMatchObject({ leadOrgId: 8, assistOrgIds: [11, 12], deadline: '2026-06-30' });
  });

  it('N月份 is the month end; a bare month is a deadline only in a 完成时限 field', () => {
    expect(pointDeadline('4月份启动', 2026)).toMatchObject({ date: '2026-04-30', kind: 'month' });
    expect(pointDeadline('全区11月开展活动', 2026)).toBeNull();
    const p = byNumber(['1.甲事项。', '牵头单位：区司法局', '完成时限：11月'].join('\n'));
    expect(p.get('1.')).toMatchObject({ deadline: '2026-11-30' });
  });

  it('a field line after a ①②③ list belongs to the item holding the list', () => {
    const r = run(
      [
        '1.开展活动。主要做法：',
        '①组建服务团；',
        '②编印指引；',
        '责任单位：区司法局、区法院',
        '完成时限：10月底前',
      ].join('\n'),
    );
    expect(r.points.map((p) => [p.number, p.parentKey, p.leadOrgId, p.deadline])).toEqual([
      ['1.', null, 8, '2026-10-31'],
      ['①', 'p1', null, null],
      ['②', 'p1', null, null],
    ]);
  });
});

describe('patterns added after the second held-out run', () => {
  it('short labels “（牵头：…；配合：…）” and units written with the county name', () => {
    const r = extractWorkpoints('（一）开展宣誓。（牵头：昭化区司法局；配合：昭化区委宣传部、区法院）', orgs, {
      year: 2026,
    });
    expect(r.points[0]).toMatchObject({ leadOrgId: 8, assistOrgIds: [3, 5] });
  });

  it('section rows inside a numbered table are headings, and the table goes on', () => {
    const cells = [
      '序号',
      '工作任务',
      '牵头单位',
      '完成时限',
      '一、决策',
      '1',
      '甲任务',
      '区政府办',
      '3月底前',
      '二、执法',
      '2',
      '乙任务',
      '司法局',
      '全年',
    ];
    const r = run(cells.join('\n\n'));
    expect(r.points.map((p) => [p.number, p.parentKey, p.title, p.leadOrgId, p.deadline])).toEqual([
      ['一、', null, '决策', 10, '2026-03-31'],
      ['1', 'p1', '甲任务', 10, '2026-03-31'],
      ['二、', null, '执法', 8, '2026-12-31'],
      ['2', 'p3', '乙任务', 8, '2026-12-31'],
    ]);
  });

  it('a cover letter numbered before its 附件 list: the list after the title replaces it', () => {
    const r = run(
      [
        '关于做好任务落实的通知',
        '一、高度重视。',
        '二、按时报送。',
        '附件：任务清单',
        '2026年法治建设任务清单',
        '一、推进依法行政',
        '1.甲。（区司法局负责）',
      ].join('\n'),
    );
    expect(r.title).toBe('2026年法治建设任务清单');
    expect(r.points.map((p) => [p.key, p.number, p.title])).toEqual([
      ['p1', '一、', '推进依法行政'],
      ['p2', '1.', '甲'],
    ]);
    // Without a list after it, 附件 ends the points as before.
    expect(run(['一、甲', '附件：1.名单', '2.报送表'].join('\n')).points.map((p) => p.number)).toEqual(['一、']);
  });
});
