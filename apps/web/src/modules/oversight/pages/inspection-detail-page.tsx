import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import {
  inspectionKeyNodeLabels,
  inspectionModeLabels,
  inspectionRoleLabels,
  inspectionStatuses,
  inspectionStatusLabels,
} from '@fazhi/core/oversight/inspection';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  List,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../../components/api-client.ts';
import { formatDate } from '../../../components/format.ts';
import { useSession } from '../../../components/session.ts';
import { OverdueTag } from '../../../components/status-tag.tsx';
import { type ProblemItem, useInspection, useSetInspectionStatus } from '../api/oversight-api.ts';
import { InspectionStatusTag } from '../components/inspections-table.tsx';
import { ProblemFormModal } from '../components/problem-form-modal.tsx';
import { ProblemStatusTag } from '../components/problem-status-tag.tsx';

export function InspectionDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { can } = useSession();
  const { message } = App.useApp();
  const detail = useInspection(id);
  const [isProblemOpen, setProblemOpen] = useState(false);
  const setStatus = useSetInspectionStatus(id);
  if (detail.isLoading) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (!detail.data)
    return (
      <Result
        status="404"
        title="未找到该督察"
        subTitle={errorMessage(detail.error)}
        extra={<Button onClick={() => navigate('/oversight?tab=inspections')}>返回</Button>}
      />
    );
  const { inspection: i, problems } = detail.data;
  const canManage = can('oversight.manage');
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Link to="/oversight?tab=inspections">
          <ArrowLeftOutlined /> 返回督察列表
        </Link>
      </Space>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {i.title}
          </Typography.Title>
          <Tag color="blue">{inspectionKeyNodeLabels[i.keyNode]}</Tag>
          <InspectionStatusTag status={i.status} />
          {canManage ? (
            <Select
              size="small"
              value={i.status}
              aria-label="督察状态"
              style={{ width: 110 }}
              options={inspectionStatuses.map((s) => ({ value: s, label: inspectionStatusLabels[s] }))}
              onChange={(s) =>
                setStatus.mutateAsync(s).then(
                  () => message.success('状态已更新'),
                  (e) => message.error(errorMessage(e)),
                )
              }
            />
          ) : null}
        </Space>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label="督导方式">{inspectionModeLabels[i.mode]}</Descriptions.Item>
          <Descriptions.Item label="督察时间">
            {i.startDate} 至 {i.endDate}
          </Descriptions.Item>
          <Descriptions.Item label="发现问题">
            {i.problemCount} 个，已销号 {i.closedCount} 个
          </Descriptions.Item>
          <Descriptions.Item label="被督察单位" span={3}>
            <Space size={[4, 4]} wrap>
              {i.targets.map((t) => (
                <Tag key={t.id}>{t.name}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card
            title="发现问题"
            extra={
              canManage ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setProblemOpen(true)}>
                  登记问题
                </Button>
              ) : null
            }
          >
            <Table<ProblemItem>
              rowKey="id"
              size="middle"
              pagination={false}
              dataSource={problems}
              locale={{ emptyText: '暂未登记问题' }}
              columns={[
                {
                  title: '问题',
                  key: 't',
                  render: (_, p) => <Link to={`/oversight/problems/${p.id}`}>{p.title}</Link>,
                },
                { title: '责任单位', key: 'u', width: 200, render: (_, p) => p.units.map((u) => u.name).join('、') },
                {
                  title: '整改时限',
                  key: 'd',
                  width: 150,
                  render: (_, p) => (
                    <Space size={4}>
                      {formatDate(p.effectiveDeadline)}
                      {p.isOverdue ? <OverdueTag /> : null}
                    </Space>
                  ),
                },
                { title: '状态', key: 's', width: 100, render: (_, p) => <ProblemStatusTag status={p.status} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="督察清单" style={{ marginBottom: 16 }}>
            <List
              size="small"
              dataSource={i.checklist}
              renderItem={(c, n) => <List.Item>{`${n + 1}. ${c.content}`}</List.Item>}
            />
          </Card>
          <Card title="督察组">
            <List
              size="small"
              dataSource={i.team}
              renderItem={(m) => (
                <List.Item>
                  <Space>
                    {m.name}
                    <Tag>{inspectionRoleLabels[m.role]}</Tag>
                  </Space>
                  <Typography.Text type="secondary">{m.orgName}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <ProblemFormModal
        inspectionId={i.id}
        targets={i.targets}
        open={isProblemOpen}
        onClose={(pid) => {
          setProblemOpen(false);
          if (pid) navigate(`/oversight/problems/${pid}`);
        }}
      />
    </>
  );
}
