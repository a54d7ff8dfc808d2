import { describe, expect, it } from 'vitest';
import type { CommentView } from '../../shared/api/contract.js';
import { CommentLog } from './comment-log.js';
import { questionGroups } from './question-groups.js';

let seq = 0;
const question = (text: string, fields: Partial<CommentView> = {}): CommentView => {
  seq++;
  return { seq, id: `c${seq}`, ts: 1_000 * seq, userName: `u${seq}`, text, answered: false, intent: 'suitability', question: true, productId: 'p1', ...fields };
};

describe('question groups', () => {
  it('groups unanswered questions by product and intent, folds near-duplicate wordings, biggest group first', () => {
    const log = new CommentLog();
    const first = seq + 1;
    log.merge([
      question('哺乳期能用吗'),
      question('哺乳期能用吗？？'),
      question('哺乳期可以用吗'),
      question('多少钱', { intent: 'price' }),
      question('喂奶能用不'),
      question('敏感肌能用吗', { productId: 'p2' }),
      question('哺乳期能用吗', { answered: true }),
      { ...question('来了'), question: false, intent: 'other' },
    ]);
    const groups = questionGroups(log);
    expect(groups.map((g) => [g.productId, g.intent, g.ids.length])).toEqual([
      ['p1', 'suitability', 4],
      ['p1', 'price', 1],
      ['p2', 'suitability', 1],
    ]);
    expect(groups[0]!.examples).toEqual(['哺乳期能用吗？？', '喂奶能用不', '哺乳期可以用吗']);
    // How long the first has waited counts from the first asker.
    expect(groups[0]!.firstAt).toBe(1_000 * first);
  });
});
