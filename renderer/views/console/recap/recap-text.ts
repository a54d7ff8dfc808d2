/** The recap's happenings as sentences (text only, never HTML): what happened, with its time since the session started — never a cause. */
import { lineIn } from '../../../../shared/copilot/engine/cue-text.js';
import type { Happening } from '../../../../shared/recap/peaks.js';
import type { I18n } from '../../../i18n/i18n.js';

/** Time since the session started, as m:ss or h:mm:ss. */
export const sinceStart = (i18n: I18n, startedAt: number, at: number) => i18n.fmt.elapsed(Math.max(0, at - startedAt));

export function describeHappening(h: Happening, i18n: I18n, startedAt: number): string {
  const { t, fmt, intentLabel } = i18n;
  const time = (at: number) => sinceStart(i18n, startedAt, at);
  switch (h.kind) {
    case 'cardShown':
      return t('recap.happened.cardShown', { time: time(h.at), title: h.title ?? h.productId });
    case 'segmentStarted':
      return t('recap.happened.segmentStarted', { time: time(h.at), title: h.title });
    case 'pointUsed':
      return t('recap.happened.pointUsed', { time: time(h.at), line: lineIn(h, fmt) });
    case 'questionBurst':
      return t('recap.happened.questionBurst', { time: time(h.minute * 60_000), count: fmt.count(h.questions), intent: intentLabel(h.topIntent) });
    case 'couponSurge':
      return t('recap.happened.couponSurge', { time: time(h.minute * 60_000), count: fmt.count(h.claims) });
    case 'moment':
      return h.note ? t('recap.happened.momentNote', { time: time(h.at), note: h.note }) : t('recap.happened.moment', { time: time(h.at) });
  }
}
