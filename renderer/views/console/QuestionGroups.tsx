import { useMemo } from 'react';
import { showEmojiCodes } from '../../../shared/comments/emoji-codes.js';
import { clampText } from '../../comments/comment-text.js';
import { questionGroups } from '../../comments/question-groups.js';
import { useActions, useAppStore, useI18n } from '../app-context.js';

const SHOWN = 30;

/**
 * The unanswered questions as the host answers them: one row per product and
 * intent with how many asked, a few wordings (as text only) and one button
 * that marks them all answered.
 */
export function QuestionGroups() {
  const { t, fmt, intentLabel } = useI18n();
  const actions = useActions();
  const log = useAppStore((s) => s.commentLog);
  const version = useAppStore((s) => s.commentsVersion);
  const products = useAppStore((s) => s.snapshot?.products);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the log is mutated in place; its version says when it changed
  const groups = useMemo(() => questionGroups(log).slice(0, SHOWN), [log, version]);
  const titleOf = (productId: string | null) => (productId === null ? t('comments.group.wholeRoom') : (products?.find((p) => p.id === productId)?.title ?? productId));
  if (groups.length === 0) return <p className="empty">{t('comments.group.empty')}</p>;
  return (
    <ul className="question-groups" data-testid="question-groups">
      {groups.map((group) => (
        <li key={group.key} className="question-group" data-testid="question-group" data-count={group.ids.length} data-intent={group.intent}>
          <div className="question-group__head">
            <span className="tag tag--question">{intentLabel(group.intent)}</span>
            <span className="question-group__product">{clampText(titleOf(group.productId), 30)}</span>
            <span className="question-group__count num">×{fmt.count(group.ids.length)}</span>
          </div>
          <p className="question-group__examples">{group.examples.map((text) => `「${clampText(showEmojiCodes(text), 40)}」`).join(' ')}</p>
          <div className="question-group__foot">
            <span className="question-group__meta">{t('comments.group.asked', { count: fmt.count(group.ids.length), time: fmt.clock(group.firstAt) })}</span>
            <button type="button" className="button button--small" data-testid="question-group-answer" onClick={() => void actions.markCommentsAnswered(group.ids, true)}>
              {t('comments.group.answerAll')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
