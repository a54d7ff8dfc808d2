import { useState } from 'react';
import type { Recap } from '../../../../shared/api/contract.js';
import type { AppliedAdvice } from '../../../../shared/recap/recap-api.js';
import { describeAdvice, type Advice, type AdviceAction } from '../../../../shared/recap/advice.js';
import type { I18n } from '../../../i18n/i18n.js';
import { useBridge, useI18n } from '../../app-context.js';
import { RecapSection } from './RecapSection.js';

type Applying = { state: 'idle' } | { state: 'applying' } | { state: 'done'; applied: AppliedAdvice } | { state: 'failed'; error: string };

/** Suggestions for next time, by rule, each traceable to a figure of this recap; one that maps onto the plan can be applied to the next one. */
export function AdviceSection({ recap }: { recap: Recap }) {
  const { t } = useI18n();
  return (
    <RecapSection title={t('recap.advice')} testId="recap-advice">
      {recap.advice.length === 0 ? (
        <p className="empty">{t('recap.advice.none')}</p>
      ) : (
        <ul className="recap__advice">
          {recap.advice.map((a, i) => (
            // Two suggestions can share an id (the same intent asked in different words): the position tells them apart.
            <AdviceItem key={`${i}-${a.id}`} advice={a} sessionId={recap.session.id} />
          ))}
        </ul>
      )}
    </RecapSection>
  );
}

function AdviceItem({ advice, sessionId }: { advice: Advice; sessionId: string }) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const bridge = useBridge();
  const [applying, setApplying] = useState<Applying>({ state: 'idle' });
  const apply = async () => {
    setApplying({ state: 'applying' });
    const reply = await bridge.request('applyAdvice', { sessionId, adviceId: advice.id });
    setApplying(reply.ok ? { state: 'done', applied: reply.value } : { state: 'failed', error: reply.error.message });
  };
  return (
    <li className="recap__advice-item" data-testid="recap-advice-item" data-rule={advice.rule}>
      <p>{describeAdvice(advice, language)}</p>
      {advice.action !== null ? (
        <div className="recap__advice-action">
          <span className="recap__hint">{describeAction(advice.action, i18n)}</span>
          <button type="button" className="button button--small" disabled={applying.state === 'applying' || applying.state === 'done'} onClick={() => void apply()} data-testid="recap-advice-apply">
            {applying.state === 'applying' ? t('recap.advice.applying') : applying.state === 'done' ? t('recap.advice.applied') : t('recap.advice.apply')}
          </button>
        </div>
      ) : null}
      {applying.state === 'done' ? (
        <p className="recap__ok" role="status" data-testid="recap-advice-result">
          {t('recap.advice.done', { plan: applying.applied.planTitle, change: describeAction(applying.applied.change, i18n) })}
        </p>
      ) : applying.state === 'failed' ? (
        <p className="recap__error" role="alert" data-testid="recap-advice-error">
          {t('recap.advice.failed', { error: applying.error })}
        </p>
      ) : null}
    </li>
  );
}

function describeAction(action: AdviceAction, { t }: I18n): string {
  return action.kind === 'addChecklistItem' ? t('recap.advice.addItem', { title: action.title }) : t('recap.advice.lengthen', { segment: action.segmentTitle, minutes: Math.round(action.bySec / 60) });
}
