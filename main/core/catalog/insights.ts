/**
 * What the audience asked about a product in past sessions: the stored
 * comments of the newest sessions (newest first, the scan capped), each
 * classified; the questions that name the product (by title, colour or cart
 * number), or name none while its card was shown (讲解中), or were asked in a
 * session that sold only this product, are
 * clustered by intent and audience key word (敏感肌, 孕妇, 165 ...).
 */
import { classifyComment, resolveProduct, type ProductInfo } from '../../../shared/comments/index.js';
import { clusterQuestions, type AskedQuestion, type PastQuestion } from '../../../shared/catalog/insights/propose.js';
import { eventSchemas, type Product } from '../../../shared/protocol/index.js';
import type { StoreReader } from '../store/reader.js';
import type { SessionKey } from '../store/types.js';

export interface MineOptions {
  /** Newest sessions to read. */
  maxSessions?: number;
  /** Comments to read across all of them, newest first. */
  maxComments?: number;
}

export const MINE_DEFAULTS = { maxSessions: 30, maxComments: 50_000 } as const;

/** "1号敏感肌能用吗" is shown as "敏感肌能用吗": the number named the product, not the question. */
const LEADING_REF = /^\s*(?:链接\s*)?(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*号(?:链接)?\s*[，,:：]?\s*/;

function sessionProducts(productsJson: string): ProductInfo[] {
  try {
    const parsed = JSON.parse(productsJson) as unknown;
    if (!Array.isArray(parsed)) return [];
    return (parsed as Product[]).filter((p) => typeof p?.id === 'string' && typeof p.title === 'string').map((p) => ({ id: p.id, title: p.title }));
  } catch {
    return [];
  }
}

/** Which product's card was shown at a seq (null: none), from the session's card events. */
function cardTimeline(reader: StoreReader, key: SessionKey): (seq: number) => string | null {
  const marks: { seq: number; productId: string | null }[] = [];
  for (const row of reader.cardEvents(key)) {
    let productId: string | null = null;
    try {
      const body = JSON.parse(row.body) as { productId?: unknown };
      if (row.type === 'card.shown' && typeof body.productId === 'string') productId = body.productId;
    } catch {
      // An unreadable card event hides the card: a wrong product is worse than none.
    }
    marks.push({ seq: row.seq, productId });
  }
  return (seq) => {
    // The last card event before `seq`, by binary search.
    let lo = 0;
    let hi = marks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid]!.seq < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? null : marks[lo - 1]!.productId;
  };
}

/** The past questions about `productId`, clustered; reads at most `maxComments` comments. */
export function mineAskedQuestions(reader: StoreReader, productId: string, options: MineOptions = {}): AskedQuestion[] {
  const maxSessions = options.maxSessions ?? MINE_DEFAULTS.maxSessions;
  let budget = options.maxComments ?? MINE_DEFAULTS.maxComments;
  const questions: PastQuestion[] = [];
  for (const session of reader.listSessions().slice(0, maxSessions)) {
    if (budget <= 0) break;
    const products = sessionProducts(session.productsJson);
    if (!products.some((p) => p.id === productId)) continue;
    const only = products.length === 1;
    const presenting = only ? null : cardTimeline(reader, session.key);
    const rows = reader.commentsBefore(session.key, Number.MAX_SAFE_INTEGER, budget);
    budget -= rows.length;
    for (const row of rows) {
      let body: unknown;
      try {
        body = JSON.parse(row.body);
      } catch {
        continue;
      }
      const parsed = eventSchemas.comment.safeParse(body);
      if (!parsed.success) continue;
      const { text, user } = parsed.data;
      const label = classifyComment(text);
      if (!label.question) continue;
      const named = resolveProduct(text, { products, onAir: presenting?.(row.seq) ?? null });
      if (named !== productId && !(named === null && (only || presenting?.(row.seq) === productId))) continue;
      questions.push({ text: text.replace(LEADING_REF, '') || text, intent: label.intent, user: user.id, session: String(session.key) });
    }
  }
  return clusterQuestions(questions);
}
