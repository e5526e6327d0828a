import type { DashboardTile } from '@fazhi/core/dashboard/dashboard.contract';
import { changeToneColor, changeToneWord } from '@fazhi/core/metrics/polarity';
import { Tooltip, Typography } from 'antd';
import { MetricFigure } from '../../../components/metric-figure.tsx';

const polarityHint = {
  higher: '该指标越高越好',
  lower: '该指标越低越好',
  neutral: '该指标为工作量，升降不评判好坏',
} as const;

/**
 * The change against last year, coloured and worded by the metric's polarity: green 向好 when it moves the good
 * way (a fall of 重复信访率, a rise of 调解成功率), red 需关注 the other way, blue for a plain volume.
 */
function Change({ tile, dark }: { tile: DashboardTile; dark?: boolean }) {
  const imported = tile.previousSource === 'imported' ? '（导入的历史数据）' : '';
  if (tile.change === null) {
    return (
      <span style={{ opacity: 0.65 }}>
        {tile.previousLabel}
        {imported} {tile.previous === null ? '—' : `${tile.previous.toLocaleString('zh-CN')}${tile.unit}`}
      </span>
    );
  }
  const tone = tile.tone;
  const color = dark && tone === 'neutral' ? '#69b1ff' : changeToneColor[tone];
  const arrow = tile.change === 0 ? '' : tile.change > 0 ? '▲' : '▼';
  const word = changeToneWord(tone);
  const previous =
    tile.previous === null
      ? ''
      : `${tile.previousLabel}${imported} ${tile.previous.toLocaleString('zh-CN')}${tile.unit}`;
  return (
    <Tooltip title={`${previous}；${polarityHint[tile.polarity]}`}>
      <span data-tone={tone}>
        <span style={{ opacity: dark ? 0.75 : 0.65 }}>
          {tile.previousLabel === '上年同期' ? '较上年同期' : '较上年'}{' '}
        </span>
        <span style={{ color }}>
          {arrow}
          {Math.abs(tile.change).toLocaleString('zh-CN')}
          {tile.changeUnit}
          {word ? ` ${word}` : ''}
        </span>
      </span>
    </Tooltip>
  );
}

/** The headline figures: each a registry figure that opens its rows, with the change against last year. */
export function MetricTiles({
  tiles,
  org,
  year,
  dark,
}: {
  tiles: DashboardTile[];
  org: number;
  year: number;
  dark?: boolean;
}) {
  return (
    <div
      style={{
        display: 'grid',
        gap: 12,
        gridTemplateColumns: `repeat(auto-fill, minmax(${dark ? 280 : 200}px, 1fr))`,
      }}
    >
      {tiles.map((tile) => (
        <div key={tile.key} data-tile={tile.key}>
          <div
            style={{
              height: '100%',
              padding: dark ? '12px 20px' : '12px 16px',
              borderRadius: dark ? 6 : 4,
              border: dark ? '1px solid rgba(79, 195, 247, 0.35)' : '1px solid #f0f0f0',
              background: dark ? 'rgba(16, 42, 84, 0.55)' : '#fff',
            }}
          >
            <Typography.Text type="secondary" style={{ fontSize: dark ? 16 : 13 }}>
              {tile.name}
            </Typography.Text>
            <div style={{ fontSize: dark ? 38 : 28, fontWeight: 600, lineHeight: 1.3, margin: '4px 0' }}>
              <MetricFigure
                metric={tile.key}
                org={org}
                period={String(year)}
                value={tile.value}
                unit={tile.unit}
                note={tile.note}
                style={{ textDecoration: 'none' }}
                unitStyle={{ fontSize: dark ? 18 : 14, fontWeight: 400 }}
              />
            </div>
            <div style={{ fontSize: dark ? 14 : 12 }}>
              {tile.value === null && tile.note ? (
                <Typography.Text type="secondary">{tile.note}</Typography.Text>
              ) : (
                <Change tile={tile} dark={dark} />
              )}
            </div>
          </div>
        </div>
      ))}
    </div>
  );
}
