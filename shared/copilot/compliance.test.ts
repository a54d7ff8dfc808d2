import { describe, expect, it } from 'vitest';
import { checkLine } from './compliance.js';

describe('checkLine', () => {
  it('flags the absolute terms of the advertising law, naming the words that fired', () => {
    expect(checkLine('全网最低价，销量第一', 'apparel').map((f) => f.term)).toEqual(['全网最', '第一']);
    expect(checkLine('国家级配方，100%纯天然', 'food').map((f) => f.kind)).toEqual(['absolute', 'absolute']);
    expect(checkLine('永久不掉色', 'apparel')).toEqual([{ kind: 'absolute', term: '永久' }]);
  });

  it('flags medical claims for cosmetics and food, not for a phone case', () => {
    expect(checkLine('三天祛痘，还能消炎', 'skincare').map((f) => f.term)).toEqual(['祛痘']);
    expect(checkLine('喝了降血糖', 'food')).toEqual([{ kind: 'medical', term: '降血糖' }]);
    expect(checkLine('抗菌涂层', 'digital')).toEqual([]);
  });

  it('lets an honest line through', () => {
    expect(checkLine('敏感肌姐妹换季泛红，用它之前先在耳后试一下，我们有第三方检测报告', 'skincare')).toEqual([]);
    expect(checkLine('165/50 穿 M 码刚好，腰不勒', 'apparel')).toEqual([]);
  });
});

describe('checkLine: 真诚经营, no invented scarcity or prices', () => {
  const kinds = (line: string, context = {}) => checkLine(line, 'apparel', context).map((f) => f.kind);

  it('flags the live-stream pressure phrases by family, not by sentence, naming the words', () => {
    const pressure = [
      '仅剩2件了', '就剩最后两单', '只剩最后3件', '最后几件，要的抓紧', '最后一波福利', '限量500份', '限时秒杀', '今晚截止', '数量有限',
      '库存告急', '所剩无几', '上架就秒光', '卖光了就没了', '手慢无', '先到先得', '马上就要售罄', '马上涨价', '下一场就要涨价',
      '待会儿恢复原价', '错过再等一年', '过了今天就没有这个价', '今天过后就没了', '仅此一次', '只有今晚', '倒计时开始', '最后5分钟',
    ];
    for (const line of pressure) expect(kinds(line), line).toContain('scarcity');
    expect(checkLine('只剩最后3件，手慢无', 'apparel').filter((f) => f.kind === 'scarcity').map((f) => f.term)).toEqual(['只剩', '手慢无']);
  });

  it('a stock count is a fact only when it is the gateway’s stock now', () => {
    expect(checkLine('库存还剩 7 件', 'apparel')).toEqual([{ kind: 'scarcity', term: '库存还剩 7 件' }]);
    expect(checkLine('库存还剩 7 件', 'apparel', { stock: 8 })).toEqual([{ kind: 'scarcity', term: '库存还剩 7 件' }]);
    expect(checkLine('库存还剩 7 件', 'apparel', { stock: 7 })).toEqual([]);
    // A pressure phrase stays a pressure phrase even when the count is true.
    expect(kinds('只剩 7 件', { stock: 7 })).toEqual(['scarcity']);
  });

  it('a money figure must be the product’s actual price; without a known price every figure is unverifiable', () => {
    const at199 = { price: 19_900 };
    for (const line of ['¥199 带回家', '￥ 199', '现在 199 元', '199块钱', '到手价199', '价格是：199']) expect(checkLine(line, 'apparel', at199), line).toEqual([]);
    expect(checkLine('¥129.50', 'apparel', { price: 12_950 })).toEqual([]);
    // Grouped digits, as the number formatter writes a price, are the same figure.
    expect(checkLine('现在的价格是 ¥1,299', 'apparel', { price: 129_900 })).toEqual([]);
    expect(checkLine('到手价12,999.50元', 'apparel', { price: 1_299_950 })).toEqual([]);
    expect(checkLine('只要 ¥1,199', 'apparel', { price: 129_900 })).toEqual([{ kind: 'price', term: '¥1,199' }]);
    expect(checkLine('99块9一瓶', 'apparel', { price: 9_990 })).toEqual([]);
    expect(checkLine('到手价99包邮', 'apparel', at199)).toEqual([{ kind: 'price', term: '到手价99' }]);
    expect(checkLine('今天只要 ¥99', 'apparel', at199)).toEqual([{ kind: 'price', term: '¥99' }]);
    expect(checkLine('直降50', 'apparel', at199)).toEqual([{ kind: 'price', term: '直降50' }]);
    expect(checkLine('九十九元', 'apparel', at199)).toEqual([{ kind: 'price', term: '九十九元' }]);
    expect(checkLine('全场5折', 'apparel', at199)).toEqual([{ kind: 'price', term: '5折' }]);
    expect(checkLine('¥199', 'apparel')).toEqual([{ kind: 'price', term: '¥199' }]);
    expect(checkLine('现在 199 元', 'apparel', { price: null })).toEqual([{ kind: 'price', term: '199 元' }]);
  });

  it('the merchant’s coupon can be quoted, with the price after it; an invented one cannot', () => {
    const context = { price: 19_900, coupon: '满199减30' };
    expect(checkLine('领券满199减30，到手169', 'apparel', context)).toEqual([]);
    expect(checkLine('领券立减20元，到手179', 'apparel', { price: 19_900, coupon: '领券立减20元' })).toEqual([]);
    expect(checkLine('领券满199减30，到手149', 'apparel', context)).toEqual([{ kind: 'price', term: '到手149' }]);
    expect(checkLine('领券满199减30，到手169', 'apparel', { price: 19_900 }).map((f) => f.term)).toEqual(['减30', '到手169']);
    // The threshold must be met for the price after it to be real.
    expect(checkLine('到手169', 'apparel', { price: 15_900, coupon: '满199减30' })).toEqual([{ kind: 'price', term: '到手169' }]);
  });

  it('does not mistake counts, sizes and measure words for prices or scarcity', () => {
    for (const line of [
      '165/50 穿 M 码刚好，腰不勒',
      '三折叠伞放包里不占地方',
      '3块肥皂一起装',
      '只要3天就能收到',
      '最后给大家看一下质地',
      '下班回家不想折腾的朋友，能省一点是一点',
      '还剩下的问题我一个个回答',
    ]) {
      expect(checkLine(line, 'home'), line).toEqual([]);
    }
  });

  it('names each kind distinctly: a line can be flagged for scarcity and price at once', () => {
    expect(checkLine('只剩最后3件，马上恢复原价199', 'skincare', { price: 15_900 })).toEqual([
      { kind: 'scarcity', term: '只剩' },
      { kind: 'scarcity', term: '恢复原价' },
      { kind: 'price', term: '原价199' },
    ]);
  });
});
