/**
 * Unanswered questions grouped the way they are answered: one product and one
 * intent (哺乳期能用吗, 哺乳期可以用吗, 喂奶能用不 are one suitability question
 * about one product), with how many asked, a few of the wordings and how long
 * the first has waited, so one action answers them all.
 */
import type { CommentView } from '../../shared/api/contract.js';
import type { CommentIntent } from '../../shared/comments/intents.js';
import type { CommentLog } from './comment-log.js';
import { foldKey } from './comment-text.js';

export interface QuestionGroup {
  key: string;
  productId: string | null;
  intent: CommentIntent;
  /** Every unanswered question of the group, newest first. */
  ids: string[];
  /** Distinct wordings (near-duplicates folded), the most asked first, at most EXAMPLES. */
  examples: string[];
  firstAt: number;
}

const EXAMPLES = 3;
/** The newest unanswered questions looked at: a busy session holds 100,000 comments; the groups that matter are recent. */
const SCAN = 5_000;

export function questionGroups(log: CommentLog): QuestionGroup[] {
  const groups = new Map<string, QuestionGroup & { wordings: Map<string, { text: string; n: number }> }>();
  let scanned = 0;
  for (let i = log.size - 1; i >= 0 && scanned < SCAN; i--) {
    const comment: CommentView = log.at(i)!;
    if (!comment.question || comment.answered) continue;
    scanned++;
    const key = `${comment.productId ?? ''}|${comment.intent}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, productId: comment.productId, intent: comment.intent, ids: [], examples: [], firstAt: comment.ts, wordings: new Map() };
      groups.set(key, group);
    }
    group.ids.push(comment.id);
    group.firstAt = Math.min(group.firstAt, comment.ts);
    const fold = foldKey(comment.text);
    const wording = group.wordings.get(fold);
    if (wording) wording.n++;
    else group.wordings.set(fold, { text: comment.text, n: 1 });
  }
  return [...groups.values()]
    .map(({ wordings, ...group }) => ({ ...group, examples: [...wordings.values()].sort((a, b) => b.n - a.n).slice(0, EXAMPLES).map((w) => w.text) }))
    .sort((a, b) => b.ids.length - a.ids.length || a.firstAt - b.firstAt);
}
