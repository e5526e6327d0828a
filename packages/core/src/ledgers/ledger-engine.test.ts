import { describe, expect, it } from 'vitest';
import { builtinLedgers } from './builtin/index.ts';
import { mediationCase } from './builtin/mediation.ts';
import { reconsiderationCase } from './builtin/reconsideration.ts';
import { formatCell, parseCell, parseYuanToFen } from './cells.ts';
import { type LedgerDefinitionInput, ledgerDefinitionSchema } from './definition.ts';
import { definitionChangeProblems } from './definition-change.ts';
import { findDuplicatesInFile, uniqueKeysOf } from './duplicates.ts';
import { idNumberCheckChar, isValidIdNumber } from './id-number.ts';
import { keepMaskedValues, maskRowData } from './mask.ts';
import { reconsiderationClock, reconsiderationDueDate } from './reconsideration-clock.ts';
import { buildRowSchema, readComputed, rowIssues } from './row-schema.ts';

const validId = (() => {
  const first17 = '51081119850312001';
  return `${first17}${idNumberCheckChar(first17)}`;
})();

const goodCase = {
  case_no: '昭调〔2025〕001号',
  dispute_type: 'neighbourhood',
  parties: '张三、李四',
  party_phone: '13812345678',
  received_date: '2025-03-01',
  concluded_date: '2025-03-05',
  result: 'success',
  agreement_amount: 1_250_000,
};

describe('built-in definitions', () => {
  it('all load, with unique keys, and every built-in field key is snake_case English', () => {
    const keys = builtinLedgers.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(builtinLedgers.length).toBeGreaterThanOrEqual(18);
    for (const d of builtinLedgers) for (const f of d.fields) expect(f.key).toMatch(/^[a-z][a-z0-9_]*$/);
  });
});

describe('definition → zod row schema', () => {
  const schema = buildRowSchema(mediationCase);

  it('accepts a good row, drops unknown keys and empty values', () => {
    const out = schema.parse({ ...goodCase, mediator_name: '', extra: 'x' });
    expect(out).toEqual(goodCase);
  });

  it('names the field in Chinese for a missing required value', () => {
    const r = schema.safeParse({ ...goodCase, case_no: '' });
    expect(r.success).toBe(false);
    expect(rowIssues(r.error!)).toContainEqual({ field: 'case_no', message: '请填写案件编号' });
  });

  it('refuses an unknown option, a float amount, a bad date and a bad phone', () => {
    const r = schema.safeParse({
      ...goodCase,
      result: 'maybe',
      agreement_amount: 12.5,
      received_date: '2025-02-30',
      party_phone: '12345',
    });
    const messages = rowIssues(r.error!).map((i) => i.message);
    expect(messages).toContain('调解结果应为以下之一：调解成功、调解不成功、正在调解');
    expect(messages).toContain('协议涉及金额应为金额（以分计的整数）');
    expect(messages).toContain('受理日期应为有效日期（如 2025-03-01）');
    expect(messages.some((m) => m.startsWith('当事人电话应为手机号'))).toBe(true);
  });

  it('applies cross-field rules: date order and required-if', () => {
    const early = schema.safeParse({ ...goodCase, concluded_date: '2025-02-01' });
    expect(rowIssues(early.error!)).toContainEqual({ field: 'concluded_date', message: '办结日期不能早于受理日期' });
    const { concluded_date: _c, ...open } = goodCase;
    const missing = schema.safeParse(open);
    expect(rowIssues(missing.error!)[0]!.field).toBe('concluded_date');
    expect(schema.safeParse({ ...open, result: 'ongoing' }).success).toBe(true);
  });

  it('validates ID numbers with their check character', () => {
    expect(isValidIdNumber(validId)).toBe(true);
    expect(isValidIdNumber(`${validId.slice(0, 17)}${validId[17] === '0' ? '1' : '0'}`)).toBe(false);
    expect(isValidIdNumber('510811851312001')).toBe(false); // month 13
    expect(isValidIdNumber('510811850312001')).toBe(true);
  });
});

