import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { followWidth } from '../chart-options.js';
import { fullRange, type Range } from './chart-model.js';

export interface UPlotChartProps {
  /** Builds the options for a width; a new function (new data, another language) makes the chart again. */
  options(width: number, container: HTMLElement): uPlot.Options;
  /** x of every point (seconds since the session started); the caller keeps the same arrays while the data is the same. */
  times: readonly number[];
  series: readonly (readonly (number | null)[])[];
  height: number;
  /** The x window shown; null is all of it. */
  range: Range | null;
  /** The minute under the pointer (or the synced cursor of a sibling chart); null when it leaves. */
  onHover?(index: number | null): void;
  /** A window dragged out with the pointer. */
  onZoom?(range: Range): void;
  /** The minute chosen with the arrow keys, drawn as the cursor. */
  keyIndex?: number | null;
  onStep?(delta: -1 | 1): void;
  label: string;
  testId: string;
}

/** A dragged selection narrower than this many pixels is a click, not a zoom. */
const MIN_DRAG_PX = 4;

/**
 * One uPlot canvas for a finished session's figures (the data does not
 * change while it is shown): as wide as its container, with hover, drag to
 * zoom and the arrow keys reported to the parent, which owns the window and
 * the minute shown.
 */
export function UPlotChart({ options, times, series, height, range, onHover, onZoom, keyIndex = null, onStep, label, testId }: UPlotChartProps) {
  const data = useMemo(() => [times, ...series] as uPlot.AlignedData, [times, series]);
  const plotRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<uPlot | null>(null);
  const handlers = useRef({ onHover, onZoom });
  const rangeRef = useRef(range);
  useEffect(() => {
    handlers.current = { onHover, onZoom };
    rangeRef.current = range;
  });

  useEffect(() => {
    const container = plotRef.current!;
    const base = options(container.clientWidth || 320, container);
    const hooks = base.hooks ?? {};
    const chart = new uPlot(
      {
        ...base,
        height,
        hooks: {
          ...hooks,
          setCursor: [...(hooks.setCursor ?? []), (u) => handlers.current.onHover?.(u.cursor.idx ?? null)],
          setSelect: [
            ...(hooks.setSelect ?? []),
            (u) => {
              const { left, width } = u.select;
              if (width < MIN_DRAG_PX) return;
              handlers.current.onZoom?.({ min: u.posToVal(left, 'x'), max: u.posToVal(left + width, 'x') });
              u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            },
          ],
        },
      },
      data,
      container,
    );
    chartRef.current = chart;
    if (rangeRef.current) chart.setScale('x', rangeRef.current);
    const stopFollowing = followWidth(chart, container, height);
    return () => {
      stopFollowing();
      chart.destroy();
      chartRef.current = null;
    };
  }, [options, data, height]);

  useEffect(() => {
    chartRef.current?.setScale('x', range ?? fullRange(times));
  }, [range, times]);

  useEffect(() => {
    const chart = chartRef.current;
    const x = keyIndex === null ? undefined : times[keyIndex];
    if (!chart || x === undefined) return;
    chart.setCursor({ left: chart.valToPos(x, 'x'), top: chart.bbox.height / devicePixelRatio / 2 });
  }, [keyIndex, times]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!onStep || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    event.preventDefault();
    onStep(event.key === 'ArrowLeft' ? -1 : 1);
  };
  return <div className="recap__plot" ref={plotRef} role="group" aria-label={label} tabIndex={onStep ? 0 : undefined} onKeyDown={onKeyDown} data-testid={testId} />;
}
