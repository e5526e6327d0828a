import { isCalendarDate } from '../shared/fields.ts';
import { nfkc, normaliseDateInput, normaliseNumberInput, normalisePhoneInput } from '../shared/normalise-input.ts';
import { z } from '../shared/zod.ts';
import { addDays, daysBetween } from './dates.ts';
import { inputFields, type LedgerDefinition, type LedgerField } from './definition.ts';
import { isValidIdNumber } from './id-number.ts';

/**
 * A row's values by field key: text, numbers (money in 分), booleans, enum option keys, dates `YYYY-MM-DD`, and
 * for a multi-select the list of chosen option keys (in the definition's order, no repeats).
 */
export type LedgerValue = string | number | boolean | string[] | null;
export type LedgerData = Record<string, LedgerValue>;

const phonePattern = /^(\+?86)?1\d{10}$|^0\d{2,3}-?\d{7,8}$/;

/** The schema of one non-empty value of a field; every message names the field. */
function valueSchema(f: LedgerField): z.ZodType<LedgerValue> {
  const L = f.label;
  const verb = ['enum', 'multi_enum', 'boolean', 'date', 'org', 'attachment'].includes(f.kind) ? '请选择' : '请填写';
  const missing = (what: string) => (iss: { input: unknown }) =>
    iss.input === undefined || iss.input === null || iss.input === '' ? `${verb}${L}` : `${L}应为${what}`;
  switch (f.kind) {
    case 'text':
    case 'person_name': {
      const max = f.maxLength ?? (f.multiline ? 2000 : 200);
      return z
        .string({ error: missing('文本') })
        .trim()
        .min(1, { message: `请填写${L}` })
        .max(max, { message: `${L}最多 ${max} 个字` });
    }
    case 'number': {
      let s = z.number({ error: missing('数字') }).refine(Number.isFinite, { message: `${L}应为数字` });
      if (f.integer) s = s.refine(Number.isInteger, { message: `${L}应为整数` });
      if (f.min !== undefined) s = s.refine((v) => v >= f.min!, { message: `${L}不能小于 ${f.min}` });
      if (f.max !== undefined) s = s.refine((v) => v <= f.max!, { message: `${L}不能大于 ${f.max}` });
      // Text as typed ("３", "一百二十", "1.2万") is read by the shared normaliser, as in forms and imports.
      return z.preprocess(normaliseNumberInput, s) as z.ZodType<LedgerValue>;
    }
    case 'money':
      return z
        .number({ error: missing('金额') })
        .int({ message: `${L}应为金额（以分计的整数）` })
        .min(0, { message: `${L}不能为负数` })
        .max(1e15, { message: `${L}过大` });
    case 'date':
      return z.preprocess(
        normaliseDateInput,
        z.string({ error: missing('日期') }).refine(isCalendarDate, { message: `${L}应为有效日期（如 2025-03-01）` }),
      ) as z.ZodType<LedgerValue>;
    case 'enum': {
      const keys = (f.options ?? []).map((o) => o.key);
      const labels = (f.options ?? []).map((o) => o.label).join('、');
      return z.string({ error: missing(`以下之一：${labels}`) }).refine((v) => keys.includes(v), {
        message: `${L}应为以下之一：${labels}`,
      });
    }
    case 'multi_enum': {
      const keys = (f.options ?? []).map((o) => o.key);
      const labels = (f.options ?? []).map((o) => o.label).join('、');
      return z
        .array(z.string({ error: `${L}应为选项列表` }), { error: missing(`选项列表（${labels}）`) })
        .superRefine((values, ctx) => {
          for (const v of values)
            if (!keys.includes(v))
              ctx.addIssue({ code: 'custom', message: `${L}中的“${v}”不是可选值，应为以下之一：${labels}` });
        })
        .transform((values) => keys.filter((k) => values.includes(k)));
    }
    case 'boolean':
      return z.boolean({ error: missing('“是”或“否”') });
    case 'org':
    case 'attachment':
      return z
        .number({ error: missing(f.kind === 'org' ? '单位' : '附件') })
        .int()
        .positive({ message: `${L}无效` });
    case 'id_number':
      return z
        .string({ error: missing('身份证号码') })
        .transform((v) => nfkc(v).trim().toUpperCase())
        .refine(isValidIdNumber, { message: `${L}不是有效的身份证号码` });
    case 'phone':
      return z.preprocess(
        normalisePhoneInput,
        z
          .string({ error: missing('电话号码') })
          .refine((v) => phonePattern.test(v), { message: `${L}应为手机号或座机号（如 0839-1234567）` }),
      ) as z.ZodType<LedgerValue>;
    case 'computed':
      return z.any();
  }
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** One field's schema as a form validates it: empty is allowed unless the field is required. */
export function fieldValueSchema(f: LedgerField): z.ZodType {
  const inner = valueSchema(f);
  if (f.required) return z.preprocess((v) => (isEmpty(v) ? undefined : v), inner);
  return z.preprocess((v) => (isEmpty(v) ? undefined : v), inner.optional());
}

/**
 * The schema of a row's data, built from the definition: each input field's rule, then the definition's cross-field
 * rules; the output drops empty values and carries the stored computed fields. Unknown keys are dropped.
 */
export function buildRowSchema(def: LedgerDefinition) {
  const shape: Record<string, z.ZodType> = {};
  for (const f of inputFields(def)) shape[f.key] = fieldValueSchema(f);
  const labels = new Map(def.fields.map((f) => [f.key, f.label]));
  return z
    .object(shape)
    .superRefine((data: Record<string, unknown>, ctx) => {
      for (const rule of def.rules) {
        if (rule.kind === 'date_order') {
          const a = data[rule.before];
          const b = data[rule.after];
          if (typeof a === 'string' && typeof b === 'string' && b < a) {
            ctx.addIssue({
              code: 'custom',
              path: [rule.after],
              message: `${labels.get(rule.after)}不能早于${labels.get(rule.before)}`,
            });
          }
        } else {
          const when = data[rule.when];
          const holds = rule.in ? rule.in.includes(when as string | boolean) : !isEmpty(when);
          if (holds && isEmpty(data[rule.field])) {
            ctx.addIssue({
              code: 'custom',
              path: [rule.field],
              message: `填写了${labels.get(rule.when)}时，${labels.get(rule.field)}必填`,
            });
          }
        }
      }
    })
    .transform((data) => applyComputed(def, compact(data as Record<string, unknown>)));
}

function compact(data: Record<string, unknown>): LedgerData {
  const out: LedgerData = {};
  for (const [k, v] of Object.entries(data)) if (!isEmpty(v)) out[k] = v as LedgerValue;
  return out;
}

/** Adds the stored computed values (sums, day counts, due dates) to a row's data. */
export function applyComputed(def: LedgerDefinition, data: LedgerData): LedgerData {
  const out = { ...data };
  for (const f of def.fields) {
    const c = f.compute;
    if (f.kind !== 'computed' || !c) continue;
    delete out[f.key];
    if (c.op === 'sum') {
      const values = c.fields.map((k) => out[k]).filter((v): v is number => typeof v === 'number');
      if (values.length) out[f.key] = values.reduce((a, b) => a + b, 0);
    } else if (c.op === 'days_between') {
      const a = out[c.from];
      const b = out[c.to];
      if (typeof a === 'string' && typeof b === 'string') out[f.key] = daysBetween(a, b);
    } else if (c.op === 'add_days') {
      const d = out[c.date];
      if (typeof d === 'string') {
        const extra = c.plus.map((k) => out[k]).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
        out[f.key] = addDays(d, c.days + extra);
      }
    }
  }
  return out;
}

/** Values that move with today (overdue flags), computed on read and never stored. */
export function readComputed(def: LedgerDefinition, data: LedgerData, today: string): LedgerData {
  const out = { ...data };
  for (const f of def.fields) {
    const c = f.compute;
    if (f.kind !== 'computed' || c?.op !== 'overdue') continue;
    const due = out[c.due];
    const done = out[c.done];
    if (typeof due !== 'string') continue;
    out[f.key] = typeof done === 'string' ? done > due : today > due;
  }
  return out;
}

/** Chinese messages of a failed parse as `{ field, message }`, the shape the web puts onto form fields. */
export function rowIssues(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message }));
}