describe('reconsideration 60-day clock', () => {
  it('counts 60 days from the day after acceptance', () => {
    expect(reconsiderationDueDate({ acceptedDate: '2025-01-10' })).toBe('2025-03-11');
  });

  it('adds an extension (capped at 30 days) and suspended days', () => {
    expect(reconsiderationDueDate({ acceptedDate: '2025-01-10', extensionDays: 30 })).toBe('2025-04-10');
    expect(reconsiderationDueDate({ acceptedDate: '2025-01-10', extensionDays: 45 })).toBe('2025-04-10');
    expect(reconsiderationDueDate({ acceptedDate: '2025-01-10', extensionDays: 30, suspendedDays: 15 })).toBe(
      '2025-04-25',
    );
  });

  it('is overdue after the due date unless concluded by then', () => {
    const base = { acceptedDate: '2025-01-10' };
    expect(reconsiderationClock(base, '2025-03-11')).toEqual({ dueDate: '2025-03-11', daysLeft: 0, overdue: false });
    expect(reconsiderationClock(base, '2025-03-12').overdue).toBe(true);
    expect(reconsiderationClock({ ...base, concludedDate: '2025-03-11' }, '2025-06-01').overdue).toBe(false);
    expect(reconsiderationClock({ ...base, concludedDate: '2025-03-12' }, '2025-06-01').overdue).toBe(true);
    expect(reconsiderationClock({ ...base, suspendedDays: 10 }, '2025-03-20').overdue).toBe(false);
  });

  it('the built-in ledger stores the same due date and flags overdue on read', () => {
    const schema = buildRowSchema(reconsiderationCase);
    const row = schema.parse({
      case_no: '昭复〔2025〕1号',
      applicant: '王五',
      respondent: '区市场监督管理局',
      matter: 'penalty',
      received_date: '2025-01-06',
      acceptance: 'accepted',
      accepted_date: '2025-01-10',
      extension_days: 30,
      suspended_days: 15,
    });
    expect(row.due_date).toBe(
      reconsiderationDueDate({ acceptedDate: '2025-01-10', extensionDays: 30, suspendedDays: 15 }),
    );
    expect(readComputed(reconsiderationCase, row, '2025-04-25').overdue).toBe(false);
    expect(readComputed(reconsiderationCase, row, '2025-04-26').overdue).toBe(true);
    expect(schema.safeParse({ ...row, extension_days: 31 }).success).toBe(false);
    const concluded = schema.safeParse({ ...row, concluded_date: '2025-03-01' });
    expect(rowIssues(concluded.error!)).toContainEqual({
      field: 'decision',
      message: '填写了审结日期时，决定类型必填',
    });
  });
});

describe('masking', () => {
  it('masks names, phones and ID numbers, and keeps other fields', () => {
    const masked = maskRowData(mediationCase, goodCase);
    expect(masked.parties).toBe('张*、李*');
    expect(masked.party_phone).toBe('138****5678');
    expect(masked.case_no).toBe(goodCase.case_no);
  });

  it('a masked value sent back unchanged keeps the stored value; a new value replaces it', () => {
    const masked = maskRowData(mediationCase, goodCase);
    expect(keepMaskedValues(mediationCase, masked, goodCase).parties).toBe('张三、李四');
    expect(keepMaskedValues(mediationCase, { ...masked, parties: '赵六' }, goodCase).parties).toBe('赵六');
  });
});

describe('duplicate detection', () => {
  it('finds a unique key repeated within one file, naming the first row', () => {
    const rows = [
      { rowNumber: 2, data: goodCase },
      { rowNumber: 3, data: { ...goodCase, case_no: 'B' } },
      { rowNumber: 4, data: goodCase },
    ];
    const issues = findDuplicatesInFile(mediationCase, rows);
    expect(issues).toEqual([
      {
        rowNumber: 4,
        fields: ['case_no'],
        firstRowNumber: 2,
        message: '案件编号“昭调〔2025〕001号”与第2行重复',
      },
    ]);
  });

  it('composite keys apply only when every part is present', () => {
    const def = ledgerDefinitionSchema.parse(customInput({ uniqueTogether: [['a', 'd']] }));
    expect(uniqueKeysOf(def, { a: 'x', d: '2025-01-01' })).toEqual([
      { fields: ['a', 'd'], value: 'x\u001f2025-01-01' },
    ]);
    expect(uniqueKeysOf(def, { a: 'x' })).toEqual([]);
  });
});

