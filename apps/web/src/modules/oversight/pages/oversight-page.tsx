import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Select, Statistic, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { currentYear } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSession } from '../../../components/session.ts';
import { useOversightStats } from '../api/oversight-api.ts';
import { BulletinsPanel } from '../components/bulletins-card.tsx';
import { InspectionFormModal } from '../components/inspection-form-modal.tsx';
import { InspectionsTable } from '../components/inspections-table.tsx';
import { ProblemsTable } from '../components/problems-table.tsx';

const tabs = ['problems', 'inspections', 'bulletins'] as const;

export function OversightPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((t) => t === params.get('tab')) ?? 'problems';
  const [year, setYear] = useState(currentYear());
  const [isInspectionOpen, setInspectionOpen] = useState(false);
  const stats = useOversightStats(year);
  const s = stats.data;
  return (
    <>
      <PageHeader
        title="督察督办"
        description="年初部署、半年小结、中期推进、年终总结4个关键节点开展督察；发现问题按“四个一”整改：一个问题、一人负责、一套方案、一揽子包抓落实。"
        extra={
          <>
            <Select
              value={year}
              onChange={setYear}
              aria-label="年度"
              style={{ width: 110 }}
              options={[0, 1, 2].map((d) => ({ value: currentYear() - d, label: `${currentYear() - d}年` }))}
            />
            {can('oversight.manage') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setInspectionOpen(true)}>
                新建督察
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {[
          ['督察次数', s?.inspections, '次'],
          ['发现问题', s?.problems, '个'],
          ['已整改销号', s?.rectified, '个'],
          ['整改率', s?.rectificationRate ?? '—', s?.rectificationRate === null ? '' : '%'],
          ['待验收', s?.applied, '个'],
          ['逾期未整改', s?.overdue, '个'],
        ].map(([title, value, suffix]) => (
          <Col key={String(title)} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic
                title={title}
                value={(value as number | string | undefined) ?? '—'}
                suffix={suffix}
                loading={stats.isLoading}
                styles={title === '逾期未整改' && Number(value) > 0 ? { content: { color: '#cf1322' } } : undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'problems', label: '问题库', children: <ProblemsTable year={year} /> },
            { key: 'inspections', label: '督察', children: <InspectionsTable year={year} /> },
            { key: 'bulletins', label: '通报', children: <BulletinsPanel year={year} /> },
          ]}
        />
      </Card>
      <InspectionFormModal
        open={isInspectionOpen}
        onClose={(id) => {
          setInspectionOpen(false);
          if (id) navigate(`/oversight/inspections/${id}`);
        }}
      />
    </>
  );
}
