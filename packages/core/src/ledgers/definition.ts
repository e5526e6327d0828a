import { z } from '../shared/zod.ts';

/**
 * A ledger type is data: a list of fields plus list, filter and uniqueness settings. Built-in types are written in
 * `builtin/*.ts`; an office defines custom types in the UI and they are stored as the same JSON, checked by
 * `ledgerDefinitionSchema`. Server validation, storage, forms, tables and Excel all come from one definition.
 */

export const fieldKinds = [
  'text',
  'number',
  'money',
  'date',
  'enum',
  'multi_enum',
  'boolean',
  'org',
  'person_name',
  'id_number',
  'phone',
  'attachment',
  'computed',
] as const;
export type FieldKind = (typeof fieldKinds)[number];

export const fieldKindLabels: Record<FieldKind, string> = {
  text: '文本',
  number: '数字',
  money: '金额（元）',
  date: '日期',
  enum: '选项',
  multi_enum: '多选',
  boolean: '是/否',
  org: '单位',
  person_name: '当事人姓名',
  id_number: '身份证号',
  phone: '联系电话',
  attachment: '附件',
  computed: '自动计算',
};

/** Field kinds an office may pick in the custom-type designer (computed fields are for built-in types). */
export const designerFieldKinds = fieldKinds.filter((k) => k !== 'computed');

const keyPattern = /^[a-z][a-z0-9_]{0,39}$/;
export const ledgerKeySchema = z
  .string()
  .regex(keyPattern, { message: '标识只能由小写字母、数字和下划线组成，以字母开头，最长 40 位' });

export const enumOptionSchema = z.object({
  key: ledgerKeySchema,
  label: z.string().trim().min(1, { message: '选项名称不能为空' }).max(40),
});
export type EnumOption = z.infer<typeof enumOptionSchema>;

/** How a computed field gets its value. Stored ops are evaluated on write; `overdue` on every read (it moves with today). */
export const computeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('sum'), fields: z.array(ledgerKeySchema).min(1) }),
  z.object({ op: z.literal('days_between'), from: ledgerKeySchema, to: ledgerKeySchema }),
  z.object({
    op: z.literal('add_days'),
    date: ledgerKeySchema,
    days: z.number().int(),
    plus: z.array(ledgerKeySchema).default([]),
  }),
  z.object({ op: z.literal('overdue'), due: ledgerKeySchema, done: ledgerKeySchema }),
]);
export type Compute = z.infer<typeof computeSchema>;

export const fieldSchema = z.object({
  key: ledgerKeySchema,
  label: z.string().trim().min(1, { message: '字段名称不能为空' }).max(30, { message: '字段名称最多 30 个字' }),
  kind: z.enum(fieldKinds, { message: '请选择字段类型' }),
  required: z.boolean().default(false),
  unique: z.boolean().default(false),
  /** Names of parties and other personal text: masked like ID numbers and phones. */
  personal: z.boolean().default(false),
  help: z.string().max(200).optional(),
  options: z.array(enumOptionSchema).optional(),
  integer: z.boolean().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  unit: z.string().max(10).optional(),
  maxLength: z.number().int().positive().max(5000).optional(),
  multiline: z.boolean().optional(),
  compute: computeSchema.optional(),
  /** Result kind of a computed field. */
  resultKind: z.enum(['number', 'money', 'date', 'boolean']).optional(),
});
export type LedgerField = z.infer<typeof fieldSchema>;
export type LedgerFieldInput = z.input<typeof fieldSchema>;

export const ruleSchema = z.discriminatedUnion('kind', [
  /** `after` may not be earlier than `before` (e.g. concluded ≥ received). */
  z.object({ kind: z.literal('date_order'), before: ledgerKeySchema, after: ledgerKeySchema }),
  /** `field` is required when `when` holds one of `in` (e.g. decision once concluded). */
  z.object({
    kind: z.literal('required_if'),
    field: ledgerKeySchema,
    when: ledgerKeySchema,
    in: z.array(z.union([z.string(), z.boolean()])).optional(),
  }),
]);
export type LedgerRule = z.infer<typeof ruleSchema>;

