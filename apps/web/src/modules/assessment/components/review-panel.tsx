import { Alert, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { RoundDetail } from '../api/assessment-api.ts';
import { UnitSheet } from './unit-sheet.tsx';

/** Assessors pick a unit and score its sheet; the office sees the same sheets. */
export function ReviewPanel({ round, initialOrgId }: { round: RoundDetail; initialOrgId?: number | undefined }) {
  const [orgId, setOrgId] = useState<number | undefined>(
    round.units.find((u) => u.orgId === initialOrgId)?.orgId ?? round.units[0]?.orgId,
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {round.status !== 'review' ? (
        <Alert
          type="info"
          showIcon
          message={
            round.status === 'scheme' || round.status === 'self_assessment'
              ? '启动审核评分后，考核组可在此评分；现在可查看各单位自评。'
              : '考核结果已公示，评分已冻结。'
          }
        />
      ) : null}
      <Space>
        <Typography.Text>被考核单位</Typography.Text>
        <Select
          showSearch
          optionFilterProp="label"
          style={{ width: 320 }}
          value={orgId}
          onChange={setOrgId}
          aria-label="被考核单位"
          options={round.units.map((u) => ({ value: u.orgId, label: `${u.orgName}（${u.unitType}）` }))}
        />
      </Space>
      {orgId ? <UnitSheet key={orgId} roundId={round.id} orgId={orgId} mode="review" /> : null}
    </Space>
  );
}
