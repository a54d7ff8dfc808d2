import '../../styles/overlay.css';
import { showEmojiCodes } from '../../../shared/comments/emoji-codes.js';
import { HOST_SUGGESTIONS, type Suggestion } from '../../../shared/copilot/engine/index.js';
import { renderCue, renderReasons } from '../../../shared/copilot/engine/cue-text.js';
import type { MetricKey } from '../../../shared/metrics/keys.js';
import { OVERLAY_SHORTCUTS, useWindowShortcuts } from '../../shortcuts/use-window-shortcuts.js';
import { metricKinds } from '../../metrics/metric-kinds.js';
import { windowChange } from '../../metrics/window-change.js';
import { selectViewPhase } from '../../state/selectors.js';
import { useAppStore, useI18n } from '../app-context.js';
import { ChangeBadge } from '../common/ChangeBadge.js';
import { CouponBadge } from '../common/CouponBadge.js';
import { PhasePanel } from '../common/PhasePanel.js';
import { PreStream } from '../common/PreStream.js';
import { RundownSlot } from '../common/RundownSlot.js';
import { ProductImage } from '../common/ProductImage.js';
import { useOnAir } from '../common/use-on-air.js';

/**
 * The host's overlay: read at arm's length over the streaming software, so
 * few figures, large type, and nothing that moves without reason. Laid out
 * for 420×640. The opacity setting is the host window's business (Electron
 * sets the window's opacity), so the page does not apply it a second time.
 */
export function OverlayView() {
  const phase = useAppStore(selectViewPhase);
  const hasPlan = useAppStore((s) => s.snapshot?.plan != null);
  useWindowShortcuts(OVERLAY_SHORTCUTS);
  return (
    <div className="overlay">
      {phase === 'live' || phase === 'ended' ? <OverlayLive ended={phase === 'ended'} /> : phase === 'waiting' && hasPlan ? <PreStream /> : <PhasePanel phase={phase} />}
    </div>
  );
}

function OverlayLive({ ended }: { ended: boolean }) {
  return (
    <>
      <OverlayStatus ended={ended} />
      <OnlineViewers />
      <div className="overlay__rates">
        <WindowRate metric="viewerConversion" testId="overlay-viewer-conversion" />
        <WindowRate metric="clickBuyRate" testId="overlay-click-buy-rate" />
      </div>
      <Gmv />
      <OnAirCard />
      <TalkingPoint />
      <RundownSlot />
    </>
  );
}

/**
 * The co-pilot's talking points for the host: the top one in large type (the
 * line to say and, small, why), the next ones a line each. U / D mark the top
 * one used / dismissed while the overlay has focus. Text only, never HTML.
 */
function TalkingPoint() {
  const { t, fmt } = useI18n();
  const suggestions = useAppStore((s) => s.snapshot?.suggestions);
  const [top, ...next] = (suggestions ?? []).slice(0, HOST_SUGGESTIONS);
  return (
    <section className="overlay__slot overlay__slot--talking-point">
      <h2 className="overlay__slot-title">
        {t('talkingPoint.title')}
        {top ? <span className="overlay__talking-point-keys">{t('talkingPoint.keys')}</span> : null}
      </h2>
      {top === undefined ? (
        <p className="overlay__slot-empty">{t('talkingPoint.empty')}</p>
      ) : (
        <>
          {top.kind === 'answer' && top.question && top.quote ? (
            <WaitingQuestion suggestion={top} />
          ) : (
            <div className="overlay__talking-point" data-testid="talking-point" data-suggestion-id={top.id} data-kind={top.kind}>
              <p className="overlay__talking-point-line">{renderCue(top.text.line, fmt)}</p>
              <p className="overlay__talking-point-reason">{renderReasons(top.text.reasons, fmt)}</p>
            </div>
          )}
          {next.length > 0 ? (
            <ol className="overlay__talking-point-next" aria-label={t('talkingPoint.next')}>
              {next.map((s) => (
                <li key={s.id} data-testid="talking-point-next" data-suggestion-id={s.id}>
                  {renderCue(s.text.line, fmt)}
                </li>
              ))}
            </ol>
          ) : null}
        </>
      )}
    </section>
  );
}

/**
 * A question waiting for the host: the question itself, quoted, is the large line (the host reads what was asked,
 * not an instruction), with how many asked and how long the oldest has waited; under it the answer the catalog
 * has for that question's intent, or the plain fact that it has none.
 */
