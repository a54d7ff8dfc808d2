/**
 * uPlot options of the recap's charts: x in seconds since the session
 * started (labelled as elapsed time), drag to zoom, one cursor shared by the
 * charts of a session, and the overlays drawn on the canvas — the rundown as
 * it ran (bands behind the figures), as planned (a strip along the top), the
 * cards on air (a strip along the bottom), talking points used and moments
 * (vertical lines).
 */
import uPlot from 'uplot';
import type { Formats } from '../../../i18n/format.js';
import { chartTheme, minuteSteps, wholeSteps } from '../chart-options.js';
import type { Band, Overlays } from './chart-model.js';

type Theme = ReturnType<typeof chartTheme>;

export function elapsedAxis(theme: Theme, fmt: Formats): uPlot.Axis {
  return { ...theme.axis, space: 56, incrs: minuteSteps, values: (_u, splits) => splits.map((s) => fmt.elapsed(Math.max(0, s) * 1000)) };
}

export function valueAxis(theme: Theme, format: (value: number) => string, more: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return { ...theme.axis, size: 54, space: 24, incrs: wholeSteps, values: (_u, splits) => splits.map(format), ...more };
}

/** From 0 to a little above the highest value, 0 to 1 when there is none. */
export const fromZero: uPlot.Range.Function = (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1];

export interface RecapChartSpec {
  /** Custom property of the series colour (--chart-online …). */
  colorVar: string;
  bars: boolean;
  format(value: number): string;
  overlays: Overlays;
  /** Charts with the same key share one cursor. */
  syncKey: string;
  /** Writes the rundown's segment names in their bands (the first chart only: once is enough). */
  segmentNames: boolean;
}

export function recapChartOptions(spec: RecapChartSpec, width: number, container: HTMLElement, fmt: Formats): uPlot.Options {
  const theme = chartTheme(container);
  const stroke = theme.color(spec.colorVar) || theme.color('--chart-line');
  return {
    width,
    height: 120,
    padding: [10, 12, 0, 0],
    legend: { show: false },
    cursor: { sync: { key: spec.syncKey }, drag: { x: true, y: false, setScale: false }, points: { size: 6 } },
    scales: { x: { time: false }, y: { range: fromZero } },
    axes: [elapsedAxis(theme, fmt), valueAxis(theme, spec.format)],
    series: [
      {},
      {
        stroke,
        width: spec.bars ? 0 : 2,
        fill: `${stroke}${spec.bars ? 'cc' : '26'}`,
        points: { show: false },
        ...(spec.bars ? { paths: uPlot.paths.bars!({ size: [0.7, 24] }) } : {}),
      },
    ],
    plugins: [overlayPlugin(spec.overlays, theme, spec.segmentNames)],
  };
}

const STRIP_PX = 4;

