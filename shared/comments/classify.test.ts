/**
 * What the assistant's console shows for a comment: its intent, whether it
 * waits for an answer, the product it names, and why. Phrasings are written
 * for these tests (several per intent, in the registers real rooms use:
 * slang, typos, traditional characters, full-width digits, emoji); the
 * labelled sets in testing/ check the overall figures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyComment } from './classify.js';
import { evaluate, labelledCommentSchema, missedBars } from './eval.js';
import type { CommentIntent } from './intents.js';

const phrasings: Record<CommentIntent, string[]> = {
  price: ['这款洗衣液多少钱一桶', '直播间到手价是多少', '报个价 主播', '多少米啊', '這個怎麼賣', '拖鞋单价多少', 'how much for two'],
  spec: ['羽绒服有几个颜色', '行李箱多少寸', '175 140斤穿什么码', '杯子容量多大', '一包多少抽', '这款有米白色吗', '被套是1.5米的吗'],
  suitability: ['混油皮能用这个粉底吗', '哺乳期可以喝吗', '小个子能驾驭这件大衣吗', '三岁宝宝能用吗', '痛风的人能吃吗', '我妈七十了用这个手机方便吗'],
  efficacy: ['这个面膜补水效果怎么样', '会不会掉色', '持妆能到下午吗 会不会脱妆', '咸不咸', '用了半个月 痘印淡了很多', '这锅不粘吗 真的不粘吗'],
  ingredient: ['面料是纯棉的吗', '有没有加防腐剂', '里面填充的是什么', '含不含酒精', '配料表里有没有白砂糖', '表带什么材质'],
  usage: ['精华怎么用', '可以直接冲泡吗', '先涂防晒还是先涂隔离', '能放洗碗机洗吗', '一天喝几次', '面膜敷几分钟'],
  shipping: ['几号能发货', '发的什么快递', '新疆能包邮吗', '今天下单明天能到吗', '冷链发货吗', '拍了五天了还没发货'],
  link: ['链接呢', '小黄车第几个是主播身上这件', '求个链接', '在哪里拍', '上链接上链接', '怎么下单啊 找不到'],
  promotion: ['有没有优惠券', '买两件能打折吗', '赠品是什么', '满减怎么用', '福袋几点开奖', '还能再便宜点不'],
  stock: ['白色还有货吗', '什么时候补货', 'XL没了吗', '手慢了 没抢到 还会补吗', '加点库存吧！！', '售罄了？'],
  aftersales: ['不合适可以退吗', '收到漏液了怎么办', '带运费险吗', '保修多久', '坏了能换新的吗', '退款怎么还没到账'],
  authenticity: ['是正品吗', '有防伪码吗', '会不会是高仿', '跟专柜的一样吗', '是官方授权的吗', '是不是翻新机'],
  purchased: ['已拍两件', '下单了 坐等收货', '回购第三次了', '拍下了拍下了', '刚付款', '入手了'],
  other: ['主播晚上好', '来啦来啦', '666666', '主播今天的发型好看', '哈哈哈笑死', '打卡打卡'],
  spam: ['点我头像有同款便宜货', '私信我领内部优惠', '加V看主页有福利', '同款某宝只要39 别在这买', '兼职日结 宝妈在家可做', '加我vx: mei_li888 拿货更便宜', 'www.xxx.com 同款半价'],
};

describe('classifyComment: the intents of COMMENTS.md', () => {
  for (const [intent, texts] of Object.entries(phrasings)) {
    it.each(texts)(`${intent}: %s`, (text) => {
      expect(classifyComment(text).intent).toBe(intent);
    });
  }
});

describe('classifyComment: hard cases', () => {
  it('a negated ask is not that ask', () => {
    expect(classifyComment('不是问价格 问的是有没有小码').intent).toBe('spec');
    expect(classifyComment('不用上链接了 已经拍了').intent).toBe('purchased');
    expect(classifyComment('我还没拍 想问下包邮吗').intent).toBe('shipping');
  });

  it('a purchase with a question is about the question; without one it is a purchase that waits for nothing', () => {
    expect(classifyComment('已拍 什么时候发货')).toMatchObject({ intent: 'shipping', question: true });
    expect(classifyComment('拍了 能开发票吗')).toMatchObject({ intent: 'aftersales', question: true });
    expect(classifyComment('已拍 等发货')).toMatchObject({ intent: 'purchased', question: false });
    expect(classifyComment('3号拍了！')).toMatchObject({ intent: 'purchased', question: false, productRef: 3 });
  });

  it('price against promotion: what it costs vs how to pay less', () => {
    expect(classifyComment('这个多少钱').intent).toBe('price');
    expect(classifyComment('比官网便宜吗').intent).toBe('price');
    expect(classifyComment('能再便宜点吗').intent).toBe('promotion');
    expect(classifyComment('满400减多少').intent).toBe('promotion');
    expect(classifyComment('券后多少钱').intent).toBe('promotion');
  });

  it('spec against stock: which variants exist vs whether they are left', () => {
    expect(classifyComment('有黑色吗').intent).toBe('spec');
    expect(classifyComment('黑色还有吗').intent).toBe('stock');
    expect(classifyComment('有几个尺码').intent).toBe('spec');
    expect(classifyComment('L码没了吗').intent).toBe('stock');
  });

  it('a deal that may have run out is a promotion question, not a stock one', () => {
    expect(classifyComment('满减券还有吗').intent).toBe('promotion');
  });

  it('链接 naming a product is not a link request', () => {
    expect(classifyComment('链接4是纯棉的吗')).toMatchObject({ intent: 'ingredient', productRef: 4 });
    expect(classifyComment('4号链接在哪')).toMatchObject({ intent: 'link', productRef: 4 });
    expect(classifyComment('链接已经上了 在4号')).toMatchObject({ intent: 'link', question: false, productRef: 4 });
  });

  it('reads traditional characters and full-width digits', () => {
    expect(classifyComment('這款面霜敏感肌能用嗎')).toMatchObject({ intent: 'suitability', question: true });
    expect(classifyComment('２號鏈接還有貨嗎')).toMatchObject({ intent: 'stock', question: true, productRef: 2 });
    expect(classifyComment('什麼時候發貨')).toMatchObject({ intent: 'shipping', question: true });
  });

  it('sees through emoji spam and repeated text', () => {
    expect(classifyComment('😭😭😭多少钱😭😭😭')).toMatchObject({ intent: 'price', question: true });
    expect(classifyComment('🔥🔥🔥🔥')).toMatchObject({ intent: 'other', question: false, productRef: null });
    expect(classifyComment('补货补货补货补货补货')).toMatchObject({ intent: 'stock', question: true });
    expect(classifyComment('3️⃣还有吗🙏')).toMatchObject({ intent: 'stock', productRef: 3 });
  });

  it('keeps host small talk apart from product questions', () => {
    expect(classifyComment('主播今年多大了')).toMatchObject({ intent: 'other', question: true });
    expect(classifyComment('这个锅多大')).toMatchObject({ intent: 'spec', question: true });
    expect(classifyComment('好可爱的猫猫')).toMatchObject({ intent: 'other', question: false });
    expect(classifyComment('猫咪能吃吗')).toMatchObject({ intent: 'suitability', question: true });
  });

  it('a rhetorical question does not wait for an answer', () => {
    expect(classifyComment('就这还叫大码？？')).toMatchObject({ question: false });
    expect(classifyComment('这也叫防水？？泡一下就坏')).toMatchObject({ intent: 'efficacy', question: false });
  });

  it('reads the shapes fresh comments brought (fresh-a.jsonl): a size number, a set or a single piece, preparing food, a day to arrive by', () => {
    expect(classifyComment('鞋子有37的吗').intent).toBe('spec');
    expect(classifyComment('5号是套装还是单支')).toMatchObject({ intent: 'spec', productRef: 5 });
    expect(classifyComment('牛排要解冻多久再煎').intent).toBe('usage');
    expect(classifyComment('卸的时候用什么卸').intent).toBe('usage');
    expect(classifyComment('今天下单明天到吗').intent).toBe('shipping');
    expect(classifyComment('主播今天播到几点').intent).toBe('other');
    expect(classifyComment('求上架5号')).toMatchObject({ intent: 'link', question: true, productRef: 5 });
  });

  it('还是 meaning "still" is not an either-or question; a refusal, a silence or a contradiction from the shop waits for an answer', () => {
    expect(classifyComment('降噪不太行 地铁里还是吵')).toMatchObject({ intent: 'efficacy', question: false });
    expect(classifyComment('偏大还是偏小').question).toBe(true);
    expect(classifyComment('退款申请了三天没人处理')).toMatchObject({ intent: 'aftersales', question: true });
    expect(classifyComment('用着过敏了 客服说不能退')).toMatchObject({ intent: 'aftersales', question: true });
    expect(classifyComment('补点货吧 一秒就没了')).toMatchObject({ intent: 'stock', question: true });
    expect(classifyComment('三号链接标的价格和你说的不一样啊')).toMatchObject({ intent: 'price', question: true, productRef: 3 });
    expect(classifyComment('混干皮冬天用会不会不够')).toMatchObject({ intent: 'suitability', question: true });
  });

  it('reads the families batch B missed (fresh-b.jsonl): a measure noun with 多少, a price compared, 划算, a special price, patting make-up, a link gone', () => {
    const intents: [string, CommentIntent][] = [
      ['克重多少 一包几个', 'spec'],
      ['个头多少', 'spec'],
      ['比超市贵吗', 'price'],
      ['这个价好划算', 'price'],
      ['买两件更划算吗', 'promotion'],
      ['有粉丝价吗', 'promotion'],
      ['宠粉价还有吗', 'promotion'],
      ['会员价多少', 'price'],
      ['粉扑要拍开吗', 'usage'],
      ['精华怎么拍比较好吸收', 'usage'],
      ['链接怎么又没了', 'link'],
      ['白色没了', 'stock'],
      ['新手宝妈能用吗', 'suitability'],
      ['新手会不会用', 'usage'],
      ['这次送的杯子好好看', 'promotion'],
      ['吃了两周 肚子小了', 'efficacy'],
    ];
    expect(intents.map(([text]) => [text, classifyComment(text).intent])).toEqual(intents);
    expect(classifyComment('比专柜便宜多少')).toMatchObject({ intent: 'price', question: true });
    expect(classifyComment('一罐才3毛')).toMatchObject({ intent: 'price', question: false });
    expect(classifyComment('3号怎么拍')).toMatchObject({ intent: 'link', productRef: 3 });
    expect(classifyComment('主播呢')).toMatchObject({ intent: 'other', question: true });
    expect(classifyComment('上5号')).toMatchObject({ intent: 'link', question: true, productRef: 5 });
  });

  it('handles empty and blank comments', () => {
    expect(classifyComment('')).toEqual({ intent: 'other', question: false, productRef: null, cues: [], confidence: 1 });
    expect(classifyComment('   ')).toEqual({ intent: 'other', question: false, productRef: null, cues: [], confidence: 1 });
  });
});

describe('classifyComment: every label explains itself', () => {
  it('lists the cues that fired, the question cue and the product reference', () => {
    const label = classifyComment('5号多少钱');
    expect(label.cues).toEqual(expect.arrayContaining(['price:多少钱', 'question:多少', 'ref:5号']));
  });

  it('shows a cancelled cue as such', () => {
    expect(classifyComment('不是问价格 有小码吗').cues).toContain('not price:价格');
  });

  it('gives the same answer every time (no state leaks between calls)', () => {
    const first = classifyComment('已拍，送赠品吗');
    classifyComment('几号链接');
    classifyComment('这个多少钱');
    expect(classifyComment('已拍，送赠品吗')).toEqual(first);
  });
});

// holdout.jsonl was written before the lexicons and tuned on only where it showed a missing family (呗
// requests, 20寸 sizes, 券还有吗 deals); phrasings.jsonl is the larger set the lexicons were grown against,
// kept so that a change breaking a phrasing family shows. fresh-a.jsonl and fresh-b.jsonl were written
// together, blind to the lexicons: A guided the fixes and trains the fallback model, B was measured once at
// the end; B's misses were fixed as families the next round (2026-11-25), and fresh-c.jsonl, written then
// without sight of the lexicons, was measured before and after those fixes and never tuned on. Neither B nor
// C trains the fallback model (docs/COMMENTS.md).
describe.each([
  ['holdout.jsonl', 60],
  ['phrasings.jsonl', 600],
  ['fresh-a.jsonl', 150],
  ['fresh-b.jsonl', 150],
  ['fresh-c.jsonl', 150],
])('the in-project labelled set testing/%s', (file, size) => {
  it('meets the quality bars', () => {
    const rows = readFileSync(new URL(`./testing/${file}`, import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => labelledCommentSchema.parse(JSON.parse(line)));
    expect(rows.length).toBeGreaterThanOrEqual(size);
    expect(missedBars(evaluate(rows))).toEqual([]);
  });
});
