import { BarChart, GaugeChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

echarts.use([LineChart, BarChart, GaugeChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartClick = { seriesIndex?: number; dataIndex: number; name: string };

type Props = {
  option: echarts.EChartsCoreOption;
  style?: CSSProperties;
  dark?: boolean;
  onClick?: (event: ChartClick) => void;
};

/**
 * ECharts with only the charts the dashboard uses (keeps the bundle small), bound to React by hand: init on
 * mount, options replaced on change, resized with its box, disposed on unmount.
 */
export function Chart({ option, style, dark, onClick }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, dark ? 'dark' : undefined);
    chart.current = instance;
    instance.on('click', (e) => click.current?.(e as unknown as ChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [dark]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} style={{ height: 300, width: '100%', cursor: onClick ? 'pointer' : undefined, ...style }} />;
}
