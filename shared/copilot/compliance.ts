/**
 * 真诚经营: a line the host says must not overclaim. This checks a line
 * against
 * - the absolute terms the advertising law forbids (最, 第一, 国家级, 顶级,
 *   100%, 永久 ...);
 * - for cosmetics and food, medical claims (治疗, 药用, 消炎 ...);
 * - invented scarcity and urgency (仅剩, 最后 3 件, 限量, 限时, 秒光, 手慢无,
 *   马上涨价, 恢复原价, 错过再等, 今天过后没有 ...): live-stream pressure
 *   phrases nobody can check, always flagged; a stock count (还剩 7 件,
 *   库存 7 件) is a fact only when it is the stock the gateway reports now
 *   (`context.stock`), so a merchant's line — written once, read while
 *   stock moves — never passes with one;
 * - prices nobody can check: a money figure (¥99, 99元, 99块9, 到手价99,
 *   立减30, 5折) must be the product's actual price (`context.price`, fen),
 *   a figure of the merchant's coupon (`context.coupon`, 满199减30) or the
 *   price after that coupon; without a known price every figure but the
 *   coupon's is flagged as unverifiable.
 * A flagged line is shown flagged in the catalog editor and never suggested
 * to the host until it is rewritten. Each flag names its kind and the words
 * that fired, as written in the line.
 */
import type { CatalogProduct, ProductCategory } from '../catalog/catalog.js';

export const complianceFlagKinds = ['absolute', 'medical', 'scarcity', 'price'] as const;
export type ComplianceFlagKind = (typeof complianceFlagKinds)[number];

export interface ComplianceFlag {
  kind: ComplianceFlagKind;
  /** The words that fired, as written in the line. */
  term: string;
}

/** What the line can be checked against: the product's facts. Anything unknown makes a claim about it unverifiable. */
export interface LineContext {
  /** The product's actual price in fen (the gateway's); unknown → any money figure in the line is flagged. */
  price?: number | null | undefined;
  /** The merchant's coupon, as written in the catalog (满199减30): its figures and the price after it can be said. */
  coupon?: string | null | undefined;
  /** Stock as the gateway reports it now: a stock count equal to it is a fact. Never pass it for a stored line. */
  stock?: number | null | undefined;
}

const ABSOLUTE_TERMS = [
  /最[好佳优强高低大新先具]|最最|最便宜|最有效|最受欢迎|全网最/,
  /第一|[Nn][Oo]\.?\s?1|TOP\s?1|首个|首选|唯一|独家|独一无二/,
  /国家级|世界级|全球级|宇宙级|顶级|极品|极致|至尊|王牌|冠军/,
  /100\s?%|百分之百|百分百|绝对|万能|永久|永不|零风险|无副作用/,
  /史无前例|前无古人|空前|绝无仅有|第一品牌|销量冠军|全网销量第一/,
];

const MEDICAL_TERMS = [
  /治疗|治愈|疗效|药用|药效|处方|消炎|抗炎|杀菌|抑菌|祛痘|除螨/,
  /根治|修复受损|再生|防癌|抗癌|降血[压糖脂]|减肥|瘦身|燃脂|排毒|增高|壮阳/,
  /医用|医学级|临床治疗|专治|特效/,
];

const CN_DIGIT = '零〇一二两三四五六七八九十百千万几';
const UNIT = '件单份个套瓶盒组位支条袋箱罐包台双';

/** Pressure phrases: scarcity, a deadline, a price about to rise. Families of patterns, not sentences. */
const SCARCITY_TERMS = [
  // Only N left / the last ones.
  new RegExp(`[仅只就]剩|仅有[\\d${CN_DIGIT}]|[仅只]有最后|最后[\\d${CN_DIGIT}]+\\s*[${UNIT}]|最后一[波批轮单]|最后的?机会`),
  // Limited quantity or time; stock nearly gone.
  /限量|限时|限今[天日晚]|仅限今|今[天日晚]截止|名额有限|数量有限|库存(?:告急|紧张|不多)|所剩无几|货不多|没剩几|不多了/,
  // Selling out.
  /秒[光空没]|[抢卖]光|抢完|卖爆|手慢(?:则)?无|先到先得|拼手速|即将售罄|(?:马上|快要?|就要|即将)(?:售罄|断货|下架|卖完|抢完|没货|没了)/,
  // The price about to go up / back.
  /(?:马上|即将|明天|明早|下[一]?场|过会儿?|待会儿?|一会儿?|很快|等下)(?:就)?(?:要)?涨价|涨价在即|要涨价了|恢复原价|回到原价|恢复到?[\d¥￥]/,
  // Now or never.
  /错过(?:再等|就没|等一年|不再|今天|这次)|过了(?:今天|今晚|这场|这波)|今[天晚日](?:过后|之后)(?:就)?没|下[次场](?:就)?没有|再也没有|仅此一[次天场波]|只有今[天晚]|过时不候|倒计时|最后\s*\d+\s*(?:分钟|秒)/,
];

