/**
 * Product references: the console groups questions by product, so "#7多少钱"
 * must land on product 7 and "11月7号到吗" on none.
 */
import { describe, expect, it } from 'vitest';
import { normalise } from './normalise.js';
import shippedWords from './product-words.json' with { type: 'json' };
import { findProductRef, parseProductWords, resolveProduct, type ProductInfo } from './product-ref.js';
import { resolutionFigures } from './testing/product-refs.js';

const ref = (text: string) => findProductRef(normalise(text))?.position ?? null;

describe('findProductRef', () => {
  it.each([
    ['7号多少钱', 7],
    ['七号多少钱', 7],
    ['十一号链接在哪', 11],
    ['#7 有赠品吗', 7],
    ['7#有赠品吗', 7],
    ['链接7是哪个', 7],
    ['链接七是哪个', 7],
    ['7号链接还有吗', 7],
    ['第七个链接怎么买', 7],
    ['要7', 7],
    ['主播上9吧', 9],
    ['7️⃣多少钱', 7],
    ['７号有货吗', 7],
    ['柒号还有吗', 7],
    ['how much is item 4', 4],
  ])('%s → %s', (text, expected) => {
    expect(ref(text)).toBe(expected);
  });

  it('ignores numbers that are dates, shades, quantities, sizes, prices or body measures', () => {
    for (const text of [
      '11月7号能到吗',
      '7号前能发货吗',
      '这个是7号色吗',
      '口红520色号还有吗',
      '买第二个有优惠吗',
      '第三次买了',
      '要两罐',
      '要3个',
      '满200减多少',
      '原价199',
      '160 95斤穿什么码',
      '宝宝6个月能用吗',
      '1.2米的床能用吗',
      '几号链接',
      '14号圈口还有吗',
      '平时穿37号 这款拍几码',
      '37号脚穿多大',
      '这是我买的第三个扫地机了',
      '第二个了 上个用了三年',
    ]) {
      expect(ref(text), text).toBeNull();
    }
  });

  it('takes the first position named, skipping one the buyer turns away from', () => {
    expect(ref('4号和6号哪个好')).toBe(4);
    expect(ref('不要上4号了 上6号')).toBe(6);
    expect(ref('四号不要了 六号还有吗')).toBe(6);
    expect(ref('包包在3号链接 不用问了')).toBe(3);
    expect(ref('5号后盖是玻璃的吗')).toBe(5);
  });

  it('names the text that gave it away, for the label cues', () => {
    expect(findProductRef(normalise('三号链接多少钱'))?.cue).toBe('3号');
  });
});

describe('resolveProduct', () => {
  const cart: ProductInfo[] = [
    { id: 'serum', position: 1, title: '烟酰胺亮肤精华 30ml' },
    { id: 'cushion', position: 2, title: '水光气垫粉底', colors: ['象牙白', '自然色'] },
    { id: 'hoodie', position: 3, title: '加绒连帽卫衣', colors: ['粉色', '灰色', '黑色'] },
    { id: 'tee', position: 4, title: '纯棉短袖T恤', colors: ['white', 'black'] },
    { id: 'lipstick', position: 5, title: '丝绒雾面口红', colors: ['枣红'] },
  ];

  it('resolves a cart position to the product at that position', () => {
    expect(resolveProduct('3号多少钱呀', cart)).toBe('hoodie');
    expect(resolveProduct('链接五还有吗', cart)).toBe('lipstick');
    expect(resolveProduct('9号呢', cart)).toBeNull();
  });

  it('uses the list order when products carry no position', () => {
    const unnumbered = cart.map(({ id, title }) => ({ id, title }));
    expect(resolveProduct('#2 有小样吗', unnumbered)).toBe('cushion');
  });

  it('resolves a colour only one product comes in, in Chinese or English', () => {
    expect(resolveProduct('粉色那件还有吗', cart)).toBe('hoodie');
    expect(resolveProduct('the pink one please', cart)).toBe('hoodie');
    expect(resolveProduct('红色的口红显白吗', cart)).toBe('lipstick');
  });

  it('narrows a colour several products come in by the title', () => {
    expect(resolveProduct('黑色的卫衣起球吗', cart)).toBe('hoodie');
    expect(resolveProduct('black tee 是纯棉吗', cart)).toBe('tee');
  });

  it('resolves a product named by a word of its title', () => {
    expect(resolveProduct('那个精华敏感肌能用吗', cart)).toBe('serum');
    expect(resolveProduct('气垫会卡粉吗', cart)).toBe('cushion');
  });

  it('gives null when nothing or several products fit equally', () => {
    expect(resolveProduct('主播真好看', cart)).toBeNull();
    expect(resolveProduct('黑色的还有吗', cart)).toBeNull();
    expect(resolveProduct('3号多少钱呀', [])).toBeNull();
  });
});

