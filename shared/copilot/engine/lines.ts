/** The templates the engine's own lines share (the price and the coupon, said one way) and the names it gives intents and categories. */
import type { CommentIntent } from '../../comments/intents.js';
import type { ProductCategory } from '../catalog.js';
import { numberFormats } from '../../format/numbers.js';
import type { EngineProduct } from './types.js';

/** The engine speaks Chinese: every figure in its lines and reasons in the one number format (2,157 人, 1.2万, 3.1%, ¥1,299). */
export const zh = numberFormats('zh-CN');

/** The product's actual price, the one way every template says it (so price answers, anchors and objections merge). */
export const priceLine = (product: EngineProduct) => `${product.title} 现在的价格是 ${zh.price(product.price)}`;
export const couponLine = (product: EngineProduct, coupon: string) => `${product.title} 有优惠券：${coupon}，下单前记得先领`;
/** Moving on from the card on air, said the same way whichever cue calls for it (so they merge). */
export const SWITCH_LINE = '这款先讲到这里，我们看下一款';

/** What the audience asked about, as the host names it (最多人问的是…); chat and "已拍" are no objection. */
export const OBJECTION_LABELS: Partial<Record<CommentIntent, string>> = {
  price: '价格',
  spec: '规格',
  suitability: '适不适合自己',
  efficacy: '效果',
  ingredient: '成分',
  usage: '怎么用',
  shipping: '发货',
  link: '链接在哪',
  promotion: '优惠',
  stock: '有没有货',
  aftersales: '售后',
  authenticity: '是不是正品',
};
export const objectionLabel = (intent: CommentIntent, category: ProductCategory | undefined) =>
  intent === 'spec' && category === 'apparel' ? '尺码' : (OBJECTION_LABELS[intent] ?? null);

/** The surge hook: a question every newcomer can answer, about the card on air's category. */
export const SURGE_HOOKS: Partial<Record<ProductCategory, string>> = {
  skincare: '刚进来的姐妹扣一下自己的肤质，干皮、油皮还是敏感肌，我帮你看适不适合',
  makeup: '刚进来的姐妹把自己的肤色、肤质打在公屏上，我帮你挑色号',
  apparel: '刚进来的朋友把身高体重打在公屏上，我帮你看尺码',
  baby: '刚进来的爸妈把宝宝月龄打在公屏上，我帮你看合不合适',
  food: '刚进来的朋友扣一下平时爱吃什么口味，我帮你看合不合适',
};
export const SURGE_HOOK = '刚进来的朋友有什么想问的直接打在公屏上，我挨个回答';