/** A stock count: a fact when it is the gateway's stock, invented scarcity otherwise. */
const STOCK_COUNT = new RegExp(`(?:库存|还剩|剩下?)\\s*(?:还剩|还有|只有)?\\s*(\\d+)\\s*[${UNIT}]`, 'g');

/** A figure as written, digits grouped or not: 99, 99.9, 1299, 1,299, 12,999.50. */
const AMOUNT = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
const amountOf = (text: string) => Number(text.replace(/,/g, ''));

/**
 * Money figures. `块` is also a measure word (3块肥皂, 两块蛋糕), so only digits take it, and not before a noun it counts.
 * Each alternative captures the amount; `yuanJiao` is 99块9 (99.9).
 */
const MONEY = new RegExp(
  [
    // ¥99, ￥ 99.9, ¥1,299
    `(?<sym>[¥￥]\\s*(?<symAmount>${AMOUNT}))`,
    // 到手价99, 券后 99, 直降50, 立减 30 (the keyword is part of the term; the figure may follow a ¥, taken by the first alternative)
    `(?<kw>(?:到手价?|券后价?|折后价?|活动价|秒杀价|直播价|福利价|售价|原价|现价|价格是?|只要|仅需|直降|立减|便宜了?|省了?|减)\\s*[:：]?\\s*(?<kwAmount>${AMOUNT})(?![\\d.,]*\\s*(?:[件个%％折斤克gG毫升lLmM码号天日月年岁次人分秒周支瓶盒片袋颗粒套米倍度]|包(?!邮)|小时|厘米)))`,
    // 99元, 1.5万元, 99块, 99块9, 99块钱
    `(?<unit>(?<unitAmount>${AMOUNT})\\s*(?<wan>万)?\\s*(?:元|块(?!装|[肥香]皂|蛋糕|布|板|糖|饼|砖|石|肉|地|玻璃|屏|表|腹肌|状|头))(?<jiao>\\d)?(?:钱)?)`,
    // 九十九元, 三十块钱
    `(?<cn>(?<cnAmount>[${CN_DIGIT}]+)\\s*(?:元|块钱))`,
    // 5折, 五折, 7.5折 (not 三折叠)
    '(?<discount>(?:[\\d]+(?:\\.\\d)?|[一二三四五六七八九])\\s*折(?![叠伞]))',
  ].join('|'),
  'g',
);

/** Categories where medical claims are not allowed (cosmetics, food, and what babies use or eat). */
const MEDICAL_CLAIM_CATEGORIES: ReadonlySet<ProductCategory> = new Set(['skincare', 'makeup', 'food', 'baby']);

export function checkLine(line: string, category: ProductCategory, context: LineContext = {}): ComplianceFlag[] {
  const flags: ComplianceFlag[] = [];
  for (const pattern of ABSOLUTE_TERMS) {
    const match = pattern.exec(line);
    if (match) flags.push({ kind: 'absolute', term: match[0] });
  }
  if (MEDICAL_CLAIM_CATEGORIES.has(category)) {
    for (const pattern of MEDICAL_TERMS) {
      const match = pattern.exec(line);
      if (match) flags.push({ kind: 'medical', term: match[0] });
    }
  }
  const pressure: [number, number][] = [];
  for (const pattern of SCARCITY_TERMS) {
    const match = pattern.exec(line);
    if (!match) continue;
    flags.push({ kind: 'scarcity', term: match[0] });
    pressure.push([match.index, match.index + match[0].length]);
  }
  if (/\d/.test(line)) {
    for (const match of line.matchAll(STOCK_COUNT)) {
      const [from, to] = [match.index, match.index + match[0].length];
      // 只剩3件 is one claim: the pressure phrase already names it.
      if (pressure.some(([a, b]) => a < to && from < b)) continue;
      if (context.stock == null || Number(match[1]) !== context.stock) flags.push({ kind: 'scarcity', term: match[0] });
    }
  }
  flags.push(...priceFlags(line, context));
  return flags;
}

