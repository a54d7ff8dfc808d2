import { HOST_SUGGESTIONS } from '../../../shared/copilot/engine/index.js';
import { renderCue, renderReasons } from '../../../shared/copilot/engine/cue-text.js';
import { useActions, useAppStore, useI18n } from '../app-context.js';

/** How many of the ranked talking points the console lists (the host's overlay shows the first). */
const LISTED = 6;

/**
 * The co-pilot's ranked talking points for the assistant: the first
 * HOST_SUGGESTIONS are what the host can see; each can be marked used or
 * dismissed (U / D for the top one), which the recap keeps. The rundown's
 * cues to prepare or start a segment pin its product's card in one click.
 */
export function TalkingPoints() {
  const { t, fmt } = useI18n();
  const actions = useActions();
  const suggestions = useAppStore((s) => s.snapshot?.suggestions);
  const now = useAppStore((s) => s.snapshot?.now ?? 0);
  const listed = (suggestions ?? []).slice(0, LISTED);
  return (
    <section className="panel talking-points" data-testid="talking-points">
      <h3 className="panel__title">
        {t('talkingPoints.title')}
        {listed.length > 0 ? <span className="count-badge num">{suggestions?.length}</span> : null}
      </h3>
      {listed.length === 0 ? (
        <p className="talking-points__none">{t('talkingPoints.none')}</p>
      ) : (
        <ol className="talking-points__list">
          {listed.map((s, i) => (
            <li
              key={s.id}
              className={`talking-point ${i < HOST_SUGGESTIONS ? 'talking-point--host' : ''}`}
              data-testid={`suggestion-${s.id}`}
              data-kind={s.kind}
            >
              <div className="talking-point__head">
                <span className="talking-point__kind">{t(`talkingPoints.kind.${s.kind}`)}</span>
                <span className="talking-point__expires num">{t('talkingPoints.expires', { time: fmt.elapsed(Math.max(0, s.expiresAt - now)) })}</span>
              </div>
              <p className="talking-point__line">{renderCue(s.text.line, fmt)}</p>
              <p className="talking-point__reason">{renderReasons(s.text.reasons, fmt)}</p>
              <div className="talking-point__actions">
                {(s.kind === 'prepareNext' || s.kind === 'segmentStart') && s.productId !== null ? (
                  <button type="button" className="button button--small button--primary" data-testid={`suggestion-pin-${s.id}`} onClick={() => void actions.pinProduct(s.productId!)}>
                    {t('talkingPoints.pin')}
                  </button>
                ) : null}
                <button type="button" className="button button--small" data-testid={`suggestion-used-${s.id}`} onClick={() => void actions.markSuggestion(s.id, 'used')}>
                  {t('talkingPoints.used')}
                  {i === 0 ? <kbd className="button__key">U</kbd> : null}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  data-testid={`suggestion-dismiss-${s.id}`}
                  onClick={() => void actions.markSuggestion(s.id, 'dismissed')}
                >
                  {t('talkingPoints.dismiss')}
                  {i === 0 ? <kbd className="button__key">D</kbd> : null}
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