export const ledgerCategories = [
  '矛盾纠纷化解',
  '公共法律服务',
  '法治政府',
  '行政执法',
  '刑罚执行',
  '普法依法治理',
  '党委领导',
  '自定义台账',
] as const;
export type LedgerCategory = (typeof ledgerCategories)[number];

export const definitionObject = z.object({
  key: ledgerKeySchema,
  name: z.string().trim().min(1, { message: '台账名称不能为空' }).max(40, { message: '台账名称最多 40 个字' }),
  category: z.enum(ledgerCategories).default('自定义台账'),
  description: z.string().max(500).default(''),
  /** The date the fact happened: it becomes the row's `row_date`, which periods are counted on. */
  dateField: ledgerKeySchema,
  fields: z.array(fieldSchema).min(1, { message: '至少需要一个字段' }).max(60, { message: '最多 60 个字段' }),
  /** Field keys shown as table columns, in order (the unit and the date are always shown). */
  listColumns: z.array(ledgerKeySchema).default([]),
  /** Field keys offered as filters (enum, boolean, text, org). */
  filters: z.array(ledgerKeySchema).default([]),
  /** Field keys the table may sort on (besides the date); nothing else is sortable. */
  sortable: z.array(ledgerKeySchema).default([]),
  /** Combinations of fields that must be unique together (single unique fields use `unique: true`). */
  uniqueTogether: z.array(z.array(ledgerKeySchema).min(2)).default([]),
  rules: z.array(ruleSchema).default([]),
});

/** A full definition, checked for internal consistency (keys exist, kinds fit their role). */
/** Keys the metric registry uses for a row's own unit (`row_org_id`, `row_org_kind`): no field may take them. */
export const reservedFieldKeys = ['row_org_id', 'row_org_kind'];

export const ledgerDefinitionSchema = definitionObject.superRefine((def, ctx) => {
  const byKey = new Map<string, LedgerField>();
  def.fields.forEach((f, i) => {
    if (reservedFieldKeys.includes(f.key))
      ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: `字段标识“${f.key}”为系统保留，请换一个` });
    if (byKey.has(f.key))
      ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: `字段标识“${f.key}”重复` });
    byKey.set(f.key, f);
    const hasOptions = f.kind === 'enum' || f.kind === 'multi_enum';
    if (hasOptions && !(f.options && f.options.length > 0)) {
      ctx.addIssue({ code: 'custom', path: ['fields', i, 'options'], message: `字段“${f.label}”至少需要一个选项` });
    }
    if (hasOptions && f.options) {
      const keys = new Set<string>();
      const labels = new Set<string>();
      for (const o of f.options) {
        if (keys.has(o.key) || labels.has(o.label))
          ctx.addIssue({
            code: 'custom',
            path: ['fields', i, 'options'],
            message: `字段“${f.label}”的选项“${o.label}”重复`,
          });
        keys.add(o.key);
        labels.add(o.label);
      }
    }
    if (f.kind === 'computed' && !f.compute) {
      ctx.addIssue({ code: 'custom', path: ['fields', i, 'compute'], message: `自动计算字段“${f.label}”缺少计算方式` });
    }
    if (f.unique && ['computed', 'attachment', 'boolean', 'multi_enum'].includes(f.kind)) {
      ctx.addIssue({ code: 'custom', path: ['fields', i, 'unique'], message: `字段“${f.label}”不能设为唯一` });
    }
  });
  const labelSeen = new Set<string>();
  def.fields.forEach((f, i) => {
    if (labelSeen.has(f.label))
      ctx.addIssue({ code: 'custom', path: ['fields', i, 'label'], message: `字段名称“${f.label}”重复` });
    labelSeen.add(f.label);
  });
  const dateField = byKey.get(def.dateField);
  if (dateField?.kind !== 'date' || !dateField.required) {
    ctx.addIssue({ code: 'custom', path: ['dateField'], message: '请指定一个必填的日期字段作为业务发生日期' });
  }
  const mustExist = (keys: string[], path: string) => {
    for (const k of keys)
      if (!byKey.has(k)) ctx.addIssue({ code: 'custom', path: [path], message: `字段“${k}”不存在` });
  };
  mustExist(def.listColumns, 'listColumns');
  mustExist(def.filters, 'filters');
  mustExist(def.sortable, 'sortable');
  for (const group of def.uniqueTogether) mustExist(group, 'uniqueTogether');
  for (const k of def.filters) {
    const f = byKey.get(k);
    if (f && !['enum', 'multi_enum', 'boolean', 'text', 'org', 'person_name'].includes(f.kind))
      ctx.addIssue({ code: 'custom', path: ['filters'], message: `字段“${f.label}”不能作为筛选条件` });
  }
  for (const k of def.sortable) {
    const f = byKey.get(k);
    if (f && !['number', 'money', 'date', 'text', 'computed'].includes(f.kind))
      ctx.addIssue({ code: 'custom', path: ['sortable'], message: `字段“${f.label}”不能排序` });
  }
  for (const f of def.fields) {
    const c = f.compute;
    if (!c) continue;
    const refs =
      c.op === 'sum'
        ? c.fields
        : c.op === 'days_between'
          ? [c.from, c.to]
          : c.op === 'add_days'
            ? [c.date, ...c.plus]
            : [c.due, c.done];
    mustExist(refs, 'fields');
  }
  for (const r of def.rules) mustExist(r.kind === 'date_order' ? [r.before, r.after] : [r.field, r.when], 'rules');
});

