import type { Recap } from '../../../../shared/api/contract.js';
import { useI18n } from '../../app-context.js';
import type { Overlays } from './chart-model.js';

/** What the marks over the charts are, how many of each, and the stored events' gaps, which have no time to be drawn at. */
export function ChartLegend({ overlays, gaps }: { overlays: Overlays; gaps: Recap['gaps'] }) {
  const { t } = useI18n();
  const items = [
    { kind: 'actual', count: overlays.actual.length },
    { kind: 'planned', count: overlays.planned.length },
    { kind: 'cards', count: overlays.cards.length },
    { kind: 'points', count: overlays.markers.filter((m) => m.kind === 'point').length },
    { kind: 'moments', count: overlays.markers.filter((m) => m.kind === 'moment').length },
  ] as const;
  const missing = gaps.reduce((sum, g) => sum + g.toSeq - g.fromSeq + 1, 0);
  return (
    <div className="recap__legend">
      <ul className="recap__legend-items">
        {items.map((item) => (
          <li key={item.kind} className={`recap__legend-item recap__legend-item--${item.kind}`}>
            <span className="recap__swatch" aria-hidden="true" />
            {t(`recap.legend.${item.kind}`, { count: item.count })}
          </li>
        ))}
      </ul>
      {gaps.length > 0 ? (
        <p className="recap__notice" role="note" data-testid="recap-gaps">
          {t('recap.gaps', { count: gaps.length, events: missing, ranges: gaps.map((g) => (g.fromSeq === g.toSeq ? `#${g.fromSeq}` : `#${g.fromSeq}–${g.toSeq}`)).join('、') })}
        </p>
      ) : null}
    </div>
  );
}
