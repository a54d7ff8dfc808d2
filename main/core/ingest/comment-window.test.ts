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

describe('CommentWindow.described', () => {
  it('gives a listed comment as it was classified, until it leaves the window or is retracted', () => {
    const window = new CommentWindow(2);
    window.add(comment(1, '3号多少钱'), null);
    expect(window.described('c1')).toBeUndefined(); // not listed yet: nothing was classified
    const [listed] = window.list(products);
    expect(window.described('c1')).toBe(listed);
    window.add(comment(2, '怎么用'), null);
    window.add(comment(3, '已拍'), null);
    window.list(products);
    expect(window.described('c1')).toBeUndefined(); // pushed out by newer comments
    window.retract(['c3']);
    expect(window.described('c3')).toBeUndefined();
    expect(window.described('c2')).toMatchObject({ intent: 'usage', question: true });
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
