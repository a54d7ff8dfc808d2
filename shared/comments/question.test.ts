/**
 * "Waits for an answer" drives the console's unanswered-question timer, so
 * a retort or a cheer must not start it and a plea for the link must.
 */
import { describe, expect, it } from 'vitest';
import { normalise } from './normalise.js';
import { readQuestion } from './question.js';

const asks = (text: string) => readQuestion(normalise(text)).question;

describe('readQuestion', () => {
  it('hears the asking particles, question words and A-not-A forms', () => {
    for (const text of [
      '这款有小码吗',
      '我的单号呢',
      '面霜适合我吗？',
      '一共几件',
      '送到广州要多久',
      '这个怎么拆',
      '手机壳哪里能买到',
      '辣不辣',
      '有没有大一号的',
      '能不能便宜点',
      '羊皮还是牛皮',
      '包邮不',
      '发货了没',
      'is it waterproof?',
    ]) {
      expect(asks(text), text).toBe(true);
    }
  });

  it('counts a request to the host as waiting for an answer', () => {
    for (const text of ['求返场', '快上链接', '加库存加库存', '成分表发一下', '再讲一遍价格', '报个价呗', '蹲一个链接']) {
      expect(asks(text), text).toBe(true);
    }
  });

  it('counts a problem still open as waiting for an answer', () => {
    for (const text of ['退款一直没到账', '客服不理人', '优惠券领不了', '购物车加载不出来', '拍的是白色 发错了']) {
      expect(asks(text), text).toBe(true);
    }
  });

  it('hears a worried check, a deal out of reach and a bare position to put up', () => {
    for (const text of ['不辣吧', '没有香精吧', '不是假的吧', '优惠券领不到', '上5号']) {
      expect(asks(text), text).toBe(true);
    }
    for (const text of ['还不错吧', '不是吧', '不买了吧', '用着还是干', '一斤才几块', '上5号链接了']) {
      expect(asks(text), text).toBe(false);
    }
  });

  it('does not take a retort or an exclamation for a question', () => {
    for (const text of ['正品？骗鬼呢 我信你个鬼', '这也叫大码？？', '就这还卖两百多？抢钱呢', '怎么这么好看', '别问了 主播说了没有']) {
      expect(asks(text), text).toBe(false);
    }
  });

  it('does not take words that only look like questions for one', () => {
    for (const text of ['买了好几次了', '多少钱都愿意', '什么都好看', '哪里都买不到这个价', '每天都来蹲']) {
      expect(asks(text), text).toBe(false);
    }
  });

  it('ignores a request the buyer takes back', () => {
    expect(asks('不用上链接了 买过了')).toBe(false);
  });

  it('names what decided it', () => {
    expect(readQuestion(normalise('甜不甜')).cue).toBe('甜不甜');
    expect(readQuestion(normalise('抢钱呢')).cue).toBe('抢钱');
    expect(readQuestion(normalise('主播真好看')).cue).toBeNull();
  });
});
