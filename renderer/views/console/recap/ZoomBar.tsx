import { useI18n } from '../../app-context.js';
import { isWhole, panRange, zoomRange, type Range } from './chart-model.js';

/** The charts' window: zoom in and out around its middle, move it earlier or later, back to the whole session. Dragging across a chart zooms too. */
export function ZoomBar({ range, full, onChange }: { range: Range | null; full: Range; onChange(range: Range | null): void }) {
  const { t, fmt } = useI18n();
  const shown = range ?? full;
  const set = (next: Range) => onChange(isWhole(next, full) ? null : next);
  const label = (sec: number) => fmt.elapsed(Math.max(0, sec) * 1000);
  return (
    <div className="recap__zoom" role="group" aria-label={t('recap.zoom')}>
      <span className="recap__zoom-window num" data-testid="recap-zoom-window">
        {label(shown.min)}–{label(shown.max)}
      </span>
      <button type="button" className="button button--small" onClick={() => set(zoomRange(shown, full, 0.5))} data-testid="recap-zoom-in">
        {t('recap.zoom.in')}
      </button>
      <button type="button" className="button button--small" disabled={range === null} onClick={() => set(zoomRange(shown, full, 2))}>
        {t('recap.zoom.out')}
      </button>
      <button type="button" className="button button--small" disabled={range === null || shown.min <= full.min} onClick={() => set(panRange(shown, full, -1))} aria-label={t('recap.zoom.earlier')}>
        ←
      </button>
      <button type="button" className="button button--small" disabled={range === null || shown.max >= full.max} onClick={() => set(panRange(shown, full, 1))} aria-label={t('recap.zoom.later')}>
        →
      </button>
      <button type="button" className="button button--small" disabled={range === null} onClick={() => onChange(null)} data-testid="recap-zoom-reset">
        {t('recap.zoom.reset')}
      </button>
    </div>
  );
}
