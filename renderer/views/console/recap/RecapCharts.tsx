import { useCallback, useMemo, useState } from 'react';
import type { Recap } from '../../../../shared/api/contract.js';
import { useI18n } from '../../app-context.js';
import { clampRange, fullRange, minuteTimes, minuteValue, overlaysOf, recapChartKeys, recapChartLabels, type Overlays, type Range, type RecapChartKey } from './chart-model.js';
import { ChartLegend } from './ChartLegend.js';
import { MinuteTooltip } from './MinuteTooltip.js';
import { recapChartOptions } from './recap-chart-options.js';
import { RecapSection } from './RecapSection.js';
import { UPlotChart } from './UPlotChart.js';
import { ZoomBar } from './ZoomBar.js';

const bars: Record<RecapChartKey, boolean> = { online: false, entries: true, comments: true, clicks: true, orders: true, gmv: true };

/**
 * The session minute by minute: online viewers, entries, comments, product
 * clicks, paid orders and GMV, with the rundown, the cards on air, the
 * talking points used and the moments marked drawn over them. One cursor
 * and one zoom window for all six; the minute under it is spelled out.
 */
export function RecapCharts({ recap }: { recap: Recap }) {
  const { t, language } = useI18n();
  const times = useMemo(() => minuteTimes(recap), [recap]);
  const overlays = useMemo(() => overlaysOf(recap, language), [recap, language]);
  const [range, setRange] = useState<Range | null>(null);
  const [hover, setHover] = useState<{ index: number; byKey: boolean } | null>(null);
  const full = fullRange(times);
  // The pointer leaving keeps a minute chosen by key; a synced sibling reporting the same minute changes nothing.
  const onHover = useCallback((index: number | null) => setHover((h) => (index === null ? (h?.byKey ? h : null) : h?.index === index ? h : { index, byKey: false })), []);
  const onStep = (delta: -1 | 1) => {
    const index = Math.min(times.length - 1, Math.max(0, (hover?.index ?? (delta > 0 ? -1 : times.length)) + delta));
    setHover({ index, byKey: true });
    const at = times[index]!;
    // A minute chosen outside the zoom window brings the window to it.
    if (range && (at < range.min || at >= range.max)) setRange(clampRange({ min: at - (range.max - range.min) / 2, max: at + (range.max - range.min) / 2 }, full));
  };
  const syncKey = `recap-${recap.session.id}`;

  if (recap.minutes.length === 0) {
    return (
      <RecapSection title={t('recap.charts')} testId="recap-charts">
        <p className="empty">{t('recap.charts.none')}</p>
      </RecapSection>
    );
  }
  return (
    <RecapSection title={t('recap.charts')} testId="recap-charts" actions={<ZoomBar range={range} full={full} onChange={setRange} />}>
      <MinuteTooltip recap={recap} overlays={overlays} times={times} index={hover?.index ?? null} />
      <div className="recap__chart-grid">
        {recapChartKeys.map((key) => (
          <MinuteChart key={key} chartKey={key} recap={recap} times={times} overlays={overlays} syncKey={syncKey} range={range} onZoom={setRange} onHover={onHover} onStep={onStep} keyIndex={hover?.byKey ? hover.index : null} />
        ))}
      </div>
      <ChartLegend overlays={overlays} gaps={recap.gaps} />
    </RecapSection>
  );
}

interface MinuteChartProps {
  chartKey: RecapChartKey;
  recap: Recap;
  times: number[];
  overlays: Overlays;
  syncKey: string;
  range: Range | null;
  keyIndex: number | null;
  onZoom(range: Range): void;
  onHover(index: number | null): void;
  onStep(delta: -1 | 1): void;
}

function MinuteChart({ chartKey, recap, times, overlays, syncKey, ...rest }: MinuteChartProps) {
  const { t, fmt } = useI18n();
  const series = useMemo(() => [recap.minutes.map(minuteValue[chartKey])], [recap, chartKey]);
  const options = useCallback(
    (width: number, container: HTMLElement) =>
      recapChartOptions(
        { colorVar: `--chart-${chartKey}`, bars: bars[chartKey], format: chartKey === 'gmv' ? fmt.money : fmt.count, overlays, syncKey, segmentNames: chartKey === 'online' },
        width,
        container,
        fmt,
      ),
    [chartKey, fmt, overlays, syncKey],
  );
  return (
    <figure className={`recap__chart recap__chart--${chartKey}`}>
      <figcaption className="chart__caption">{t(recapChartLabels[chartKey])}</figcaption>
      <UPlotChart options={options} times={times} series={series} height={chartKey === 'online' ? 180 : 120} label={t(recapChartLabels[chartKey])} testId={`recap-chart-${chartKey}`} {...rest} />
    </figure>
  );
}
