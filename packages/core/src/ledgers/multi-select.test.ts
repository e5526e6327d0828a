import { describe, expect, it } from 'vitest';
import { centerRoom } from '../grassroots/ledger-types/facilities.ts';
import { formatCell, parseCell } from './cells.ts';
import { defineLedger, fieldByKey, ledgerDefinitionSchema, optionLabel } from './definition.ts';
import { buildRowSchema, rowIssues } from './row-schema.ts';

const def = defineLedger({
  key: 'site_visit',
  name: '普法活动',
  dateField: 'held_on',
  fields: [
    { key: 'held_on', label: '活动日期', kind: 'date', required: true },
    {
      key: 'sectors',
      label: '法律七进',
      kind: 'multi_enum',
      required: true,
      options: [
        { key: 'village', label: '进乡村' },
        { key: 'school', label: '进学校' },
        { key: 'enterprise', label: '进企业' },
      ],
    },
    { key: 'extras', label: '附加', kind: 'multi_enum', options: [{ key: 'a', label: '甲' }] },
  ],
  filters: ['sectors'],
});
const sectors = fieldByKey(def, 'sectors')!;
const schema = buildRowSchema(def);

describe('multi-select field kind', () => {
  it('stores the chosen option keys in the definition order, without repeats', () => {
    const r = schema.parse({ held_on: '2025-03-01', sectors: ['enterprise', 'village', 'village'] });
    expect(r).toEqual({ held_on: '2025-03-01', sectors: ['village', 'enterprise'] });
  });

  it('refuses an unknown option naming the field and the value, and a required empty list', () => {
    const bad = schema.safeParse({ held_on: '2025-03-01', sectors: ['village', 'moon'] });
    expect(bad.success).toBe(false);
    expect(rowIssues(bad.error!)).toEqual([
      { field: 'sectors', message: '法律七进中的“moon”不是可选值，应为以下之一：进乡村、进学校、进企业' },
    ]);
    const empty = schema.safeParse({ held_on: '2025-03-01', sectors: [] });
    expect(rowIssues(empty.error!)[0]).toEqual({ field: 'sectors', message: '请选择法律七进' });
    const notList = schema.safeParse({ held_on: '2025-03-01', sectors: 'village' });
    expect(rowIssues(notList.error!)[0]!.message).toMatch(/^法律七进应为选项列表/);
    // An optional multi-select left empty is simply absent.
    expect(schema.parse({ held_on: '2025-03-01', sectors: ['school'], extras: [] })).not.toHaveProperty('extras');
  });

  it('reads a spreadsheet cell separated by 、 , ， ; ； or line breaks, by label or key', () => {
    expect(parseCell(sectors, '进乡村、进企业')).toEqual({ ok: true, value: ['village', 'enterprise'] });
    expect(parseCell(sectors, '进学校，进乡村; enterprise')).toEqual({
      ok: true,
      value: ['school', 'village', 'enterprise'],
    });
    expect(parseCell(sectors, '进学校；\n进学校')).toEqual({ ok: true, value: ['school'] });
    expect(parseCell(sectors, '  ')).toEqual({ ok: true, value: undefined });
    expect(parseCell(sectors, '进乡村、进月球')).toEqual({
      ok: false,
      message: '法律七进中的“进月球”不是可选值，应为：进乡村、进学校、进企业',
    });
  });

  it('writes labels joined by 、 on export and in labels; names its values in the template help', () => {
    expect(formatCell(sectors, ['village', 'school'])).toBe('进乡村、进学校');
    expect(optionLabel(sectors, ['enterprise'])).toBe('进企业');
    expect(sectors.help).toBe('可多选，用“、”分隔：进乡村、进学校、进企业');
  });

  it('needs options with distinct labels, and cannot be unique', () => {
    const base = { key: 'x', name: '测试', dateField: 'd' };
    const date = { key: 'd', label: '日期', kind: 'date', required: true } as const;
    const noOptions = ledgerDefinitionSchema.safeParse({
      ...base,
      fields: [date, { key: 'm', label: '多选', kind: 'multi_enum' }],
    });
    expect(noOptions.error?.issues[0]?.message).toBe('字段“多选”至少需要一个选项');
    const unique = ledgerDefinitionSchema.safeParse({
      ...base,
      fields: [
        date,
        { key: 'm', label: '多选', kind: 'multi_enum', unique: true, options: [{ key: 'a', label: '甲' }] },
      ],
    });
    expect(unique.error?.issues[0]?.message).toBe('字段“多选”不能设为唯一');
    const reserved = ledgerDefinitionSchema.safeParse({
      ...base,
      fields: [date, { key: 'row_org_id', label: '单位', kind: 'text' }],
    });
    expect(reserved.error?.issues[0]?.message).toMatch(/系统保留/);
  });

  it('holds a 综治中心 checklist as one row per centre', () => {
    const row = buildRowSchema(centerRoom).parse({
      center_name: '元坝镇综治中心',
      set_up_date: '2025-03-01',
      rooms: ['mediation_room', 'center_office'],
      staffed_rooms: ['center_office'],
    });
    expect(row.rooms).toEqual(['center_office', 'mediation_room']);
    expect(formatCell(fieldByKey(centerRoom, 'rooms')!, row.rooms)).toBe('综治中心办公室、人民调解室');
  });
});
