/** Collects a tick's candidate suggestions: those cooling down and those whose line fails the 真诚经营 check never enter. */
import { checkLine, type LineContext } from '../compliance.js';
import { inChinese, type CueText } from './cue-text.js';
import type { EngineProduct, Suggestion, TickInput } from './types.js';

/** A suggestion before timing and merging: what it says (`say`) decides what it merges with. */
export type Candidate = Omit<Suggestion, 'createdAt' | 'expiresAt'> & { ttl: number; say: string; comments: readonly string[] };
/** A cue as raised: its line and reason as messages (the Chinese and the text for other readers are made from them). */
export type RaisedCue = Omit<Suggestion, 'createdAt' | 'expiresAt' | 'line' | 'reason' | 'text'> & { line: CueText; reason: CueText };
export type Add = (s: RaisedCue, ttl: number, options?: AddOptions) => void;
interface AddOptions {
  /** The statement it makes, when the line wraps it (最多人问的是价格（3 人），<the price line>); the line otherwise. A string is a statement of its own kind. */
  say?: CueText | string;
  /** The comments it answers: marking it marks them answered. */
  comments?: readonly string[];
  /** The gateway's stock, for the one line that quotes it. */
  stock?: number;
}

/** What a line says, for merging: width, case, spaces and punctuation do not change it. */
const normaliseLine = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

export function collect(
  input: TickInput,
  products: ReadonlyMap<string, EngineProduct>,
  coolDown: ReadonlyMap<string, number>,
): { candidates: Candidate[]; add: Add } {
  const { now } = input;
  const candidates: Candidate[] = [];
  const add: Add = (raised, ttl, options = {}) => {
    const until = coolDown.get(raised.id);
    if (until !== undefined && until > now) return;
    const s: Omit<Suggestion, 'createdAt' | 'expiresAt'> = {
      ...raised,
      line: inChinese(raised.line),
      reason: inChinese(raised.reason),
      text: { line: raised.line, reasons: [raised.reason] },
    };
    const product = s.productId !== null ? products.get(s.productId) : undefined;
    const category = s.productId !== null ? input.categories[s.productId] : undefined;
    // The product's title is the platform's listing (the card on air shows it), not a claim a template makes.
    const checked = s.kind !== 'buyingPoint' && product && product.title !== '' ? s.line.split(product.title).join(' ') : s.line;
    const context: LineContext = { price: product?.price ?? null, coupon: product?.coupon ?? null, stock: options.stock ?? null };
    if (checkLine(checked, category ?? 'other', context).length > 0) return;
    const say = options.say === undefined ? s.line : typeof options.say === 'string' ? options.say : inChinese(options.say);
    candidates.push({ ...s, ttl, say: `${s.productId ?? ''}|${normaliseLine(say)}`, comments: options.comments ?? [] });
  };
  return { candidates, add };
}