/** Draws the overlays: bands before the series (so the figures stay on top), strips and lines after. */
function overlayPlugin(overlays: Overlays, theme: Theme, segmentNames: boolean): uPlot.Plugin {
  const colour = {
    bands: [theme.color('--recap-band-a'), theme.color('--recap-band-b')],
    planned: [theme.color('--recap-planned-a'), theme.color('--recap-planned-b')],
    card: theme.color('--on-air'),
    point: theme.color('--recap-point'),
    moment: theme.color('--recap-moment'),
    text: theme.color('--text-faint'),
  };
  const span = (u: uPlot, band: Band) => {
    const { left, width } = u.bbox;
    const from = Math.max(left, u.valToPos(band.from, 'x', true));
    const to = Math.min(left + width, u.valToPos(band.to, 'x', true));
    return to > from ? { x: from, w: to - from } : null;
  };
  const clipped = (u: uPlot, draw: (ctx: CanvasRenderingContext2D, dpr: number) => void) => {
    const { ctx, bbox } = u;
    ctx.save();
    ctx.beginPath();
    ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
    ctx.clip();
    draw(ctx, uPlot.pxRatio);
    ctx.restore();
  };
  return {
    hooks: {
      drawClear: [
        (u) =>
          clipped(u, (ctx, dpr) => {
            overlays.actual.forEach((band, i) => {
              const s = span(u, band);
              if (!s) return;
              ctx.fillStyle = colour.bands[i % 2]!;
              ctx.fillRect(s.x, u.bbox.top, s.w, u.bbox.height);
              if (!segmentNames) return;
              ctx.fillStyle = colour.text;
              ctx.font = `${11 * dpr}px ${theme.color('--font-sans') || 'sans-serif'}`;
              const text = band.label;
              if (ctx.measureText(text).width + 8 * dpr < s.w) ctx.fillText(text, s.x + 4 * dpr, u.bbox.top + (STRIP_PX + 12) * dpr);
            });
          }),
      ],
      draw: [
        (u) =>
          clipped(u, (ctx, dpr) => {
            const strip = STRIP_PX * dpr;
            overlays.planned.forEach((band, i) => {
              const s = span(u, band);
              if (!s) return;
              ctx.fillStyle = colour.planned[i % 2]!;
              ctx.fillRect(s.x, u.bbox.top, s.w, strip);
            });
            ctx.fillStyle = colour.card;
            for (const band of overlays.cards) {
              const s = span(u, band);
              if (s) ctx.fillRect(s.x + dpr, u.bbox.top + u.bbox.height - strip, Math.max(dpr, s.w - 2 * dpr), strip);
            }
            ctx.lineWidth = dpr;
            for (const marker of overlays.markers) {
              const x = Math.round(u.valToPos(marker.at, 'x', true)) + 0.5;
              ctx.strokeStyle = marker.kind === 'point' ? colour.point : colour.moment;
              ctx.setLineDash(marker.kind === 'point' ? [] : [3 * dpr, 3 * dpr]);
              ctx.beginPath();
              ctx.moveTo(x, u.bbox.top);
              ctx.lineTo(x, u.bbox.top + u.bbox.height);
              ctx.stroke();
            }
          }),
      ],
    },
  };
}

export interface CompareSpec {
  /** The two sessions' names in the legend, earlier first. */
  names: [string, string];
  formatCount(value: number): string;
  formatMoney(value: number): string;
}

/** Two sessions on one chart, minute by minute since each started: online viewers (solid, left axis) and GMV per minute (dashed, right axis). */
export function compareChartOptions(spec: CompareSpec, width: number, container: HTMLElement, fmt: Formats, labels: { online: string; gmv: string }): uPlot.Options {
  const theme = chartTheme(container);
  const colours = [theme.color('--recap-compare-a'), theme.color('--recap-compare-b')];
  const line = (index: 0 | 1, scale: 'y' | 'gmv', label: string, format: (v: number) => string): uPlot.Series => ({
    label: `${spec.names[index]} · ${label}`,
    scale,
    stroke: colours[index],
    width: scale === 'y' ? 2 : 1.5,
    dash: scale === 'y' ? undefined : [6, 4],
    points: { show: false },
    spanGaps: false,
    value: (_u, v) => (v === null || v === undefined ? '—' : format(v)),
  });
  return {
    width,
    height: 260,
    padding: [10, 12, 0, 0],
    legend: { show: true, live: true },
    cursor: { drag: { x: true, y: false, setScale: false }, points: { size: 6 } },
    scales: { x: { time: false }, y: { range: fromZero }, gmv: { range: fromZero } },
    axes: [elapsedAxis(theme, fmt), valueAxis(theme, spec.formatCount), valueAxis(theme, spec.formatMoney, { scale: 'gmv', side: 1, grid: { show: false } })],
    series: [
      { label: '', value: (_u, v) => (v === null || v === undefined ? '' : fmt.elapsed(v * 1000)) },
      line(0, 'y', labels.online, spec.formatCount),
      line(1, 'y', labels.online, spec.formatCount),
      line(0, 'gmv', labels.gmv, spec.formatMoney),
      line(1, 'gmv', labels.gmv, spec.formatMoney),
    ],
  };
}