function WaitingQuestion({ suggestion }: { suggestion: Suggestion }) {
  const { t, fmt } = useI18n();
  const now = useAppStore((s) => s.snapshot?.now ?? 0);
  const question = suggestion.question!;
  const waited = Math.max(0, Math.floor((now - question.since) / 1000));
  return (
    <div className="overlay__talking-point overlay__question" data-testid="talking-point" data-suggestion-id={suggestion.id} data-kind="answer" data-intent={question.intent}>
      <p className="overlay__question-text" data-testid="overlay-question">「{showEmojiCodes(suggestion.quote ?? '')}」</p>
      <p className="overlay__question-meta">{t('overlay.questionMeta', { askers: fmt.count(question.askers), seconds: fmt.count(waited) })}</p>
      {question.answerPointId !== null || question.intent === 'price' ? (
        <p className="overlay__question-answer" data-testid="overlay-answer" data-point-id={question.answerPointId ?? ''}>
          {renderCue(suggestion.text.line, fmt)}
        </p>
      ) : (
        <p className="overlay__question-answer overlay__question-answer--none" data-testid="overlay-answer" data-point-id="">
          {t('overlay.noAnswer')}
        </p>
      )}
    </div>
  );
}

function OverlayStatus({ ended }: { ended: boolean }) {
  const { t } = useI18n();
  const transportLost = useAppStore((s) => s.transport.state === 'disconnected');
  const state = useAppStore((s) => s.snapshot?.connection.state ?? 'connecting');
  const label = ended ? t('state.ended.title') : transportLost ? t('transport.disconnected') : t(`connection.${state}`);
  const tone = ended ? 'neutral' : transportLost || state === 'failed' ? 'critical' : state === 'live' ? 'ok' : 'warning';
  return (
    <div className={`overlay__status overlay__status--${tone}`} data-testid="overlay-status">
      <span className="overlay__dot" aria-hidden="true" />
      {label}
    </div>
  );
}

function OnlineViewers() {
  const { t, fmt } = useI18n();
  const online = useAppStore((s) => s.snapshot?.totals.onlineViewers ?? null);
  // The arrow follows the last minute: fast enough to see a surge, slow enough not to flicker.
  const direction = useAppStore((s) => {
    const m1 = s.snapshot?.windows.m1;
    return windowChange('count', m1?.current.onlineViewers ?? null, m1?.previous.onlineViewers ?? null)?.direction ?? null;
  });
  return (
    <section className="overlay__online" data-testid="overlay-online" data-value={online ?? ''}>
      <h2 className="overlay__label">{t('overlay.online')}</h2>
      <div className="overlay__online-value num">
        {fmt.count(online)}
        {direction && direction !== 'flat' ? (
          <span className={`overlay__trend change--${direction}`} aria-label={direction}>
            {direction === 'up' ? '▲' : '▼'}
          </span>
        ) : null}
      </div>
    </section>
  );
}

/** A conversion rate over the last 5 minutes, against the 5 minutes before. */
function WindowRate({ metric, testId }: { metric: MetricKey; testId: string }) {
  const { t, fmt, metricLabel } = useI18n();
  const current = useAppStore((s) => s.snapshot?.windows.m5.current[metric] ?? null);
  const previous = useAppStore((s) => s.snapshot?.windows.m5.previous[metric] ?? null);
  const kind = metricKinds[metric];
  return (
    <section className="overlay__rate" data-testid={testId} data-value={current ?? ''} title={t('metrics.changeHint')}>
      <h2 className="overlay__label">{metricLabel(metric)}</h2>
      <div className="overlay__rate-value num">{fmt.metric(kind, current)}</div>
      <ChangeBadge className="overlay__change" change={windowChange(kind, current, previous)} />
    </section>
  );
}

function Gmv() {
  const { fmt, metricLabel } = useI18n();
  const gmv = useAppStore((s) => s.snapshot?.totals.gmv ?? null);
  return (
    <section className="overlay__gmv" data-testid="overlay-gmv" data-value={gmv ?? ''}>
      <h2 className="overlay__label">{metricLabel('gmv')}</h2>
      <div className="overlay__gmv-value num">{fmt.money(gmv)}</div>
    </section>
  );
}

function OnAirCard() {
  const { t, fmt } = useI18n();
  const onAir = useOnAir();
  if (onAir === null) {
    return (
      <section className="overlay__on-air overlay__on-air--empty">
        <p>{t('onAir.none')}</p>
      </section>
    );
  }
  const { product, onAirMs } = onAir;
  return (
    <section className="overlay__on-air" data-testid="on-air" data-product-id={product.id}>
      <ProductImage className="overlay__on-air-image" url={product.image} title={product.title} />
      <div className="overlay__on-air-body">
        <span className="on-air-badge">{t('onAir.badge')}</span>
        <h2 className="overlay__on-air-title">{product.title}</h2>
        <div className="overlay__on-air-meta num">
          <span className="overlay__price">{fmt.price(product.price)}</span>
          <span data-testid="overlay-time-on-air" data-value={onAirMs}>
            {t('onAir.elapsed', { time: fmt.elapsed(onAirMs) })}
          </span>
          <CouponBadge className="overlay__coupon" coupon={product.coupon} />
        </div>
      </div>
    </section>
  );
}
