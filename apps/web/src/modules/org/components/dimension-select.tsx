import { type DimensionKind, dimensionKindLabels, dimensionKinds } from '@fazhi/core/org/org.schemas';
import { Select } from 'antd';
import { type Dimension, useOrgs } from '../../../components/org-data.ts';

type Props = {
  /** Set by Form.Item so the label points at this control. */
  id?: string;
  dimensions: Dimension[];
  value?: number | number[];
  onChange?: (value: number | number[] | undefined) => void;
  multiple?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
};

export const dimensionKindColors: Record<DimensionKind, string> = {
  coord_group: 'red',
  tier: 'blue',
  sector: 'green',
  center_office: 'purple',
};

/**
 * Dimensions grouped by kind: 协调小组 / 层级 / 行业（法律七进） / 中心司法所片区. A user above several counties sees
 * each county's own set, so a name two owners share carries its owner, e.g. 区级部门（利州区）.
 */
export function DimensionSelect({ id, dimensions, value, onChange, multiple, placeholder, style }: Props) {
  const { data: orgs } = useOrgs();
  const owner = new Map((orgs ?? []).map((o) => [o.id, o.name]));
  const shared = (d: Dimension) => dimensions.some((e) => e.id !== d.id && e.kind === d.kind && e.name === d.name);
  const label = (d: Dimension) =>
    shared(d) && owner.has(d.ownerOrgId) ? `${d.name}（${owner.get(d.ownerOrgId)}）` : d.name;
  const options = dimensionKinds
    .map((kind) => ({
      label: dimensionKindLabels[kind],
      title: dimensionKindLabels[kind],
      options: dimensions.filter((d) => d.kind === kind).map((d) => ({ value: d.id, label: label(d) })),
    }))
    .filter((group) => group.options.length > 0);
  return (
    <Select<number | number[]>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder ?? '请选择维度'}
      style={{ width: '100%', ...style }}
      notFoundContent="暂无维度"
    />
  );
}
