/**
 * Finds where each element of a JSON array lies in its text, without parsing
 * it. The store keeps each event exactly as the gateway sent it (its own
 * bytes, its own key order, fields this version does not know), and slicing
 * the wire text is much cheaper than serializing the parsed object again.
 *
 * The text must be valid JSON (it was parsed before); the scan only tracks
 * nesting depth and string literals.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Calls `element(start, end)` for each top-level element of the array in
 * `text` (end exclusive, surrounding whitespace trimmed). Returns the count.
 */
export function forEachArrayElement(text: string, element: (start: number, end: number) => void): number {
  let i = 0;
  const n = text.length;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== OPEN_BRACKET) throw new Error('expected a JSON array');
  i++;
  let count = 0;
  let depth = 0;
  let start = -1;
  let inString = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) {
      inString = true;
      if (start < 0) start = i;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (start < 0) start = i;
      depth++;
    } else if (c === CLOSE_BRACE || (c === CLOSE_BRACKET && depth > 0)) {
      depth--;
    } else if (depth === 0 && (c === COMMA || c === CLOSE_BRACKET)) {
      if (start >= 0) {
        let end = i;
        while (isSpace(text.charCodeAt(end - 1))) end--;
        element(start, end);
        count++;
      }
      start = -1;
      if (c === CLOSE_BRACKET) return count;
    } else if (start < 0 && !isSpace(c)) {
      start = i;
    }
  }
  throw new Error('unterminated JSON array');
}
