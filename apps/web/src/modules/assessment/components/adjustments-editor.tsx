import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Scheme } from '@fazhi/core/assessment/scheme.schemas';
import { BONUS_CATEGORIES, LEVEL_LABELS, LEVELS } from '@fazhi/core/assessment/scheme-constants';
import { Button, Card, Input, InputNumber, Select, Space, Switch, Table, Typography } from 'antd';

type Props = { draft: Scheme; isEditable: boolean; update: (change: (d: Scheme) => void) => void };

const num = (v: number | null) => (v === null ? 0 : v);

/** 加分 (4 categories × 4 levels, caps), 减分 items with levels and caps, and the grade bands with their quotas. */
export function AdjustmentsEditor({ draft, isEditable, update }: Props) {
  const levelOptions = [{ value: '', label: '不分级别' }, ...LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))];
  return (
    <Card size="small" title="加分、减分与等次" style={{ marginTop: 16 }}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <div>
          <Typography.Text strong>加分标准（分）</Typography.Text>
          <Table
            size="small"
            pagination={false}
            rowKey="category"
            dataSource={BONUS_CATEGORIES.map((category) => ({ category }))}
            columns={[
              { title: '类别', dataIndex: 'category', width: 90 },
              ...LEVELS.map((level) => ({
                title: LEVEL_LABELS[level],
                key: level,
                render: (_: unknown, r: { category: (typeof BONUS_CATEGORIES)[number] }) => (
                  <InputNumber
                    size="small"
                    min={0}
                    max={100}
                    step={0.5}
                    disabled={!isEditable}
                    aria-label={`${r.category}${LEVEL_LABELS[level]}加分`}
                    value={draft.bonus.table[r.category]?.[level] ?? null}
                    onChange={(v) =>
                      update((d) => {
                        const row = { ...(d.bonus.table[r.category] ?? {}) };
                        if (v === null) delete row[level];
                        else row[level] = v;
                        d.bonus.table[r.category] = row;
                      })
                    }
                  />
                ),
              })),
              {
                title: '类别上限',
                key: 'cap',
                render: (_: unknown, r: { category: (typeof BONUS_CATEGORIES)[number] }) => (
                  <InputNumber
                    size="small"
                    min={0}
                    max={100}
                    disabled={!isEditable}
                    placeholder="不限"
                    aria-label={`${r.category}加分上限`}
                    value={draft.bonus.categoryCaps?.[r.category] ?? null}
                    onChange={(v) =>
                      update((d) => {
                        const caps = { ...(d.bonus.categoryCaps ?? {}) };
                        if (v === null) delete caps[r.category];
                        else caps[r.category] = v;
                        d.bonus.categoryCaps = caps;
                      })
                    }
                  />
                ),
              },
            ]}
          />
          <Space style={{ marginTop: 8 }} wrap>
            <span>加分总上限</span>
            <InputNumber
              size="small"
              min={0}
              max={100}
              disabled={!isEditable}
              aria-label="加分总上限"
              value={draft.bonus.cap}
              onChange={(v) =>
                update((d) => {
                  d.bonus.cap = num(v);
                })
              }
            />
            <span>同一事项只按最高级别加分</span>
            <Switch
              size="small"
              disabled={!isEditable}
              checked={draft.bonus.sameMatterHighestOnly}
              onChange={(v) =>
                update((d) => {
                  d.bonus.sameMatterHighestOnly = v;
                })
              }
            />
          </Space>
        </div>

        <div>
          <Typography.Text strong>减分项目</Typography.Text>
          <Table
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={draft.deductions.items}
            locale={{ emptyText: '未设置减分项目' }}
            columns={[
              {
                title: '项目',
                key: 'kind',
                render: (_, item, i) => (
                  <Input
                    size="small"
                    disabled={!isEditable}
                    aria-label="减分项目名称"
                    value={item.kind}
                    onChange={(e) =>
                      update((d) => {
                        d.deductions.items[i]!.kind = e.target.value;
                      })
                    }
                  />
                ),
              },
              {
                title: '级别',
                key: 'level',
                width: 120,
                render: (_, item, i) => (
                  <Select
                    size="small"
                    style={{ width: '100%' }}
                    disabled={!isEditable}
                    options={levelOptions}
                    value={item.level ?? ''}
                    onChange={(v) =>
                      update((d) => {
                        const target = d.deductions.items[i]!;
                        if (v) target.level = v as (typeof LEVELS)[number];
                        else delete target.level;
                      })
                    }
                  />
                ),
              },
              {
                title: '每次扣分',
                key: 'points',
                width: 96,
                render: (_, item, i) => (
                  <InputNumber
                    size="small"
                    min={0}
                    max={100}
                    step={0.5}
                    disabled={!isEditable}
                    aria-label="每次扣分"
                    value={item.points}
                    onChange={(v) =>
                      update((d) => {
                        d.deductions.items[i]!.points = num(v);
                      })
                    }
                  />
                ),
              },
              {
                title: '本项上限',
                key: 'cap',
                width: 96,
                render: (_, item, i) => (
                  <InputNumber
                    size="small"
                    min={0}
                    max={100}
                    disabled={!isEditable}
                    placeholder="不限"
                    aria-label="本项扣分上限"
                    value={item.cap ?? null}
                    onChange={(v) =>
                      update((d) => {
                        const target = d.deductions.items[i]!;
                        if (v === null) delete target.cap;
                        else target.cap = v;
                      })
                    }
                  />
                ),
              },
              {
                title: '',
                key: 'remove',
                width: 40,
                render: (_, _item, i) => (
                  <Button
                    size="small"
                    type="text"
                    danger
                    disabled={!isEditable}
                    aria-label="删除减分项目"
                    icon={<DeleteOutlined />}
                    onClick={() => update((d) => void d.deductions.items.splice(i, 1))}
                  />
                ),
              },
            ]}
          />
          <Space style={{ marginTop: 8 }} wrap>
            <Button
              size="small"
              icon={<PlusOutlined />}
              disabled={!isEditable}
              onClick={() => update((d) => void d.deductions.items.push({ kind: '新减分项目', points: 1 }))}
            >
              添加减分项目
            </Button>
            <span>减分总上限</span>
            <InputNumber
              size="small"
              min={0}
              max={100}
              disabled={!isEditable}
              placeholder="不限"
              aria-label="减分总上限"
              value={draft.deductions.cap ?? null}
              onChange={(v) =>
                update((d) => {
                  if (v === null) delete d.deductions.cap;
                  else d.deductions.cap = v;
                })
              }
            />
          </Space>
        </div>

        <div>
          <Typography.Text strong>等次与比例</Typography.Text>
          <Table
            size="small"
            pagination={false}
            rowKey="grade"
            dataSource={draft.grading.bands}
            columns={[
              { title: '等次', dataIndex: 'grade', width: 90 },
              {
                title: '最低分',
                key: 'min',
                render: (_, band, i) => (
                  <InputNumber
                    size="small"
                    min={0}
                    max={200}
                    disabled={!isEditable}
                    aria-label={`${band.grade}最低分`}
                    value={band.minScore}
                    onChange={(v) =>
                      update((d) => {
                        d.grading.bands[i]!.minScore = num(v);
                      })
                    }
                  />
                ),
              },
              {
                title: '比例上限（%）',
                key: 'quota',
                render: (_, band) => {
                  const quota = draft.grading.quotas.find((q) => q.grade === band.grade);
                  return (
                    <InputNumber
                      size="small"
                      min={1}
                      max={100}
                      disabled={!isEditable}
                      placeholder="不限"
                      aria-label={`${band.grade}比例上限`}
                      value={quota ? Math.round(quota.maxShare * 100) : null}
                      onChange={(v) =>
                        update((d) => {
                          const rest = d.grading.quotas.filter((q) => q.grade !== band.grade);
                          d.grading.quotas = v === null ? rest : [...rest, { grade: band.grade, maxShare: v / 100 }];
                        })
                      }
                    />
                  );
                },
              },
            ]}
          />
        </div>
      </Space>
    </Card>
  );
}
