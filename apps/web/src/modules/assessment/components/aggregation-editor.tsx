import type { Aggregation, Scheme } from '@fazhi/core/assessment/scheme.schemas';
import { TIE_BREAK_LABELS, TIE_BREAKS, type TieBreak } from '@fazhi/core/assessment/scheme-constants';
import { Card, InputNumber, Select, Space, Typography } from 'antd';

type Props = { draft: Scheme; isEditable: boolean; update: (change: (d: Scheme) => void) => void };

const methodOptions: { value: Aggregation['method']; label: string }[] = [
  { value: 'mean', label: '取平均分' },
  { value: 'trimmed_mean', label: '去掉一个最高分和一个最低分后取平均分' },
  { value: 'median', label: '取中位数' },
];

/** How several assessors' scores on one indicator are combined, and how units on the same total are ordered. */
export function AggregationEditor({ draft, isEditable, update }: Props) {
  const { aggregation, grading } = draft;
  return (
    <Card size="small" title="多名考核人员评分与同分排序" style={{ marginTop: 16 }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap align="end">
          <div>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
              多名考核人员评分的合成方式
            </Typography.Text>
            <Select
              disabled={!isEditable}
              style={{ width: 320 }}
              value={aggregation.method}
              options={methodOptions}
              onChange={(method) =>
                update((d) => {
                  d.aggregation.method = method;
                })
              }
              aria-label="评分合成方式"
            />
          </div>
          {aggregation.method === 'trimmed_mean' ? (
            <div>
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
                去极值的最少评分人数
              </Typography.Text>
              <InputNumber
                disabled={!isEditable}
                min={3}
                precision={0}
                value={aggregation.trimMinCount}
                onChange={(v) =>
                  update((d) => {
                    d.aggregation.trimMinCount = v ?? 3;
                  })
                }
                suffix="人"
                aria-label="去极值的最少评分人数"
              />
            </div>
          ) : null}
        </Space>
        <Typography.Text type="secondary">
          达标要求类指标按多数意见判定：认为达标的考核人员不少于半数即为达标。
        </Typography.Text>
        <div>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
            总分相同时依次比较（按选择顺序；都相同则并列）
          </Typography.Text>
          <Select
            mode="multiple"
            disabled={!isEditable}
            style={{ width: '100%' }}
            value={grading.tieBreak}
            options={TIE_BREAKS.map((t) => ({ value: t, label: TIE_BREAK_LABELS[t] }))}
            onChange={(tieBreak: TieBreak[]) =>
              update((d) => {
                d.grading.tieBreak = tieBreak;
              })
            }
            placeholder="不比较，总分相同即并列"
            aria-label="同分排序规则"
          />
        </div>
      </Space>
    </Card>
  );
}