export type LedgerDefinition = z.infer<typeof definitionObject>;
export type LedgerDefinitionInput = z.input<typeof definitionObject>;

/** Defines a built-in type with defaults filled in and consistency checked once, at load time. */
export function defineLedger(input: LedgerDefinitionInput): LedgerDefinition {
  return withMultiSelectHelp(ledgerDefinitionSchema.parse(input));
}

/**
 * A multi-select without help gets one naming its values and the separator: the form shows it, and the Excel
 * template shows a field's help as the column note. Built-in and designed types alike.
 */
export function withMultiSelectHelp(def: LedgerDefinition): LedgerDefinition {
  const fields = def.fields.map((f) =>
    f.kind === 'multi_enum' && !f.help
      ? { ...f, help: `可多选，用“、”分隔：${(f.options ?? []).map((o) => o.label).join('、')}`.slice(0, 200) }
      : f,
  );
  return { ...def, fields };
}

export function fieldByKey(def: LedgerDefinition, key: string): LedgerField | undefined {
  return def.fields.find((f) => f.key === key);
}

/** Fields a person types in (the form and the Excel template): everything except computed values. */
export function inputFields(def: LedgerDefinition): LedgerField[] {
  return def.fields.filter((f) => f.kind !== 'computed');
}

/** Fields whose values are personal data and are masked without the 'personal.read' permission. */
export function isPersonalField(f: LedgerField): boolean {
  return f.personal || f.kind === 'id_number' || f.kind === 'phone' || f.kind === 'person_name';
}

/** Each uniqueness constraint as a list of field keys: single unique fields and combinations. */
export function uniqueKeySets(def: LedgerDefinition): string[][] {
  return [...def.fields.filter((f) => f.unique).map((f) => [f.key]), ...def.uniqueTogether];
}

export function optionLabel(field: LedgerField, key: unknown): string {
  if (Array.isArray(key)) return key.map((k) => optionLabel(field, k)).join('、');
  return field.options?.find((o) => o.key === key)?.label ?? (key == null ? '' : String(key));
}