/** The money figures a line may say, in fen: the price, the coupon's own figures and the price after the coupon. */
function allowedAmounts(context: LineContext): Set<number> {
  const allowed = new Set<number>();
  const price = context.price ?? null;
  if (price !== null) allowed.add(price);
  const coupon = context.coupon?.trim() ?? '';
  if (coupon !== '') {
    for (const m of coupon.matchAll(/\d+(?:\.\d+)?/g)) allowed.add(fen(Number(m[0])));
    if (price !== null) {
      // 满199减30 (the threshold must be met), 立减20元 / 减20 / 20元券 / 无门槛20 (no threshold).
      const tiered = /满\s*(\d+(?:\.\d+)?)\s*(?:元)?\s*[减-]\s*(\d+(?:\.\d+)?)/.exec(coupon);
      const flat = /(?:立减|直减|减|优惠|抵|无门槛)\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*元?\s*(?:优惠)?券/.exec(coupon);
      if (tiered) {
        if (price >= fen(Number(tiered[1]))) allowed.add(price - fen(Number(tiered[2])));
      } else if (flat) {
        const off = fen(Number(flat[1] ?? flat[2]));
        if (off < price) allowed.add(price - off);
      }
    }
  }
  return allowed;
}

function priceFlags(line: string, context: LineContext): ComplianceFlag[] {
  if (!/[\d¥￥元块折]/.test(line)) return [];
  // The coupon's own text, quoted: its figures are the merchant's coupon terms, not a claim about the price.
  const coupon = context.coupon?.trim() ?? '';
  const spoken = coupon !== '' ? line.split(coupon).join(' ') : line;
  let allowed: Set<number> | null = null;
  const flags: ComplianceFlag[] = [];
  for (const match of spoken.matchAll(MONEY)) {
    const g = match.groups!;
    if (g.discount !== undefined) {
      // A discount off an unstated price can never be checked.
      flags.push({ kind: 'price', term: match[0].trim() });
      continue;
    }
    let amount: number | null;
    if (g.sym !== undefined) amount = amountOf(g.symAmount ?? '');
    else if (g.kw !== undefined) amount = amountOf(g.kwAmount ?? '');
    else if (g.unit !== undefined) amount = amountOf(g.unitAmount ?? '') * (g.wan ? 10_000 : 1) + (g.jiao ? Number(g.jiao) / 10 : 0);
    else amount = chineseNumber(g.cnAmount ?? '');
    allowed ??= allowedAmounts(context);
    if (amount === null || !allowed.has(fen(amount))) flags.push({ kind: 'price', term: match[0].trim() });
  }
  return flags;
}

const fen = (yuan: number) => Math.round(yuan * 100);

const CN_VALUES: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** 九十九 → 99, 一百二十 → 120, 三万 → 30000; 几十 and the like → null (a vague figure is still a figure). */
function chineseNumber(text: string): number | null {
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in CN_VALUES) digit = CN_VALUES[ch]!;
    else if (ch in CN_UNITS) {
      section += (digit === 0 ? 1 : digit) * CN_UNITS[ch]!;
      digit = 0;
    } else if (ch === '万') {
      total += (section + digit) * 10_000;
      section = 0;
      digit = 0;
    } else return null;
  }
  return total + section + digit;
}

/**
 * A line kept in the catalog for `product`: checked against the merchant's
 * own facts (category, price, coupon). Never the stock: it moves after the
 * line is written.
 */
export function checkCatalogLine(line: string, product: Pick<CatalogProduct, 'category' | 'price' | 'coupon'>): ComplianceFlag[] {
  return checkLine(line, product.category, { price: product.price, coupon: product.coupon });
}
