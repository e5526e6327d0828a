import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { formatPoints } from '@fazhi/core/assessment/format';
import {
  type Indicator,
  type Rule,
  type Scheme,
  type Template,
  validateScheme,
} from '@fazhi/core/assessment/scheme.schemas';
import { RULE_KIND_LABELS, RULE_KINDS } from '@fazhi/core/assessment/scheme-constants';
import { toPointsMode } from '@fazhi/core/assessment/template-mode';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Tag,
  Tree,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../../components/api-client.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useScheme, useUpdateScheme } from '../api/assessment-api.ts';
import { AdjustmentsEditor } from '../components/adjustments-editor.tsx';
import { AggregationEditor } from '../components/aggregation-editor.tsx';
import { defaultRule, ruleFields } from '../components/rule-fields.ts';
import { TemplateSettings } from '../components/template-settings.tsx';

type Path = number[];

function nodeAt(list: Indicator[], path: Path): Indicator | undefined {
  let node: Indicator | undefined;
  let siblings: Indicator[] | undefined = list;
  for (const i of path) {
    node = siblings?.[i];
    siblings = node?.children;
  }
  return node;
}

function siblingsOf(list: Indicator[], path: Path): Indicator[] {
  if (path.length === 1) return list;
  const parent = nodeAt(list, path.slice(0, -1))!;
  parent.children = parent.children ?? [];
  return parent.children;
}

/** Points of every node by id: as set (points mode) or as the scorer splits them by weight (weights mode). */
function pointsById(template: Template): Map<string, number> {
  const map = new Map<string, number>();
  const walk = (list: Indicator[]) => {
    for (const n of list) {
      map.set(n.id, n.points ?? 0);
      walk(n.children ?? []);
    }
  };
  walk(template.mode === 'weights' ? toPointsMode(template).indicators : template.indicators);
  return map;
}

function toTree(
  list: Indicator[],
  template: Template,
  points: Map<string, number>,
  prefix: Path = [],
): { key: string; title: React.ReactNode; children?: ReturnType<typeof toTree> }[] {
  return list.map((node, i) => {
    const path = [...prefix, i];
    const isLeaf = !node.children?.length;
    return {
      key: path.join('-'),
      title: (
        <Space size={4}>
          {node.name || <Typography.Text type="danger">（未命名）</Typography.Text>}
          <Typography.Text type="secondary">
            {template.mode === 'weights'
              ? `${node.weight ?? 0}%（${formatPoints(points.get(node.id) ?? 0)}分）`
              : `${node.points ?? 0}分`}
          </Typography.Text>
          {isLeaf && node.rule ? <Tag style={{ marginInlineEnd: 0 }}>{RULE_KIND_LABELS[node.rule.kind]}</Tag> : null}
        </Space>
      ),
      ...(isLeaf ? {} : { children: toTree(node.children!, template, points, path) }),
    };
  });
}

let counter = 0;
const freshId = () => `n${Date.now().toString(36)}${(++counter).toString(36)}`;

/** A new manual-scored indicator: 1 point, or in weights mode 100% as an only child and 10% beside others. */
const newIndicator = (template: Template, isOnlyChild: boolean): Indicator => ({
  id: freshId(),
  name: '新指标',
  ...(template.mode === 'points' ? { points: 1 } : { weight: isOnlyChild ? 100 : 10 }),
  rule: { kind: 'manual' },
});

