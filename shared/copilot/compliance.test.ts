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
