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
 * A per-minute chart needs no more than this: its newest point moves with
 * every update, but redrawing five canvases ten times a second was most of
 * the console's CPU beside a stream.
 */
export const CHART_REDRAW_MS = 1_000;

/** The same points: an update that changed other figures leaves the canvas alone. */
function samePoints(a: uPlot.AlignedData, b: uPlot.AlignedData): boolean {
  for (let s = 0; s < a.length; s++) {
    const x = a[s]!;
    const y = b[s]!;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  return true;
}

/**
 * One canvas chart. It reads the series straight from the store through a
 * transient subscription, without re-rendering any React component, and
 * redraws when its own points changed, at most once every CHART_REDRAW_MS;
 * the figure beside its title follows every update.
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
      const text = latest === undefined || latest === null ? NO_VALUE : formatValue(latest);
      // Rewriting the same text still costs a layout.
      if (latestRef.current!.textContent !== text) latestRef.current!.textContent = text;
    };
    const container = plotRef.current!;
    const initial = store.getState().series;
    let drawn = chartData(initial, chartKey);
    const chart = new uPlot(chartOptions(chartKey, container.clientWidth || 240, formatValue, fmt), drawn, container);
    showLatest(initial);
    let drawnAt = performance.now();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const redraw = () => {
      timer = null;
      const data = chartData(store.getState().series, chartKey);
      if (samePoints(data, drawn)) return;
      drawn = data;
      drawnAt = performance.now();
      chart.setData(data);
    };
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.series === previous.series) return;
      showLatest(state.series);
      if (timer !== null) return;
      timer = setTimeout(redraw, Math.max(0, drawnAt + CHART_REDRAW_MS - performance.now()));
    });
    const stopFollowing = followWidth(chart, container, CHART_HEIGHT);
    return () => {
      if (timer !== null) clearTimeout(timer);
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
