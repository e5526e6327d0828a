import { Alert, App, AutoComplete, Button, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../components/api-client.ts';
import { type RankingGroup, type RoundDetail, useSetRankingGroups } from '../api/assessment-api.ts';

/** Groups in order of first use, from each unit type's group name. */
function groupsOf(unitTypes: readonly string[], nameOf: Readonly<Record<string, string>>): RankingGroup[] {
  const groups: RankingGroup[] = [];
  for (const type of unitTypes) {
    const name = (nameOf[type] ?? '').trim();
    const group = groups.find((g) => g.name === name);
    if (group) group.unitTypes.push(type);
    else groups.push({ name, unitTypes: [type] });
  }
  return groups;
}

/** A one-line description of the round's groups: "乡镇街道｜执法部门｜非执法部门". */
export const describeGroups = (groups: readonly RankingGroup[]) =>
  groups
    .map((g) =>
      g.unitTypes.length === 1 && g.unitTypes[0] === g.name ? g.name : `${g.name}（${g.unitTypes.join('、')}）`,
    )
    .join('｜');

/**
 * The office sets the round's ranking groups before 公示: each unit type (template) is given a group name; unit types
 * with the same name are ranked together and share the grade quotas. 恢复默认: one group per template.
 */
export function RankingGroupsModal({
  round,
  open,
  onClose,
}: {
  round: RoundDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const save = useSetRankingGroups(round.id);
  const types = round.scheme.unitTypes;
  const initial = () =>
    Object.fromEntries(
      types.map((t) => [t, round.rankingGroups.groups.find((g) => g.unitTypes.includes(t))?.name ?? t]),
    );
  const [nameOf, setNameOf] = useState<Record<string, string>>(initial);
  // Each opening starts from the round's current groups (set at once, not after the opening animation).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setNameOf(initial());
  }
  const groups = groupsOf(types, nameOf);
  const names = [...new Set([...types, ...Object.values(nameOf).map((n) => n.trim())])].filter(Boolean);
  const submit = (value: RankingGroup[] | null) =>
    save.mutateAsync(value).then(
      (r) => {
        message.success(r.isDefault ? '已恢复按考核模板分组' : '排名组别已保存');
        setNameOf(Object.fromEntries(types.map((t) => [t, r.groups.find((g) => g.unitTypes.includes(t))?.name ?? t])));
        onClose();
      },
      (e) => message.error(errorMessage(e)),
    );
  return (
    <Modal
      open={open}
      title="设置排名组别"
      width={620}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={() => submit(null)} loading={save.isPending}>
            恢复默认（按考核模板分组）
          </Button>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={save.isPending} onClick={() => submit(groups)}>
            保存
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {
          '同一组别的单位一起排名，等次比例（如优秀不超过一定比例）在组内分别计算。默认每种单位类型（考核模板）单独成组；填写相同的组别名称即可合并。公示后不能再调整，每次调整记入操作日志。'
        }
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="type"
        pagination={false}
        dataSource={types.map((type) => ({
          type,
          count: round.units.filter((u) => u.unitType === type && !u.excludedReason).length,
        }))}
        columns={[
          { title: '单位类型（考核模板）', dataIndex: 'type' },
          { title: '参评单位', dataIndex: 'count', width: 90, render: (n: number) => `${n}个` },
          {
            title: '排名组别',
            key: 'group',
            width: 240,
            render: (_, row) => (
              <AutoComplete
                aria-label={`${row.type}的排名组别`}
                style={{ width: '100%' }}
                value={nameOf[row.type] ?? ''}
                options={names.map((n) => ({ value: n }))}
                onChange={(v: string) => setNameOf((prev) => ({ ...prev, [row.type]: v }))}
                placeholder="组别名称"
                maxLength={30}
              />
            ),
          },
        ]}
      />
      <Alert
        style={{ marginTop: 12 }}
        type="info"
        showIcon
        title={`保存后共${groups.length}个组别：${describeGroups(groups)}`}
      />
    </Modal>
  );
}
