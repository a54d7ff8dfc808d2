import { memo } from 'react';
import { commentFilters } from '../../comments/filters.js';
import type { CommentRow } from '../../comments/folded-comments.js';
import { showEmojiCodes } from '../../../shared/comments/emoji-codes.js';
import { clampText } from '../../comments/comment-text.js';
import { useActions, useAppStore, useI18n } from '../app-context.js';
import { VirtualList } from '../common/VirtualList.js';
import { QuestionGroups } from './QuestionGroups.js';

/** Fixed row height: two lines of text, the header line and padding. */
const ROW_HEIGHT = 64;
const MAX_NAME_CHARS = 24;

/**
 * The live comment stream, folded and filtered, virtualised. Comments are
 * hostile input: they are only ever React text, clamped in length.
 */
export function CommentStream() {
  const { t, fmt } = useI18n();
  const rows = useAppStore((s) => s.commentRows);
  const version = useAppStore((s) => s.commentsVersion);
  const filter = useAppStore((s) => s.commentFilter);
  const setFilter = useAppStore((s) => s.setCommentFilter);
  const query = useAppStore((s) => s.commentQuery);
  const setQuery = useAppStore((s) => s.setCommentQuery);
  const total = useAppStore((s) => s.commentLog.size);

  return (
    <section className="panel comments">
      <div className="comments__head">
        <h3 className="panel__title">
          {t('comments.title')}
          <span className="comments__total num" data-testid="comment-count" data-value={total}>
            {t('comments.total', { count: fmt.count(total) })}
          </span>
        </h3>
        <div className="segmented" role="tablist">
          {commentFilters.map((f) => (
            <button
              key={f}
              type="button"
              role="tab"
              aria-selected={f === filter}
              className={`segmented__item ${f === filter ? 'segmented__item--active' : ''}`}
              data-testid={`comment-filter-${f}`}
              onClick={() => setFilter(f)}
            >
              {t(`comments.filter.${f}`)}
              {f === 'all' ? null : <FilterCount filter={f} />}
            </button>
          ))}
        </div>
      </div>
      <input
        className="input comments__search"
        type="search"
        value={query}
        placeholder={t('comments.search')}
        aria-label={t('comments.search')}
        data-testid="comment-search"
        onChange={(e) => setQuery(e.target.value)}
      />
      {filter === 'groups' ? (
        <QuestionGroups />
      ) : rows.length === 0 ? (
        <p className="empty">{total === 0 ? t('comments.empty') : t('comments.emptyFiltered')}</p>
      ) : (
        <VirtualList
          className="comments__list"
          testId="comment-list"
          count={rows.length}
          rowHeight={ROW_HEIGHT}
          contentVersion={version}
          renderRow={(index) => <CommentRowView row={rows[index]!} />}
          newRowsLabel={(count) => t('comments.newBelow', { count: fmt.count(count) })}
        />
      )}
    </section>
  );
}

function FilterCount({ filter }: { filter: (typeof commentFilters)[number] }) {
  const { fmt } = useI18n();
  const count = useAppStore((s) => s.commentLog.count(filter));
  return <span className="segmented__count num">{fmt.count(count)}</span>;
}

const CommentRowView = memo(function CommentRowView({ row }: { row: CommentRow }) {
  const { t, fmt, intentLabel } = useI18n();
  const actions = useActions();
  const { comment, count } = row;
  const text = clampText(showEmojiCodes(comment.text));
  const kind = comment.intent === 'purchased' ? 'purchase' : comment.question ? (comment.answered ? 'answered' : 'question') : 'plain';
  return (
    <div className={`comment comment--${kind}`} data-testid="comment-row" data-seq={comment.seq}>
      <div className="comment__meta">
        <time className="comment__time num">{fmt.clock(comment.ts)}</time>
        <span className="comment__user">{clampText(comment.userName, MAX_NAME_CHARS)}</span>
        {comment.intent !== 'other' ? <span className={`tag tag--${kind}`}>{intentLabel(comment.intent)}</span> : null}
        {comment.question && comment.intent === 'other' ? <span className="tag tag--question">{t('comments.question')}</span> : null}
        {comment.answered ? <span className="tag tag--answered">{t('comments.answered')}</span> : null}
        {count > 1 ? (
          <span className="comment__fold num" title={t('comments.folded', { count })} data-testid="comment-fold">
            ×{count}
          </span>
        ) : null}
      </div>
      <p className="comment__text" title={text}>
        {text}
      </p>
      <div className="comment__actions">
        {comment.question ? (
          <button type="button" className="button button--small" onClick={() => void actions.markRowAnswered(row, !comment.answered)}>
            {comment.answered ? t('comments.markUnanswered') : t('comments.markAnswered')}
          </button>
        ) : null}
        <button type="button" className="button button--small" onClick={() => void actions.pinComment(comment.id)}>
          {t('comments.pin')}
        </button>
      </div>
    </div>
  );
});
