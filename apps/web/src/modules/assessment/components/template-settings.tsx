import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Scheme, Template } from '@fazhi/core/assessment/scheme.schemas';
import { toPointsMode, toWeightsMode } from '@fazhi/core/assessment/template-mode';
import { Button, Card, Input, InputNumber, Popconfirm, Segmented, Space, Typography } from 'antd';

type Props = {
  draft: Scheme;
  templateIndex: number;
  isEditable: boolean;
  update: (change: (d: Scheme) => void) => void;
  onSelectTemplate: (index: number) => void;
  freshId: () => string;
};

const modeOptions = [
  { value: 'points', label: '分值制' },
  { value: 'weights', label: '权重制' },
];

/** The template of one unit type: its name, total, and whether indicators carry points or weights (percentages). */
export function TemplateSettings({ draft, templateIndex, isEditable, update, onSelectTemplate, freshId }: Props) {
  const template = draft.templates[templateIndex]!;
  const setTemplate = (change: (t: Template) => Template | undefined) =>
    update((d) => {
      const next = change(d.templates[templateIndex]!);
      if (next) d.templates[templateIndex] = next;
    });
  const addTemplate = () => {
    update((d) => {
      d.templates.push({
        id: freshId(),
        unitType: `新单位类型${d.templates.length + 1}`,
        mode: 'weights',
        totalPoints: 100,
        indicators: [{ id: freshId(), name: '新指标', weight: 100, rule: { kind: 'manual' } }],
      });
    });
    onSelectTemplate(draft.templates.length);
  };
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title="考核模板"
      extra={
        isEditable ? (
          <Space size={4}>
            <Button size="small" icon={<PlusOutlined />} onClick={addTemplate}>
              新增模板
            </Button>
            {draft.templates.length > 1 ? (
              <Popconfirm
                title={`确定删除“${template.unitType}”考核模板吗？`}
                okText="删除"
                cancelText="取消"
                onConfirm={() => {
                  update((d) => {
                    d.templates.splice(templateIndex, 1);
                  });
                  onSelectTemplate(0);
                }}
              >
                <Button size="small" danger icon={<DeleteOutlined />}>
                  删除模板
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        ) : null
      }
    >
      <Space wrap size="large" align="end">
        <div>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
            单位类型
          </Typography.Text>
          <Input
            disabled={!isEditable}
            style={{ width: 180 }}
            value={template.unitType}
            onChange={(e) => {
              const unitType = e.target.value;
              setTemplate((t) => ({ ...t, unitType }));
            }}
            aria-label="单位类型"
          />
        </div>
        <div>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
            总分
          </Typography.Text>
          <InputNumber
            disabled={!isEditable}
            min={0}
            value={template.totalPoints}
            onChange={(v) => setTemplate((t) => ({ ...t, totalPoints: v ?? 0 }))}
            aria-label="总分"
          />
        </div>
        <div>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
            计分方式
          </Typography.Text>
          <Segmented
            disabled={!isEditable}
            value={template.mode}
            options={modeOptions}
            onChange={(mode) => setTemplate((t) => (mode === 'weights' ? toWeightsMode(t) : toPointsMode(t)))}
            aria-label="计分方式"
          />
        </div>
        <Typography.Text type="secondary" style={{ maxWidth: 420, display: 'block' }}>
          {template.mode === 'weights'
            ? '权重制：每项指标按占上级指标的百分比计分，同级指标权重合计应为100%；括号内为折合分值。'
            : '分值制：每项指标设置分值，下级指标分值合计应等于上级指标分值。'}
        </Typography.Text>
      </Space>
    </Card>
  );
}
