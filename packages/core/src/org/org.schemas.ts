import { dbId } from '../shared/fields.ts';
import { z } from '../shared/zod.ts';

/** Region levels are org kinds too: a township is both a place and the government of that place. */
export const orgKinds = [
  'province',
  'city',
  'county',
  'township',
  'village',
  'grid',
  'committee',
  'office',
  'department',
  'judicial_office',
] as const;
export type OrgKind = (typeof orgKinds)[number];
export const orgKindLabels: Record<OrgKind, string> = {
  province: '省',
  city: '市',
  county: '县（区）',
  township: '乡镇（街道）',
  village: '村（社区）',
  grid: '网格',
  committee: '委员会',
  office: '办公室',
  department: '区级部门',
  judicial_office: '司法所',
};
export const regionKinds: readonly OrgKind[] = ['province', 'city', 'county', 'township', 'village', 'grid'];

export const dimensionKinds = ['coord_group', 'tier', 'sector', 'center_office'] as const;
export type DimensionKind = (typeof dimensionKinds)[number];
export const dimensionKindLabels: Record<DimensionKind, string> = {
  coord_group: '协调小组',
  tier: '层级',
  sector: '行业（法律七进）',
  center_office: '中心司法所片区',
};

const name = z.string().trim().min(1, '名称不能为空').max(100, '名称不能超过100个字');

export const dimensionSchema = z.object({
  id: z.number().int(),
  kind: z.enum(dimensionKinds),
  name: z.string(),
  ownerOrgId: z.number().int(),
});
export type Dimension = z.output<typeof dimensionSchema>;

export const orgSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(orgKinds),
  code: z.string().nullable(),
  path: z.string(),
  sort: z.number().int(),
  dimensionIds: z.array(z.number().int()),
  /** Optimistic lock: an edit carries the version it was based on. */
  version: z.number().int(),
});
export type Org = z.output<typeof orgSchema>;

export const orgCreateSchema = z.object({
  parentId: dbId('请选择上级单位'),
  name,
  shortName: z.string().trim().max(30, '简称不能超过30个字').nullish(),
  kind: z.enum(orgKinds, { error: '请选择单位类型' }),
  code: z
    .string()
    .trim()
    .max(40, '编码不能超过40个字符')
    .regex(/^[A-Za-z0-9_-]*$/, '编码只能包含字母、数字、下划线和连字符')
    .nullish(),
  sort: z.number().int().min(0).max(100000).default(0),
  dimensionIds: z.array(dbId()).max(50).default([]),
});
export type OrgCreate = z.infer<typeof orgCreateSchema>;

export const orgUpdateSchema = orgCreateSchema.omit({ parentId: true }).partial().extend({
  version: z.number().int(),
});
export type OrgUpdate = z.infer<typeof orgUpdateSchema>;

export const orgMoveSchema = z.object({ parentId: dbId('请选择新的上级单位') });

export const dimensionCreateSchema = z.object({
  ownerOrgId: dbId(),
  kind: z.enum(dimensionKinds, { error: '请选择维度类型' }),
  name: z.string().trim().min(1, '名称不能为空').max(50, '名称不能超过50个字'),
});
export type DimensionCreate = z.infer<typeof dimensionCreateSchema>;

/** Columns of the org import sheet, in order; the same list builds the template. */
export const orgImportColumns = [
  { key: 'name', header: '单位名称', required: true },
  { key: 'parent', header: '上级单位', required: true },
  { key: 'kind', header: '单位类型', required: true },
  { key: 'shortName', header: '简称', required: false },
  { key: 'code', header: '单位编码', required: false },
  { key: 'dimensions', header: '所属维度（用顿号分隔）', required: false },
] as const;
