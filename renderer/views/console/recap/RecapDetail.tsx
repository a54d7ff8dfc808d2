import type { Recap, SessionSummary } from '../../../../shared/api/contract.js';
import { useI18n } from '../../app-context.js';
import { AdviceSection } from './AdviceSection.js';
import { ExportBar } from './ExportBar.js';
import { FunnelSection } from './FunnelSection.js';
import { LayersSection } from './LayersSection.js';
import { PeaksSection } from './PeaksSection.js';
import { PlanAgainstActual } from './PlanAgainstActual.js';
import { ProductTable } from './ProductTable.js';
import { QuestionsSection } from './QuestionsSection.js';
import { RecapCharts } from './RecapCharts.js';
import { RecapSection } from './RecapSection.js';
import { SummaryTable } from './SummaryTable.js';
import { TalkingPointsSection } from './TalkingPointsSection.js';
import { useReply } from './use-reply.js';

/** One stored session's recap, every part in the order a review goes: figures, minutes, funnel, peaks, questions, points, users, next time, plan, products. */
export function RecapDetail({ session, onBack }: { session: SessionSummary; onBack(): void }) {
  const { t, language } = useI18n();
  const recap = useReply('recap', { sessionId: session.id });
  return (
    <section className="recap__detail" data-testid="recap-detail" data-session-id={session.id}>
      <div className="recap__detail-head">
        <button type="button" className="button button--ghost" onClick={onBack} data-testid="recap-back">
          ← {t('recap.back')}
        </button>
        <h2 className="recap__title">
          {session.room} · <span className="num">{new Date(session.startedAt).toLocaleString(language, { hour12: false })}</span>
        </h2>
        <ExportBar sessionId={session.id} />
      </div>
      {recap.state === 'loading' ? (
        <p className="empty">{t('recap.loading')}</p>
      ) : recap.state === 'failed' ? (
        <p className="recap__error" role="alert">
          {t('recap.loadOneFailed', { error: recap.error })}
        </p>
      ) : (
        <RecapParts recap={recap.value} />
      )}
    </section>
  );
}

function RecapParts({ recap }: { recap: Recap }) {
  const { t } = useI18n();
  return (
    <>
      <SummaryTable recap={recap} />
      <RecapCharts recap={recap} />
      <FunnelSection recap={recap} />
      <PeaksSection recap={recap} />
      <QuestionsSection recap={recap} />
      <TalkingPointsSection recap={recap} />
      <LayersSection recap={recap} />
      <AdviceSection recap={recap} />
      <PlanAgainstActual recap={recap} />
      <RecapSection title={t('recap.products')} testId="recap-products-section">
        <ProductTable products={recap.products} />
      </RecapSection>
    </>
  );
}
