import type { Recap, RecapQuestions } from '../../../../shared/api/contract.js';
import type { QuestionCluster } from '../../../../shared/recap/questions.js';
import { useI18n } from '../../app-context.js';
import { productTitle } from './chart-model.js';
import { RecapSection } from './RecapSection.js';
import { RecapTable, type Column } from './RecapTable.js';

/** How many of the most asked questions are listed. */
const TOP_QUESTIONS = 10;

/** Buyers' questions as the co-pilot tallied them: by intent, the most asked (clustered), by product, answered against not. */
export function QuestionsSection({ recap }: { recap: Recap }) {
  const { t } = useI18n();
  const q = recap.questions;
  return (
    <RecapSection title={t('recap.questions')} testId="recap-questions">
      {q === null ? (
        <p className="empty" data-testid="recap-questions-none">
          {t('recap.questions.untallied')}
        </p>
      ) : q.total === 0 ? (
        <p className="empty">{t('recap.questions.none')}</p>
      ) : (
        <QuestionTallies questions={q} recap={recap} />
      )}
    </RecapSection>
  );
}

function QuestionTallies({ questions: q, recap }: { questions: RecapQuestions; recap: Recap }) {
  const { t, fmt, intentLabel } = useI18n();
  const answeredShare = q.total ? q.answered / q.total : 0;
  const intents: Column<RecapQuestions['byIntent'][number]>[] = [
    { key: 'intent', label: t('recap.questions.intent'), cell: (r) => intentLabel(r.intent) },
    { key: 'asked', label: t('recap.questions.asked'), cell: (r) => fmt.count(r.asked), num: true },
    { key: 'answered', label: t('recap.questions.answered'), cell: (r) => fmt.count(r.answered), num: true },
    { key: 'unanswered', label: t('recap.questions.unanswered'), cell: (r) => fmt.count(r.asked - r.answered), num: true },
  ];
  const top: Column<QuestionCluster>[] = [
    { key: 'text', label: t('recap.questions.question'), cell: (c) => <QuestionText cluster={c} /> },
    { key: 'intent', label: t('recap.questions.intent'), cell: (c) => intentLabel(c.intent) },
    { key: 'product', label: t('recap.questions.product'), cell: (c) => (c.productId === null ? t('recap.questions.wholeRoom') : productTitle(recap, c.productId)) },
    { key: 'asked', label: t('recap.questions.asked'), cell: (c) => fmt.count(c.asked), num: true },
    { key: 'askers', label: t('recap.questions.askers'), cell: (c) => fmt.count(c.askers), num: true },
    { key: 'answered', label: t('recap.questions.answered'), cell: (c) => fmt.count(c.answered), num: true },
  ];
  const products: Column<RecapQuestions['byProduct'][number]>[] = [
    { key: 'product', label: t('recap.questions.product'), cell: (r) => (r.productId === null ? t('recap.questions.wholeRoom') : (r.title ?? r.productId)) },
    { key: 'asked', label: t('recap.questions.asked'), cell: (r) => fmt.count(r.asked), num: true },
    { key: 'answered', label: t('recap.questions.answered'), cell: (r) => fmt.count(r.answered), num: true },
    { key: 'topIntent', label: t('recap.questions.topIntent'), cell: (r) => intentLabel(r.topIntent) },
  ];
  return (
    <>
      <div className="recap__answered" data-testid="recap-questions-answered">
        <p>{t('recap.questions.total', { total: fmt.count(q.total), answered: fmt.count(q.answered), unanswered: fmt.count(q.total - q.answered), share: fmt.rate(answeredShare) })}</p>
        <div className="recap__meter" role="img" aria-label={fmt.rate(answeredShare)}>
          <span className="recap__meter-fill" style={{ width: `${answeredShare * 100}%` }} />
        </div>
      </div>
      <div className="recap__pair">
        <div>
          <h4 className="recap__subtitle">{t('recap.questions.byIntent')}</h4>
          <RecapTable columns={intents} rows={q.byIntent} rowKey={(r) => r.intent} testId="recap-questions-intents" />
        </div>
        <div>
          <h4 className="recap__subtitle">{t('recap.questions.byProduct')}</h4>
          <RecapTable columns={products} rows={q.byProduct} rowKey={(r) => r.productId ?? ''} testId="recap-questions-products" />
        </div>
      </div>
      <h4 className="recap__subtitle">{t('recap.questions.top')}</h4>
      <RecapTable columns={top} rows={q.top.slice(0, TOP_QUESTIONS)} rowKey={(c, i) => `${i}-${c.text}`} testId="recap-questions-top" rowTestId="recap-question" />
    </>
  );
}

/** The first wording seen, as typed, and the talking point that answered it last. */
function QuestionText({ cluster }: { cluster: QuestionCluster }) {
  const { t } = useI18n();
  return (
    <>
      <span className="recap__question">{cluster.text}</span>
      {cluster.answeredBy !== null ? <span className="recap__answered-by">{t('recap.questions.answeredBy', { line: cluster.answeredBy })}</span> : cluster.answered === 0 ? <span className="recap__unanswered">{t('recap.questions.notAnswered')}</span> : null}
    </>
  );
}
