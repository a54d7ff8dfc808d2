/**
 * uPlot options for the per-minute charts, in the design system's colours
 * (read from the CSS custom properties, so the charts follow the theme).
 */
import uPlot from 'uplot';
import type { Formats } from '../../i18n/format.js';
import type { ChartKey, MinuteSeries } from '../../state/minute-series.js';

export const CHART_HEIGHT = 112;

/** Value ticks on whole units: a count has no half orders (1, 2, 5, 10, 20, 50 …). */
export const wholeSteps = Array.from({ length: 12 }, (_, power) => [1, 2, 5].map((step) => step * 10 ** power)).flat();
/** Tick spacings of the time axis, in seconds. */
export const minuteSteps = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240].map((minutes) => minutes * 60);

/** Online viewers are a level (a line); the rest are per-minute counts (bars). */
const drawnAsBars: Record<ChartKey, boolean> = { online: false, entries: true, comments: true, orders: true, gmv: true };

export function chartData(series: MinuteSeries, key: ChartKey): uPlot.AlignedData {
  return [series.times, series.values[key]];
}

/** The theme's colours (custom properties of `element`, the page by default: a view may set its own) and the axis style. */
export function chartTheme(element: Element = document.documentElement): { color(name: string): string; axis: uPlot.Axis } {
  const css = getComputedStyle(element);
  const color = (name: string) => css.getPropertyValue(name).trim();
  return {
    color,
    axis: { stroke: color('--chart-axis'), grid: { stroke: color('--chart-grid'), width: 1 }, ticks: { show: false }, font: `11px ${color('--font-sans')}` },
  };
}

export function chartOptions(key: ChartKey, width: number, formatValue: (value: number) => string, fmt: Formats): uPlot.Options {
  const { color, axis } = chartTheme();
  const stroke = color(`--chart-${key}`) || color('--chart-line');
  return {
    width,
    height: CHART_HEIGHT,
    padding: [8, 14, 0, 0],
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 6 } },
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
    axes: [
      // Whole minutes only: a per-minute chart has nothing between them.
      { ...axis, space: 48, incrs: minuteSteps, values: (_u, splits) => splits.map((s) => fmt.clock(s * 1000).slice(0, 5)) },
      { ...axis, size: 46, space: 24, incrs: wholeSteps, values: (_u, splits) => splits.map(formatValue) },
    ],
    series: [
      {},
      {
        stroke,
        width: drawnAsBars[key] ? 0 : 2,
        fill: `${stroke}${drawnAsBars[key] ? 'cc' : '26'}`,
        points: { show: false },
        ...(drawnAsBars[key] ? { paths: uPlot.paths.bars!({ size: [0.7, 24] }) } : {}),
      },
    ],
  };
}

/** Keeps a chart as wide as its container; returns the function that stops it. */
export function followWidth(chart: uPlot, container: Element, height: number): () => void {
  const resize = new ResizeObserver(([entry]) => {
    const width = Math.floor(entry?.contentRect.width ?? 0);
    if (width > 0) chart.setSize({ width, height });
  });
  resize.observe(container);
  return () => resize.disconnect();
}