describe('Excel cells', () => {
  it('reads money in 元 exactly as 分, including 万 and full-width digits', () => {
    expect(parseYuanToFen('1,464.50')).toBe(146450);
    expect(parseYuanToFen('0.1')).toBe(10);
    expect(parseYuanToFen('1.2万')).toBe(1_200_000);
    expect(parseYuanToFen('１２.３')).toBe(1230);
    expect(parseYuanToFen('1.234')).toBeNull();
    expect(parseYuanToFen('abc')).toBeNull();
  });

  it('reads options by label, 是/否, and loose dates; refuses with a Chinese reason', () => {
    const f = (key: string) => mediationCase.fields.find((x) => x.key === key)!;
    expect(parseCell(f('result'), '调解成功')).toEqual({ ok: true, value: 'success' });
    expect(parseCell(f('result'), '成功')).toMatchObject({ ok: false });
    expect(parseCell(f('mediator_full_time'), '是')).toEqual({ ok: true, value: true });
    expect(parseCell(f('received_date'), '2025年3月1日')).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseCell(f('received_date'), 45717)).toEqual({ ok: true, value: '2025-03-01' });
    expect(parseCell(f('received_date'), '下周')).toEqual({
      ok: false,
      message: '“下周”不是有效日期（如 2025-03-01）',
    });
    expect(parseCell(f('agreement_amount'), 1464.5)).toEqual({ ok: true, value: 146450 });
    expect(formatCell(f('agreement_amount'), 146450)).toBe(1464.5);
    expect(formatCell(f('result'), 'failed')).toBe('调解不成功');
  });
});

function customInput(extra: Partial<LedgerDefinitionInput> = {}): LedgerDefinitionInput {
  return {
    key: 'custom_visits',
    name: '走访记录',
    dateField: 'd',
    fields: [
      { key: 'a', label: '名称', kind: 'text', required: true },
      { key: 'd', label: '日期', kind: 'date', required: true },
      { key: 'k', label: '类别', kind: 'enum', options: [{ key: 'o1', label: '甲' }] },
    ],
    ...extra,
  };
}

describe('custom definitions', () => {
  it('a consistent definition passes', () => {
    expect(ledgerDefinitionSchema.safeParse(customInput()).success).toBe(true);
  });

  it('refuses duplicate keys, an enum without options, a missing date field, unknown list columns', () => {
    const bad = customInput({
      dateField: 'a',
      listColumns: ['nope'],
      fields: [
        { key: 'a', label: '名称', kind: 'text' },
        { key: 'a', label: '名称2', kind: 'text' },
        { key: 'k', label: '类别', kind: 'enum' },
      ],
    });
    const r = ledgerDefinitionSchema.safeParse(bad);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        '字段标识“a”重复',
        '字段“类别”至少需要一个选项',
        '请指定一个必填的日期字段作为业务发生日期',
        '字段“nope”不存在',
      ]),
    );
  });

  it('once rows exist, fields and options may be added but not removed or retyped', () => {
    const before = ledgerDefinitionSchema.parse(customInput());
    const added = ledgerDefinitionSchema.parse(
      customInput({
        fields: [
          { key: 'a', label: '名称', kind: 'text', required: true },
          { key: 'd', label: '日期', kind: 'date', required: true },
          {
            key: 'k',
            label: '类别',
            kind: 'enum',
            options: [
              { key: 'o1', label: '甲' },
              { key: 'o2', label: '乙' },
            ],
          },
          { key: 'n', label: '人数', kind: 'number' },
        ],
      }),
    );
    expect(definitionChangeProblems(before, added)).toEqual([]);
    const removed = ledgerDefinitionSchema.parse(
      customInput({
        fields: [
          { key: 'a', label: '名称', kind: 'number' },
          { key: 'd', label: '日期', kind: 'date', required: true },
        ],
      }),
    );
    expect(definitionChangeProblems(before, removed)).toEqual([
      '台账已有数据，不能修改字段“名称”的类型',
      '台账已有数据，不能删除字段“类别”',
    ]);
  });
});
