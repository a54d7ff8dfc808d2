/**
 * What the audience types. Buyers ask the same dozen things in many
 * phrasings (COMMENTS.md); the co-pilot is only as good as the variety it
 * is shown, so every intent has several phrasings, some with typos, slang,
 * emoji or a product reference (3号, #3, 链接3, 三号).
 */
import { commentIntents, type CommentIntent } from '../../shared/comments/intents.js';
import { cumulativeWeights, type NonEmpty, type Rng } from './rng.js';
import type { CategoryPhrases, SegmentKind } from './scenarios/index.js';

export { commentIntents, type CommentIntent };

/** Phrasings every category shares. `{n}` is a product reference; `{p}` the product's short name. */
const sharedPhrases = {
  price: [
    '多少钱',
    '这个多少钱呀',
    '{n}多少钱',
    '到手价多少',
    '到手多少米',
    '{p}什么价',
    '贵不贵',
    '今天直播间什么价',
    '比旗舰店便宜吗',
    '多少米啊主播',
    '价格再说一遍',
    '原价多少 现在多少',
    '{n}到手多少',
  ],
  shipping: [
    '什么时候发货',
    '什么时侯发货',
    '包邮吗',
    '包油吗',
    '几天能到',
    '发什么快递',
    '偏远地区发不发',
    '新疆包邮吗',
    '今天拍明天能发吗',
    '是顺丰吗',
    '从哪里发货',
  ],
  link: [
    '几号链接',
    '{p}是几号链接',
    '链接在哪',
    '怎么买啊',
    '求上车',
    '上链接上链接',
    '在哪拍',
    '小黄车里哪个是',
    '找不到链接',
    '链节在哪',
    '怎么下单',
    '上车上车',
    '{n}链接挂了吗',
  ],
  promotion: [
    '有券吗',
    '优惠券在哪领',
    '能叠券吗',
    '有赠品吗',
    '送什么小样',
    '满减怎么算',
    '福袋什么时候开',
    '还能便宜点吗',
    '新人有优惠吗',
    '买两件有折扣吗',
    '粉丝券还有吗',
    '有没有买一送一',
  ],
  stock: ['还有吗', '没抢到', '补货吗', '卖完了吗', '加库存啊', '{n}还有货吗', '又没了', '手慢了', '库存还有多少', '能不能再上一点', '秒没了'],
  aftersales: ['能退吗', '有运费险吗', '支持七天无理由吗', '坏了怎么办', '退货麻烦吗', '售后找谁', '退款多久到'],
  authenticity: ['正品吗', '是不是正品', '保真吗', '专柜同款吗', '有防伪码吗', '官方发货吗', '会不会是假货', '有品牌授权吗'],
  purchased: ['已拍', '拍了', '已下单', '拍了两个', '买了买了', '已付款 等发货', '回购了', '第三次回购', '冲了', '刚拍完', '{n}已拍'],
  other: ['来了', '来啦来啦', '打卡', '666', '主播好美', '晚上好', '今天讲什么', '支持主播', '第一次来', '声音好好听', '哈哈哈哈', '刚下班来看', '蹲了好久', '关注了', '主播加油💪'],
  // Lures a moderator removes a few seconds later (the source of `retract` events); never part of the intent mix.
  spam: ['加v看主页有福利', '私信我领内部优惠', '低价代购 私聊', '点我头像有同款便宜货', '兼职日结 私我'],
} satisfies Record<Exclude<CommentIntent, keyof CategoryPhrases> | 'aftersales' | 'other', NonEmpty<string>>;

const spamPhrases = sharedPhrases.spam;

const emoji: NonEmpty<string> = ['😭', '🙏', '👍', '❤️', '🔥', '😍', '🥺', '[哭惹R]', '[派对R]', '[赞R]'];
const questionEndings: NonEmpty<string> = ['？', '??', '啊', '呀', '呢'];
const remarkEndings: NonEmpty<string> = ['！', '!!', '~', '哈哈'];
const openers: NonEmpty<string> = ['主播', '姐妹们', '宝', '请问', '想问下', '老师'];
const chineseDigits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Relative frequency of each intent in a regular segment, in `commentIntents` order. */
const baseMix: Record<CommentIntent, number> = {
  price: 10,
  spec: 8,
  suitability: 8,
  efficacy: 7,
  ingredient: 5,
  usage: 5,
  shipping: 5,
  link: 8,
  promotion: 6,
  stock: 4,
  aftersales: 3,
  authenticity: 3,
  purchased: 5,
  other: 23,
  spam: 0,
};

