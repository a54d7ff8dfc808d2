import { useI18n } from '../app-context.js';
import { itemTitle, ReadinessScore } from './Readiness.js';
import { segmentName, useLivePlan } from './use-plan.js';

/** Before the room is live: the host sees what is still open (critical first), the readiness score and the first segment. */
export function PreStream() {
  const { t, language } = useI18n();
  const live = useLivePlan();
  if (!live) return null;
  const { view } = live;
  const open = view.readiness.items.filter((i) => i.state !== 'done').sort((a, b) => Number(b.item.critical) - Number(a.item.critical));
  const first = view.plan.segments[0];
  return (
    <section className="overlay__prestream" data-testid="overlay-prestream">
      <h2 className="overlay__slot-title">{view.plan.title}</h2>
      <ReadinessScore readiness={view.readiness} compact />
      {open.length === 0 ? (
        <p className="overlay__slot-empty">{t('prestream.allDone')}</p>
      ) : (
        <ul className="overlay__prestream-list" data-testid="overlay-open-items">
          {open.slice(0, 6).map((entry) => (
            <li key={entry.item.id} className={entry.item.critical ? 'overlay__prestream-item--critical' : ''}>
              {entry.item.critical ? <span className="overlay__critical-mark">{t('plan.checklist.critical')}</span> : null}
              {itemTitle(entry, language)}
            </li>
          ))}
          {open.length > 6 ? <li className="overlay__slot-empty">{t('prestream.more', { count: open.length - 6 })}</li> : null}
        </ul>
      )}
      {first ? (
        <p className="overlay__rundown-next" data-testid="overlay-first-segment">
          {t('prestream.first', { name: segmentName(first, language), minutes: Math.round(first.plannedDurationSec / 60) })}
        </p>
      ) : null}
    </section>
  );
}
