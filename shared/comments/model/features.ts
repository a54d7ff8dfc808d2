/**
 * What the intent model reads of a comment: its character 1–3-grams (over
 * the normalised text, ^ and $ marking its edges, any number one mark #),
 * the lexicon's cues (which intent fired at which weight, or was cancelled)
 * and whether it asks something. An n-gram twice in a comment counts twice,
 * as in training.
 *
 * A feature is a number, not a string: an n-gram of up to three UTF-16 units
 * is its units side by side (48 bits) with its length above them, exact and
 * made without building a string — the hot path reads some forty features a
 * comment, and hashing forty fresh strings cost more than the rest of the
 * classifier. `featureName` and `featureKey` turn one into the other for the
 * model file and for the evidence a reading shows.
 */
import { tieBreak } from '../lexicon.js';

const UNIT = 0x10000;
const LENGTH = 2 ** 48;
/** Length 4 marks a cue (rank × 16 + weight) or the question reading. */
const CUE = 4 * LENGTH;
const QUESTION = CUE + 0xffff;
const CUE_MARK = '\u0001';

const numbers = /#?\d+(?:\.\d+)?/g;
const hasDigit = /\d/;
const spaces = /\s+/g;

/** Into `keys` (emptied first: the classifier reuses one list). */
export function modelFeatures(norm: string, scores: Uint8Array, question: boolean, keys: number[] = []): number[] {
  keys.length = 0;
  const plain = hasDigit.test(norm) ? norm.replace(numbers, '#') : norm;
  const text = `^${plain.replace(spaces, ' ').trim()}$`;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const a = text.charCodeAt(i);
    if (i > 0 && i < n - 1) keys.push(LENGTH + a);
    if (i + 2 <= n) {
      const ab = a * UNIT + text.charCodeAt(i + 1);
      keys.push(2 * LENGTH + ab);
      if (i + 3 <= n) keys.push(3 * LENGTH + ab * UNIT + text.charCodeAt(i + 2));
    }
  }
  for (let r = 0; r < scores.length; r++) if (scores[r]! > 0) keys.push(CUE + r * 16 + scores[r]!);
  if (question) keys.push(QUESTION);
  return keys;
}

/** A feature as a person (and the model file) reads it: the characters, or ␁ and the cue (price3, other9 = cancelled), or ␁?. */
export function featureName(key: number): string {
  if (key === QUESTION) return `${CUE_MARK}?`;
  if (key >= CUE) {
    const id = key - CUE;
    return `${CUE_MARK}${tieBreak[Math.floor(id / 16)]}${id % 16}`;
  }
  const length = Math.floor(key / LENGTH);
  let rest = key - length * LENGTH;
  const units: number[] = [];
  for (let i = 0; i < length; i++) {
    units.unshift(rest % UNIT);
    rest = Math.floor(rest / UNIT);
  }
  return String.fromCharCode(...units);
}

/** The inverse of featureName; NaN for a name no feature has. */
export function featureKey(name: string): number {
  if (name === `${CUE_MARK}?`) return QUESTION;
  if (name.startsWith(CUE_MARK)) {
    const match = /^(\D+)(\d+)$/.exec(name.slice(1));
    const rank = match ? tieBreak.indexOf(match[1] as (typeof tieBreak)[number]) : -1;
    return rank < 0 ? NaN : CUE + rank * 16 + Number(match![2]);
  }
  if (name.length < 1 || name.length > 3) return NaN;
  let key = 0;
  for (let i = 0; i < name.length; i++) key = key * UNIT + name.charCodeAt(i);
  return name.length * LENGTH + key;
}

export const isCueFeature = (name: string) => name.startsWith(CUE_MARK);
