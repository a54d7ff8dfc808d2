/** The messages the engine's cues share (the price and the coupon, said one way) and the names it gives what buyers ask about. */
import type { CommentIntent } from '../../comments/intents.js';
import type { ProductCategory } from '../../catalog/catalog.js';
import { cue, price, type CueKey, type CueText } from './cue-text.js';
import type { EngineProduct } from './types.js';

/** The product's actual price, the one way every cue says it (so price answers, anchors and objections merge). */
export const priceLine = (product: EngineProduct): CueText => cue('line.price', { title: product.title, price: price(product.price) });
export const couponLine = (product: EngineProduct, coupon: string): CueText => cue('line.coupon', { title: product.title, coupon });
/** Moving on from the card on air, said the same way whichever cue calls for it (so they merge). */
export const SWITCH_LINE = cue('line.switch');

/** What the audience asked about, as the host names it (最多人问的是…); chat and "已拍" are no objection. */
const OBJECTION_LABELS: Partial<Record<CommentIntent, CueKey>> = {
  price: 'label.price',
  spec: 'label.spec',
  suitability: 'label.suitability',
  efficacy: 'label.efficacy',
  ingredient: 'label.ingredient',
  usage: 'label.usage',
  shipping: 'label.shipping',
  link: 'label.link',
  promotion: 'label.promotion',
  stock: 'label.stock',
  aftersales: 'label.aftersales',
  authenticity: 'label.authenticity',
};
export const isObjection = (intent: CommentIntent) => intent in OBJECTION_LABELS;
export function objectionLabel(intent: CommentIntent, category: ProductCategory | undefined): CueText | null {
  if (intent === 'spec' && category === 'apparel') return cue('label.sizing');
  const key = OBJECTION_LABELS[intent];
  return key ? cue(key) : null;
}

/** The surge hook: a question every newcomer can answer, about the card on air's category. */
const SURGE_HOOKS: Partial<Record<ProductCategory, CueKey>> = {
  skincare: 'line.hook.surge.skincare',
  makeup: 'line.hook.surge.makeup',
  apparel: 'line.hook.surge.apparel',
  baby: 'line.hook.surge.baby',
  food: 'line.hook.surge.food',
};
export const surgeHook = (category: ProductCategory | undefined): CueText => cue((category && SURGE_HOOKS[category]) ?? 'line.hook.surge');