/** The indicator-tree editor: add, edit and remove indicators, points, rule kind and parameters; the core validates. */
export function SchemeEditorPage() {
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const query = useScheme(id);
  const [draft, setDraft] = useState<Scheme>();
  const [templateIndex, setTemplateIndex] = useState(0);
  const [selected, setSelected] = useState<Path>([0]);
  const [serverIssues, setServerIssues] = useState<{ path: (string | number)[]; message: string }[]>([]);
  const save = useUpdateScheme(id);
  useEffect(() => {
    if (query.data) setDraft(structuredClone(query.data.definition));
  }, [query.data]);
  const issues = useMemo(() => {
    if (!draft) return [];
    const result = validateScheme(draft);
    return result.ok ? [] : result.issues;
  }, [draft]);
  if (query.isLoading || !draft)
    return query.error ? <Alert type="error" message={errorMessage(query.error)} /> : <Spin />;
  const isEditable = query.data!.isEditable;
  const template = draft.templates[templateIndex]!;
  const node = nodeAt(template.indicators, selected);
  const update = (change: (d: Scheme) => void) =>
    setDraft((d) => {
      const next = structuredClone(d!);
      change(next);
      return next;
    });
  const edit = (change: (n: Indicator) => void) =>
    update((d) => {
      const n = nodeAt(d.templates[templateIndex]!.indicators, selected);
      if (n) change(n);
    });
  const addChild = () =>
    update((d) => {
      const n = nodeAt(d.templates[templateIndex]!.indicators, selected)!;
      delete n.rule;
      n.children = [...(n.children ?? []), newIndicator(d.templates[templateIndex]!, !n.children?.length)];
    });
  const addSibling = () =>
    update((d) => {
      const list = siblingsOf(d.templates[templateIndex]!.indicators, selected);
      list.push(newIndicator(d.templates[templateIndex]!, false));
    });
  const remove = () => {
    update((d) => {
      const list = siblingsOf(d.templates[templateIndex]!.indicators, selected);
      list.splice(selected.at(-1)!, 1);
    });
    setSelected(selected.length > 1 ? selected.slice(0, -1) : [0]);
  };
  const isLeaf = node && !node.children?.length;
  const setRuleField = (key: string, value: unknown) =>
    edit((n) => {
      const rule = { ...(n.rule ?? { kind: 'manual' }) } as Record<string, unknown>;
      if (value === null || value === undefined || value === '') delete rule[key];
      else rule[key] = value;
      n.rule = rule as Rule;
    });
  return (
    <>
      <PageHeader
        title={`${draft.name}（第${draft.version}版）`}
        description={
          isEditable
            ? '修改后点击保存；保存前由系统逐项校验分值、计分规则和等次设置。'
            : '该方案已用于考核，只能查看；如需调整，请在方案列表中生成新版本。'
        }
        extra={
          <Space>
            <Link to="/assessment/schemes">返回方案列表</Link>
            {isEditable ? (
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={save.isPending}
                onClick={() =>
                  save.mutateAsync(draft).then(
                    () => {
                      setServerIssues([]);
                      message.success('方案已保存');
                    },
                    (e) => {
                      const details =
                        e instanceof ApiError ? (e.details as { issues?: typeof serverIssues } | undefined) : undefined;
                      setServerIssues(details?.issues ?? []);
                      message.error(errorMessage(e));
                    },
                  )
                }
              >
                保存方案
              </Button>
            ) : null}
          </Space>
        }
      />
      {[...issues, ...serverIssues].length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message="方案校验未通过"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {[...new Map([...issues, ...serverIssues].map((i) => [i.message, i])).values()].slice(0, 8).map((i) => (
                <li key={i.message}>{i.message}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Segmented
        style={{ marginBottom: 12 }}
        value={templateIndex}
        onChange={(v) => {
          setTemplateIndex(Number(v));
          setSelected([0]);
        }}
        options={draft.templates.map((t, i) => ({
          value: i,
          label: `${t.unitType}（${t.totalPoints}分${t.mode === 'weights' ? '，权重制' : ''}）`,
        }))}
      />
      <TemplateSettings
        draft={draft}
        templateIndex={templateIndex}
        isEditable={isEditable}
        update={update}
        onSelectTemplate={(i) => {
          setTemplateIndex(i);
          setSelected([0]);
        }}
        freshId={freshId}
      />
      <Row gutter={16}>
        <Col xs={24} lg={11}>
          <Card size="small" title="指标体系">
            <Tree
              blockNode
              defaultExpandAll
              key={templateIndex}
              selectedKeys={[selected.join('-')]}
              onSelect={(keys) => keys[0] !== undefined && setSelected(String(keys[0]).split('-').map(Number))}
              treeData={toTree(template.indicators, template, pointsById(template))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          <div style={{ position: 'sticky', top: 16 }}>
            <Card
              size="small"
              title="指标设置"
              extra={
                isEditable && node ? (
                  <Space size={4}>
                    <Button size="small" icon={<PlusOutlined />} onClick={addSibling}>
                      同级指标
                    </Button>
                    <Button size="small" icon={<PlusOutlined />} onClick={addChild}>
                      下级指标
                    </Button>
                    <Popconfirm
                      title="确定删除该指标及其下级指标吗？"
                      okText="删除"
                      cancelText="取消"
                      onConfirm={remove}
                    >
                      <Button size="small" danger icon={<DeleteOutlined />}>
                        删除
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : null
              }
            >
              {!node ? (
                <Empty description="请在左侧选择指标" />
              ) : (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Field label="指标名称">
                    <Input
                      disabled={!isEditable}
                      value={node.name}
                      onChange={(e) => {
                        const name = e.target.value;
                        edit((n) => {
                          n.name = name;
                        });
                      }}
                      aria-label="指标名称"
                    />
                  </Field>
                  <Field
                    label={
                      template.mode === 'points'
                        ? '分值'
                        : `权重（%，占上级指标；折合${formatPoints(pointsById(template).get(node.id) ?? 0)}分）`
                    }
                  >
                    <InputNumber
                      disabled={!isEditable}
                      value={template.mode === 'points' ? node.points : node.weight}
                      onChange={(v) =>
                        edit((n) => {
                          if (template.mode === 'points') n.points = v ?? 0;
                          else n.weight = v ?? 0;
                        })
                      }
                      aria-label={template.mode === 'points' ? '分值' : '权重'}
                      suffix={template.mode === 'points' ? '分' : '%'}
                    />
                  </Field>
                  {isLeaf ? (
                    <>
                      <Field label="计分方式">
                        <Select
                          disabled={!isEditable}
                          style={{ width: 240 }}
                          value={node.rule?.kind}
                          onChange={(kind: Rule['kind']) =>
                            edit((n) => {
                              n.rule = structuredClone(defaultRule[kind]);
                            })
                          }
                          options={RULE_KINDS.map((k) => ({ value: k, label: RULE_KIND_LABELS[k] }))}
                          aria-label="计分方式"
                        />
                      </Field>
                      {(node.rule ? ruleFields[node.rule.kind] : []).map((f) => {
                        const value = (node.rule as Record<string, unknown> | undefined)?.[f.key];
                        return (
                          <Field key={f.key} label={f.label}>
                            {f.type === 'number' ? (
                              <InputNumber
                                disabled={!isEditable}
                                value={value as number | undefined}
                                onChange={(v) => setRuleField(f.key, v)}
                              />
                            ) : f.type === 'select' ? (
                              <Select
                                disabled={!isEditable}
                                allowClear={f.optional}
                                style={{ width: 280 }}
                                value={value as string | undefined}
                                options={f.options}
                                onChange={(v) => setRuleField(f.key, v)}
                              />
                            ) : (
                              <Input
                                disabled={!isEditable}
                                value={(value as string | undefined) ?? ''}
                                onChange={(e) => setRuleField(f.key, e.target.value)}
                              />
                            )}
                          </Field>
                        );
                      })}
                    </>
                  ) : (
                    <Typography.Text type="secondary">
                      有下级指标的指标按下级指标得分合计，不单独设置计分方式。
                    </Typography.Text>
                  )}
                </Space>
              )}
            </Card>
            <AdjustmentsEditor draft={draft} isEditable={isEditable} update={update} />
            <AggregationEditor draft={draft} isEditable={isEditable} update={update} />
          </div>
        </Col>
      </Row>
    </>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
        {label}
      </Typography.Text>
      {children}
    </div>
  );
}
