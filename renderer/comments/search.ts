import type { CommentView } from '../../shared/api/contract.js';

const searchable = (text: string) => text.normalize('NFKC').toLowerCase();

/** Each comment's searchable text, made once: a search re-runs over every comment held on each keystroke. */
const searchableTexts = new WeakMap<CommentView, string>();

function searchableText(comment: CommentView): string {
  let text = searchableTexts.get(comment);
  if (text === undefined) {
    // The name and the text, apart, so a match never spans the two.
    text = `${searchable(comment.userName)}\n${searchable(comment.text)}`;
    searchableTexts.set(comment, text);
  }
  return text;
}

/**
 * A match for the comment search box: the words typed, in the comment's text
 * or its author's name, ignoring case and full-width forms. Null for an empty
 * query (no search).
 */
export function commentSearch(query: string): ((comment: CommentView) => boolean) | null {
  const wanted = searchable(query.trim());
  if (wanted === '') return null;
  return (comment) => searchableText(comment).includes(wanted);
}
