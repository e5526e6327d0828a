import { Alert, Empty, Select, type SelectProps, Space, Spin, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { useSession } from '../../../components/session.ts';
import { useRound, useRounds } from '../api/assessment-api.ts';
import { AppealsPanel } from '../components/appeals-panel.tsx';
import { RankingPanel } from '../components/ranking-panel.tsx';
import { ReviewPanel } from '../components/review-panel.tsx';
import { RoundOverview } from '../components/round-overview.tsx';
import { ScoringQueue } from '../components/scoring-queue.tsx';
import { UnitSheet } from '../components/unit-sheet.tsx';

type RoundItem = { id: number; orgName: string; name: string; statusLabel: string };

/** One county's rounds as plain options; a city user's rounds of several counties grouped under each county. */
function roundOptions(items: readonly RoundItem[]): NonNullable<SelectProps['options']> {
  const option = (r: RoundItem) => ({ value: r.id, label: `${r.name}（${r.statusLabel}）` });
  const counties = [...new Set(items.map((r) => r.orgName))];
  if (counties.length < 2) return items.map(option);
  return counties.map((county) => ({
    label: county,
    title: county,
    options: items.filter((r) => r.orgName === county).map(option),
  }));
}

/** 考核评价: one year's round — overview, my self-assessment, assessors' scoring, ranking, appeals. */
export function AssessmentPage() {
  const { me, can } = useSession();
  const rounds = useRounds();
  // ?round=&tab=&unit= open a round's tab (and a unit's sheet); an assessor lands on 我的评分任务 (tab=scoring).
  const [search, setSearch] = useSearchParams();
  const linkedRound = Number(search.get('round')) || undefined;
  const linkedUnit = Number(search.get('unit')) || undefined;
  const [roundId, setRoundId] = useState<number | undefined>(linkedRound);
  const tab = search.get('tab') ?? undefined;
  const setTab = (key: string) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      next.set('tab', key);
      next.delete('unit');
      return next;
    });
  const openForScoring = (id: number, orgId: number) => {
    setRoundId(id);
    setSearch({ round: String(id), tab: 'review', unit: String(orgId) });
  };
  useEffect(() => {
    const first = rounds.data?.items[0];
    if (!roundId && first) setRoundId(first.id);
  }, [rounds.data, roundId]);
  const round = useRound(roundId);
  const canManage = can('assessment.manage');
  const canScore = can('assessment.score');
  const isUnit = can('assessment.self') && !!round.data?.isParticipant;
  const select = (
    <Select
      style={{ width: 320 }}
      value={roundId}
      onChange={(id: number) => {
        setRoundId(id);
        if (tab !== 'scoring') setSearch({ round: String(id) });
      }}
      options={roundOptions(rounds.data?.items ?? [])}
      aria-label="选择年度考核"
    />
  );
  const extra = (
    <Space>
      {select}
      {canManage ? <Link to="/assessment/schemes">考核方案</Link> : null}
    </Space>
  );
  if (rounds.isLoading) return <Spin />;
  if (!rounds.data?.items.length) {
    return (
      <>
        <PageHeader title="考核评价" extra={canManage ? <Link to="/assessment/schemes">考核方案</Link> : null} />
        <Empty description="暂无年度考核" />
      </>
    );
  }
  const data = round.data;
  const tabs = data
    ? [
        ...(canScore
          ? [{ key: 'scoring', label: '我的评分任务', children: <ScoringQueue onOpen={openForScoring} /> }]
          : []),
        { key: 'overview', label: '考核进度', children: <RoundOverview round={data} canManage={canManage} /> },
        ...(isUnit && me
          ? [
              {
                key: 'self',
                label: '本单位自评',
                children: <UnitSheet roundId={data.id} orgId={me.orgId} mode="self" />,
              },
            ]
          : []),
        ...(canScore || canManage
          ? [
              {
                key: 'review',
                label: '考核评分',
                children: <ReviewPanel key={linkedUnit ?? 0} round={data} initialOrgId={linkedUnit} />,
              },
            ]
          : []),
        {
          key: 'ranking',
          label: '排名公示',
          children: (
            <RankingPanel
              round={data}
              myOrgId={me?.orgId ?? 0}
              canSeeAll={canScore || canManage || !can('assessment.self')}
            />
          ),
        },
        {
          key: 'appeals',
          label: '申诉',
          children: <AppealsPanel round={data} myOrgId={me?.orgId ?? 0} canAppeal={isUnit} canDecide={canManage} />,
        },
      ]
    : [];
  return (
    <>
      <PageHeader
        title={
          <Space>
            考核评价
            {data ? <Tag color="blue">{data.statusLabel}</Tag> : null}
          </Space>
        }
        description="年度法治建设考核：单位自评、考核组评分、排名公示、申诉与终定；每一分的得失都有据可查。"
        extra={extra}
      />
      {round.error ? <Alert type="warning" showIcon message="无法读取该考核" /> : null}
      {data ? (
        <Tabs
          items={tabs}
          destroyOnHidden
          activeKey={
            tab && tabs.some((t) => t.key === tab)
              ? tab
              : canScore
                ? 'scoring'
                : isUnit && data.status === 'self_assessment'
                  ? 'self'
                  : 'overview'
          }
          onChange={setTab}
          key={data.id}
        />
      ) : (
        <Spin />
      )}
    </>
  );
}
