import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../components/api-client.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSession } from '../../../components/session.ts';
import { type SurveyRow, useSurveyStatus, useSurveys } from '../api/survey-api.ts';
import { SurveyFormModal } from '../components/survey-form-modal.tsx';

export const surveyStatusColor = { draft: 'default', open: 'red', closed: 'blue' } as const;

/** 群众满意度测评: the office's list of surveys, publishing and closing them. */
export function SurveysPage() {
  const { can } = useSession();
  const canManage = can('consultation.manage');
  const surveys = useSurveys();
  const setStatus = useSurveyStatus();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

  const change = (r: SurveyRow, status: 'open' | 'closed') =>
    modal.confirm({
      title: status === 'open' ? `发布“${r.title}”？` : `结束“${r.title}”？`,
      content: status === 'open' ? '发布后群众即可通过链接或二维码参与测评。' : '结束后不再接受新的评价。',
      okText: status === 'open' ? '发布' : '结束测评',
      onOk: async () => {
        try {
          await setStatus.mutateAsync({ id: r.id, status, version: r.version });
          message.success(status === 'open' ? '已发布' : '已结束');
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  return (
    <>
      <PageHeader
        title="群众满意度测评"
        description="群众通过手机扫码对乡镇和部门的法治建设工作评价；满意度计入考核指标“法治建设群众满意度”"
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建测评
            </Button>
          ) : null
        }
      />
      <Card>
        <Table
          rowKey="id"
          loading={surveys.isLoading}
          dataSource={surveys.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description="暂无满意度测评" /> }}
          columns={[
            {
              title: '测评名称',
              dataIndex: 'title',
              render: (t: string, r) => (
                <div>
                  <Link to={`/surveys/${r.id}`}>{t}</Link>
                  <div style={{ color: '#8c8c8c', fontSize: 12 }}>
                    {r.orgName} · {r.questions.length}道题 · 被测评乡镇和单位{r.targets.length}个
                  </div>
                </div>
              ),
            },
            {
              title: '测评时间',
              width: 220,
              render: (_, r) => `${r.opensOn} 至 ${r.closesOn}`,
            },
            {
              title: '状态',
              width: 100,
              render: (_, r) => <Tag color={surveyStatusColor[r.status]}>{r.statusLabel}</Tag>,
            },
            {
              title: '已收到评价',
              dataIndex: 'responses',
              width: 110,
              align: 'right',
              render: (n: number) => `${n}份`,
            },
            {
              title: '操作',
              width: 200,
              render: (_, r) => (
                <Space>
                  <Link to={`/surveys/${r.id}`}>结果与二维码</Link>
                  {canManage && r.status === 'draft' ? (
                    <Button type="link" size="small" onClick={() => change(r, 'open')}>
                      发布
                    </Button>
                  ) : null}
                  {canManage && r.status === 'open' ? (
                    <Button type="link" size="small" onClick={() => change(r, 'closed')}>
                      结束
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <SurveyFormModal
        open={creating}
        onClose={(id) => {
          setCreating(false);
          if (id) navigate(`/surveys/${id}`);
        }}
      />
    </>
  );
}
