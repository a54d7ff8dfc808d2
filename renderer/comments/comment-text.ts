/**
 * What makes two live comments "the same" for folding: 多少钱？？, 多少钱?
 * and ＤＵＯ少钱 are one question; 666 and 66666 are one cheer.
 */

/** Punctuation, symbols (emoji included), spaces, controls and emoji variation selectors. */
const NOISE = /[\p{P}\p{S}\p{Z}\p{C}\ufe0e\ufe0f]/gu;
const SPACE = /[\p{Z}\s\ufe0e\ufe0f\u200d]/gu;
const REPEATS = /(.)\1+/gu;

/**
 * The fold key: NFKC (full-width → half-width, ㎏ → kg), lower case, noise
 * removed, runs of one character collapsed. A comment of only emoji or
 * punctuation keeps its symbols, so "❤️❤️" still folds with "❤️" and not with "？".
 */
export function foldKey(text: string): string {
  const plain = text.normalize('NFKC').toLowerCase();
  const words = plain.replace(NOISE, '');
  const kept = words.length > 0 ? words : plain.replace(SPACE, '');
  return kept.replace(REPEATS, '$1');
}

/** At most this many characters of a comment are shown; the host clamps too, this is the page's own guard. */
export const MAX_COMMENT_CHARS = 300;

/** Clamps by characters (code points), never splitting an emoji's surrogate pair. */
export function clampText(text: string, max = MAX_COMMENT_CHARS): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}
