import type { Recap } from '../../../../shared/api/contract.js';
import { LOOKBACK_MINUTES, type Peak, type PeakMetric } from '../../../../shared/recap/peaks.js';
import { signed } from '../../../../shared/format/numbers.js';
import { useI18n } from '../../app-context.js';
import { describeHappening, sinceStart } from './recap-text.js';
import { RecapSection } from './RecapSection.js';

const groups: readonly { metric: PeakMetric; direction: Peak['direction'] }[] = [
  { metric: 'onlineViewers', direction: 'rise' },
  { metric: 'onlineViewers', direction: 'fall' },
  { metric: 'paidOrders', direction: 'rise' },
  { metric: 'paidOrders', direction: 'fall' },
];

/** The biggest rises and falls of online viewers and of orders per minute, each with what happened in the minutes before it. */
export function PeaksSection({ recap }: { recap: Recap }) {
  const { t } = useI18n();
  return (
    <RecapSection title={t('recap.peaks')} testId="recap-peaks">
      <p className="recap__hint">{t('recap.peaks.hint', { minutes: LOOKBACK_MINUTES })}</p>
      {recap.peaks.length === 0 ? (
        <p className="empty">{t('recap.peaks.none')}</p>
      ) : (
        <div className="recap__peak-groups">
          {groups.map((g) => (
            <PeakGroup key={`${g.metric}-${g.direction}`} {...g} peaks={recap.peaks.filter((p) => p.metric === g.metric && p.direction === g.direction)} startedAt={recap.session.startedAt} />
          ))}
        </div>
      )}
    </RecapSection>
  );
}

function PeakGroup({ metric, direction, peaks, startedAt }: { metric: PeakMetric; direction: Peak['direction']; peaks: Peak[]; startedAt: number }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  return (
    <div className="recap__peak-group" data-testid={`recap-peaks-${metric}-${direction}`}>
      <h4 className="recap__subtitle">{t(`recap.peaks.${metric}.${direction}`)}</h4>
      {peaks.length === 0 ? (
        <p className="recap__hint">{t('recap.peaks.noneHere')}</p>
      ) : (
        <ol className="recap__peaks">
          {peaks.map((p) => (
            <li key={p.minute} className="recap__peak" data-testid="recap-peak">
              <p className={`recap__peak-head change--${direction === 'rise' ? 'up' : 'down'}`}>
                {t('recap.peaks.change', { time: sinceStart(i18n, startedAt, p.minute * 60_000), from: fmt.count(p.from), to: fmt.count(p.to), change: signed(p.change, fmt.count) })}
              </p>
              {p.happened.length === 0 ? (
                <p className="recap__hint">{t('recap.peaks.nothing')}</p>
              ) : (
                <ul className="recap__happened" aria-label={t('recap.peaks.happened')}>
                  {p.happened.map((h, i) => (
                    <li key={i}>{describeHappening(h, i18n, startedAt)}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
