import { useI18n } from '../app-context.js';
import { segmentName, useLivePlan } from './use-plan.js';

/**
 * 当前环节 on the overlay: the segment on now, its countdown (large and calm;
 * over time it says so in words and colour, it never blinks), the buying
 * points still to hit in it, and the next segment's first product.
 */
export function RundownSlot() {
  const { t, fmt, language } = useI18n();
  const live = useLivePlan();
  if (!live) {
    return (
      <section className="overlay__slot overlay__slot--rundown" data-testid="overlay-rundown">
        <h2 className="overlay__slot-title">{t('rundown.title')}</h2>
        <p className="overlay__slot-empty">{t('rundown.empty')}</p>
      </section>
    );
  }
  const { view, state } = live;
  const { current, next } = state;
  const firstProduct = next?.productIds[0];
  const toHit = current ? current.segment.buyingPointIds.filter((id) => !view.hitPointIds.includes(id)) : [];
  const over = current !== null && current.remainingMs < 0;
  return (
    <section className="overlay__slot overlay__slot--rundown" data-testid="overlay-rundown" data-status={state.status}>
      <h2 className="overlay__slot-title">
        {t('rundown.title')}
        {view.rehearsal ? <span className="rehearsal-badge">{t('rehearsal.badge', { speed: view.timeScale })}</span> : null}
        {current ? <span className="overlay__rundown-step num">{t('rundown.step', { n: (state.currentIndex ?? 0) + 1, count: view.plan.segments.length })}</span> : null}
      </h2>
      {current ? (
        <>
          <div className="overlay__rundown-now">
            <span className="overlay__rundown-name" data-testid="overlay-segment">
              {segmentName(current.segment, language)}
            </span>
            <span className={`overlay__countdown num ${over ? 'overlay__countdown--over' : ''}`} data-testid="overlay-countdown" data-remaining={current.remainingMs}>
              {over ? t('rundown.over', { time: fmt.elapsed(-current.remainingMs) }) : fmt.elapsed(current.remainingMs)}
            </span>
          </div>
          {toHit.length > 0 ? (
            <ul className="overlay__rundown-points" aria-label={t('rundown.toHit')}>
              {toHit.slice(0, 3).map((id) => (
                <li key={id}>{view.labels.points[id] ?? id}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <p className="overlay__slot-empty">{state.status === 'finished' ? t('rundown.finished') : t('rundown.notStarted')}</p>
      )}
      {next ? (
        <p className="overlay__rundown-next" data-testid="overlay-next">
          {t('rundown.next', { name: segmentName(next, language) })}
          {firstProduct ? ` · ${view.labels.products[firstProduct] ?? firstProduct}` : ''}
        </p>
      ) : null}
    </section>
  );
}
