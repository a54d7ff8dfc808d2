import { describe, expect, it } from 'vitest';
import type { EventOf } from '../../../shared/protocol/index.js';
import { CommentFeed, CommentWindow } from './comment-window.js';

const comment = (seq: number, text: string): EventOf<'comment'> => ({ seq, ts: 1_000 + seq, type: 'comment', id: `c${seq}`, user: { id: `u${seq}`, name: `观众${seq}` }, text });
const products = [
  { id: 'cream', title: '修护面霜' },
  { id: 'serum', title: '精华液' },
  { id: 'mask', title: '补水面膜' },
];

describe('CommentWindow', () => {
  it('lists the newest comments, each classified with its product resolved', () => {
    const window = new CommentWindow(2);
    window.add(comment(1, '主播好美'), null);
    window.add(comment(2, '3号多少钱'), null);
    window.add(comment(3, '已拍两瓶'), null);
    const [price, bought] = window.list(products);
    expect(window.list(products)).toHaveLength(2);
    expect(price).toMatchObject({ seq: 2, intent: 'price', question: true, productId: 'mask', answered: false });
    expect(bought).toMatchObject({ seq: 3, intent: 'purchased', question: false });
  });

  it('clamps a long comment and drops a retracted one', () => {
    const window = new CommentWindow(10);
    window.add(comment(1, '啊'.repeat(1_000)), null);
    window.add(comment(2, '怎么用'), null);
    window.retract(['c2']);
    const [long] = window.list(products);
    expect(window.list(products)).toHaveLength(1);
    expect(long!.text).toHaveLength(301);
    expect(long!.text.endsWith('…')).toBe(true);
  });
});

describe('CommentWindow and the card on air', () => {
  it('reads "this one" as the product whose card was on air when the comment arrived, not when it is listed', () => {
    const window = new CommentWindow(5);
    window.add(comment(1, '这个多少钱'), 'serum');
    window.add(comment(2, '这个多少钱'), 'mask');
    window.add(comment(3, '这个多少钱'), null);
    expect(window.list(products).map((c) => c.productId)).toEqual(['serum', 'mask', null]);
  });
});

describe('CommentWindow.describe', () => {
  it('classifies a comment once for every asker, after it leaves the window too, a bounded number of them', () => {
    const window = new CommentWindow(2);
    const first = comment(1, '3号多少钱');
    window.add(first, null);
    const [listed] = window.list(products);
    expect(window.describe(first, products)).toBe(listed); // the co-pilot gets the UI's reading
    for (let seq = 2; seq <= 5; seq++) window.add(comment(seq, '怎么用'), null);
    expect(window.list(products).map((c) => c.seq)).toEqual([4, 5]);
    expect(window.describe(first, products)).toBe(listed); // scrolled out, asked for by a UI's history
    for (let seq = 6; seq <= 30; seq++) window.describe(comment(seq, '已拍'), products);
    const again = window.describe(first, products);
    expect(again).not.toBe(listed); // ten windows later it is read again, the same way
    expect(again).toEqual(listed);
  });

  it('forgets the reading of a retracted comment', () => {
    const window = new CommentWindow(5);
    const spam = comment(1, '加V领券');
    window.add(spam, null);
    const [listed] = window.list(products);
    window.retract(['c1']);
    expect(window.list(products)).toEqual([]);
    expect(window.describe(spam, products)).not.toBe(listed);
  });
});

describe('CommentFeed', () => {
  it('hands over the comments since the last take, at most its capacity, the newest kept, unclassified', () => {
    const feed = new CommentFeed(3);
    for (let seq = 1; seq <= 10; seq++) feed.add(comment(seq, `第${seq}条`), seq === 9 ? 'cream' : null);
    const taken = feed.take();
    expect(taken.comments.map((c) => c.seq)).toEqual([8, 9, 10]);
    expect(taken.dropped).toBe(7);
    expect(taken.comments[0]).toEqual({ seq: 8, id: 'c8', ts: 1_008, text: '第8条', user: { id: 'u8', name: '观众8' }, onAir: null });
    expect(taken.comments[1]!.onAir).toBe('cream');
    expect(feed.take()).toEqual({ comments: [], dropped: 0 });
  });
});
