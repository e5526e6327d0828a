import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { ComplianceItem } from '@fazhi/core/reports/compliance';
import { List, Progress, Typography } from 'antd';

const icons = {
  ok: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  missing: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  warning: <ExclamationCircleFilled style={{ color: '#faad14' }} />,
  pending: <ClockCircleFilled style={{ color: '#8c8c8c' }} />,
};

/** The compliance checklist: each line says what was checked, how it stands and what to do. */
export function ComplianceChecklist({
  items,
  passed,
  total,
}: {
  items: ComplianceItem[];
  passed: number;
  total: number;
}) {
  return (
    <div data-testid="compliance">
      <Progress
        percent={total ? Math.round((passed / total) * 100) : 0}
        format={() => `${passed}/${total} 项符合`}
        status={passed === total ? 'success' : 'normal'}
        size="small"
      />
      <List
        size="small"
        dataSource={items}
        renderItem={(item) => (
          <List.Item style={{ alignItems: 'flex-start', paddingInline: 0 }}>
            <span style={{ marginRight: 8, marginTop: 2 }}>{icons[item.status]}</span>
            <div style={{ minWidth: 0, flex: 1 }}>
              <Typography.Text strong>{item.label}</Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.detail}
                </Typography.Text>
              </div>
              {item.action ? (
                <Typography.Text type={item.status === 'missing' ? 'danger' : 'warning'} style={{ fontSize: 12 }}>
                  → {item.action}
                </Typography.Text>
              ) : null}
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}
