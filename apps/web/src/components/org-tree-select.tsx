import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { buildOrgTree, type OrgNode, useOrgs } from './org-data.ts';

type TreeOption = { value: number; title: string; children: TreeOption[] };

function toOptions(nodes: OrgNode[]): TreeOption[] {
  return nodes.map((n) => ({ value: n.id, title: n.name, children: toOptions(n.children) }));
}

type Props = {
  /** Set by Form.Item so the label points at this control. */
  id?: string;
  value?: number | number[] | null;
  onChange?: (value: number | number[] | undefined) => void;
  multiple?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  excludeIds?: number[];
  style?: React.CSSProperties;
};

/** Picks one or several units from the user's org tree, searchable by name. */
export function OrgTreeSelect({
  id,
  value,
  onChange,
  multiple,
  placeholder = '请选择单位',
  allowClear = true,
  disabled,
  excludeIds,
  style,
}: Props) {
  const { data: orgs, isLoading } = useOrgs();
  const treeData = useMemo(() => {
    const excluded = new Set(excludeIds ?? []);
    return toOptions(buildOrgTree((orgs ?? []).filter((o) => !excluded.has(o.id))));
  }, [orgs, excludeIds]);
  return (
    <TreeSelect<number | number[]>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      multiple={multiple}
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      loading={isLoading}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={treeData.map((n) => n.value)}
      maxTagCount="responsive"
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      notFoundContent="暂无单位"
    />
  );
}
