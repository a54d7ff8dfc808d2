import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { NO_VALUE } from '../../../shared/format/numbers.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { chartKeys, type ChartKey, type MinuteSeries } from '../../state/minute-series.js';
import { useI18n, useStoreApi } from '../app-context.js';
import { CHART_HEIGHT, chartData, chartOptions, followWidth } from './chart-options.js';

const labels: Record<ChartKey, MessageKey> = {
  online: 'charts.online',
  entries: 'charts.entries',
  comments: 'charts.comments',
  orders: 'charts.orders',
  gmv: 'charts.gmv',
};

export function MinuteCharts() {
  const { t } = useI18n();
  return (
    <section className="panel charts">
      <h3 className="panel__title">{t('charts.title')}</h3>
      <div className="charts__grid">
        {chartKeys.map((key) => (
          <MinuteChart key={key} chartKey={key} />
        ))}
      </div>
    </section>
  );
}

/**
 * One canvas chart. It reads the series straight from the store through a
 * transient subscription: ten updates a second redraw the canvas without
 * re-rendering any React component.
 */
function MinuteChart({ chartKey }: { chartKey: ChartKey }) {
  const i18n = useI18n();
  const store = useStoreApi();
  const plotRef = useRef<HTMLDivElement>(null);
  const latestRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const { fmt } = i18n;
    const formatValue = (value: number) => (chartKey === 'gmv' ? fmt.money(value) : fmt.count(value));
    const showLatest = (series: MinuteSeries) => {
      const latest = series.values[chartKey].at(-1);
      latestRef.current!.textContent = latest === undefined || latest === null ? NO_VALUE : formatValue(latest);
    };
    const container = plotRef.current!;
    const initial = store.getState().series;
    const chart = new uPlot(chartOptions(chartKey, container.clientWidth || 240, formatValue, fmt), chartData(initial, chartKey), container);
    showLatest(initial);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.series === previous.series) return;
      chart.setData(chartData(state.series, chartKey));
      showLatest(state.series);
    });
    const stopFollowing = followWidth(chart, container, CHART_HEIGHT);
    return () => {
      unsubscribe();
      stopFollowing();
      chart.destroy();
    };
  }, [store, chartKey, i18n]);

  return (
    <figure className="chart" data-testid={`chart-${chartKey}`}>
      <figcaption className="chart__caption">
        <span>{i18n.t(labels[chartKey])}</span>
        <span className="chart__latest num" ref={latestRef} />
      </figcaption>
      <div className="chart__plot" ref={plotRef} />
    </figure>
  );
}
