import { Select } from 'antd';
import { currentYear } from '../../../components/format.ts';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';

export const yearOptions = (current: number) =>
  Array.from({ length: 6 }, (_, i) => current - i).map((y) => ({ value: y, label: `${y}年` }));

/** Which subtree and which year the dashboard shows. */
export function DashboardControls({
  org,
  year,
  onOrg,
  onYear,
}: {
  org: number | null;
  year: number;
  onOrg: (org: number) => void;
  onYear: (year: number) => void;
}) {
  return (
    <>
      <OrgTreeSelect
        value={org}
        onChange={(v) => typeof v === 'number' && onOrg(v)}
        allowClear={false}
        placeholder="选择单位"
        style={{ width: 220 }}
      />
      <Select
        value={year}
        onChange={onYear}
        options={yearOptions(currentYear())}
        style={{ width: 110 }}
        aria-label="年度"
      />
    </>
  );
}