/** How each kind of segment shifts the questions: deals bring link/stock rushes, hero products bring "does it suit me". */
const mixShifts: Record<SegmentKind, Partial<Record<CommentIntent, number>>> = {
  opening: { other: 3, link: 0.5, purchased: 0.2, stock: 0.3 },
  deal: { link: 2, price: 1.5, stock: 2.5, promotion: 1.5, purchased: 2 },
  hero: { suitability: 1.6, efficacy: 1.6, ingredient: 1.6, spec: 1.3, usage: 1.4 },
  interlude: { other: 2, promotion: 1.5 },
  encore: { stock: 2.5, link: 1.5, purchased: 2 },
  closing: { other: 2, shipping: 1.8, aftersales: 1.5 },
};

/** Intents that are said rather than asked. */
const remarks = new Set<CommentIntent>(['purchased', 'other']);

/** Intents that are about a product, so a comment may name one by number. */
const productIntents = new Set<CommentIntent>(['price', 'spec', 'suitability', 'efficacy', 'ingredient', 'usage', 'link', 'stock', 'purchased']);

export class CommentWriter {
  private readonly phrases: Record<CommentIntent, NonEmpty<string>>;
  private readonly mixes: Record<SegmentKind, Float64Array>;

  constructor(
    private readonly rng: Rng,
    category: CategoryPhrases,
    private readonly productNames: readonly string[],
  ) {
    this.phrases = {
      ...sharedPhrases,
      spec: category.spec,
      suitability: category.suitability,
      efficacy: category.efficacy,
      ingredient: category.ingredient,
      usage: category.usage,
      aftersales: [...sharedPhrases.aftersales, ...category.aftersales],
      other: [...sharedPhrases.other, ...category.chatter],
    };
    const mixFor = (kind: SegmentKind) =>
      cumulativeWeights(commentIntents.map((intent) => baseMix[intent] * (mixShifts[kind][intent] ?? 1)));
    this.mixes = {
      opening: mixFor('opening'),
      deal: mixFor('deal'),
      hero: mixFor('hero'),
      interlude: mixFor('interlude'),
      encore: mixFor('encore'),
      closing: mixFor('closing'),
    };
  }

  /** The intent of the next comment, drawn from the segment's mix. */
  intentFor(kind: SegmentKind): CommentIntent {
    return commentIntents[this.rng.weighted(this.mixes[kind])] ?? 'other';
  }

  /** Whether a comment of this intent names a product at all. */
  isAboutProduct(intent: CommentIntent): boolean {
    return productIntents.has(intent);
  }

  /**
   * A comment of `intent` about the product at `productIndex` (0-based cart
   * position). `mention` adds a position reference when the phrasing has
   * none, as buyers do when several products are on the cart.
   */
  write(intent: CommentIntent, productIndex: number, mention: boolean): string {
    const template = this.rng.pick(this.phrases[intent]);
    let text = template.includes('{') ? this.fill(template, productIndex) : template;
    if (mention && !template.includes('{n}')) {
      const ref = this.productRef(productIndex);
      text = this.rng.chance(0.6) ? `${ref}${this.rng.chance(0.5) ? ' ' : ''}${text}` : `${text} ${ref}`;
    }
    return this.decorate(text, remarks.has(intent));
  }

  spam(): string {
    return this.rng.pick(spamPhrases);
  }

  private fill(template: string, productIndex: number): string {
    return template
      .replace('{n}', () => this.productRef(productIndex))
      .replace('{p}', () => this.productNames[productIndex] ?? '这个')
      .replace('{h}', () => String(this.rng.between(150, 175)))
      .replace('{w}', () => String(this.rng.between(88, 140)));
  }

  /** 3号, #3, 链接3, 三号, 3号链接: the ways viewers point at a cart position. */
  private productRef(productIndex: number): string {
    const n = productIndex + 1;
    switch (this.rng.below(5)) {
      case 0:
        return `${n}号`;
      case 1:
        return `#${n}`;
      case 2:
        return `链接${n}`;
      case 3:
        return `${chineseDigits[n] ?? n}号`;
      default:
        return `${n}号链接`;
    }
  }

  /** Emoji, a question ending or a call to the host: questions and remarks are dressed differently. */
  private decorate(text: string, remark: boolean): string {
    const roll = this.rng.next();
    if (roll < 0.12) return `${text}${this.rng.pick(emoji)}`;
    if (remark) return roll < 0.22 ? `${text}${this.rng.pick(remarkEndings)}` : text;
    if (roll < 0.3) return `${text}${this.rng.pick(questionEndings)}`;
    if (roll < 0.38) return `${this.rng.pick(openers)} ${text}`;
    return text;
  }
}