describe('resolveProduct in a room: the line-up and the card on air', () => {
  const lineUp: ProductInfo[] = [
    { id: 'dress', position: 1, title: '法式碎花连衣裙', colors: ['蓝色', '白色'] },
    { id: 'cardigan', position: 2, title: '短款针织开衫', colors: ['白色', '黑色'] },
    { id: 'sneakers', position: 3, title: '厚底小白鞋' },
    { id: 'tote', position: 4, title: '通勤托特包', colors: ['黑色'] },
  ];
  const room = (onAir: string | null) => ({ products: lineUp, onAir });

  it('reads "this one" as the card on air, and as nothing when no card is on air', () => {
    expect(resolveProduct('这个多少钱', room('cardigan'))).toBe('cardigan');
    expect(resolveProduct('主播手上的还有吗', room('tote'))).toBe('tote');
    expect(resolveProduct('这个多少钱', room(null))).toBeNull();
  });

  it('lets a position, a colour or a title word outweigh the card on air', () => {
    expect(resolveProduct('这个3号有吗', room('dress'))).toBe('sneakers');
    expect(resolveProduct('这个蓝色的显黑吗', room('cardigan'))).toBe('dress');
    expect(resolveProduct('开衫起球吗', room('dress'))).toBe('cardigan');
  });

  it('reads a measure word only one product takes as that product', () => {
    expect(resolveProduct('那双码数正吗', room('dress'))).toBe('sneakers');
    expect(resolveProduct('这条白色的有m吗', room('sneakers'))).toBe('dress'); // 白: dress and cardigan; 条: a dress, not a cardigan
  });

  it('reads a shoe size beyond the cart as the shoes, not a position', () => {
    expect(resolveProduct('38号还有吗', room('dress'))).toBe('sneakers');
    expect(resolveProduct('38号还有吗', { products: lineUp.filter((p) => p.id !== 'sneakers'), onAir: 'dress' })).toBeNull();
    expect(resolveProduct('9号呢', room('dress'))).toBeNull();
  });

  it('does not guess "the left one": it names a product only with a colour, title or measure word', () => {
    expect(resolveProduct('左边这个多少钱', room('dress'))).toBeNull();
    expect(resolveProduct('左边那双多少钱', room('dress'))).toBe('sneakers');
    expect(resolveProduct('白色的还有吗', room('dress'))).toBeNull(); // dress and cardigan
  });

  it('in a one-product room, names the product only when the comment points at it', () => {
    const one = { products: [lineUp[0]!], onAir: null };
    expect(resolveProduct('这个能机洗吗', one)).toBe('dress');
    expect(resolveProduct('主播几点下播', one)).toBeNull();
  });

  it('refuses a broken product-words file, naming the place', () => {
    expect(() => parseProductWords(shippedWords)).not.toThrow();
    expect(() => parseProductWords({ ...shippedWords, measureWords: { 双双: ['鞋'] } })).toThrow(/measureWords/);
    expect(() => parseProductWords({ ...shippedWords, onAir: [] })).toThrow(/onAir/);
  });
});

describe('resolveProduct on data/comments/product-refs.json (200 comments in five rooms, labelled by another writer)', () => {
  it('points at the product a careful assistant would at least 9 times in 10, and rarely at a wrong one', () => {
    const figures = resolutionFigures();
    expect(figures.comments).toBe(200);
    expect(figures.accuracy, JSON.stringify(figures.misses, null, 1)).toBeGreaterThanOrEqual(0.9);
    expect(figures.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('refuses a set whose comments name a product their room does not have', () => {
    const set = { rooms: [{ id: 'r', category: 'food', products: [{ id: 'p1', position: 1, title: '牛肉干' }] }], comments: [{ room: 'r', onAir: null, text: '这个', product: 'p9', why: 'onAir' }] };
    expect(() => resolutionFigures(set)).toThrow(/no product p9 in r/);
  });
});
