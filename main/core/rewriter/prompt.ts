/**
 * What the rewriter asks the model. The facts come only from the merchant's
 * catalog; the system prompt forbids what the 真诚经营 check flags and what
 * would go stale in a stored line (prices, stock, deadlines).
 */
import type { RewriteLineInput } from '../../../shared/api/rewriter-api.js';
import { productCategoryLabels } from '../../../shared/catalog/catalog.js';
import type { ChatMessage } from './chat-completions.js';

export const REWRITE_SYSTEM_PROMPT = [
  '你是电商直播间的话术助手，帮主播把一句买点话术润色成可以直接念出来的口播。',
  '要求：',
  '1. 口语化、真诚（真诚经营），像在跟直播间的朋友聊天，一两句话，80 字以内；',
  '2. 只用给出的事实（人群、场景、痛点、利益点、证据、卖点），不编造功效、数据、成分、认证或用户评价；',
  '3. 不提价格、优惠、赠品、库存、限时或限量，不制造“只剩最后几件”“马上涨价”之类的紧迫感；',
  '4. 不用绝对化用语（最、第一、唯一、顶级、100%、永久等），不做治疗、药用、减肥之类的医疗宣称；',
  '5. 只输出润色后的话术本身，不要引号、标题、解释或多个版本。',
].join('\n');

/** A product's first selling points are enough context; a long list would only cost tokens. */
const SELLING_POINTS_IN_PROMPT = 10;

export function rewriteMessages({ product, point }: RewriteLineInput): ChatMessage[] {
  const facts: [string, string][] = [
    ['商品', `${product.title}（${productCategoryLabels[product.category]}）`],
    ['卖点', product.sellingPoints.slice(0, SELLING_POINTS_IN_PROMPT).join('；')],
    ['人群', point.audience],
    ['场景', point.scenario],
    ['痛点', point.pain],
    ['利益点', point.benefit],
    ['证据', point.proof],
  ];
  const known = facts.filter(([, value]) => value !== '').map(([name, value]) => `${name}：${value}`);
  return [
    { role: 'system', content: REWRITE_SYSTEM_PROMPT },
    { role: 'user', content: [...known, `原话术：${point.line}`, '请润色这句话术。'].join('\n') },
  ];
}
