/**
 * The merchant's catalog: the gateway's products merged with what the
 * merchant knows about them — selling points (卖点, what the product has)
 * and buying points (买点, why a given buyer wants it: a scenario card).
 * Everything here crosses a file, a process or the network, so it is zod.
 */
import { z } from 'zod';
import { commentIntents } from '../comments/intents.js';

export const productCategories = ['skincare', 'makeup', 'apparel', 'food', 'home', 'baby', 'digital', 'other'] as const;
export type ProductCategory = (typeof productCategories)[number];

/** The categories as merchants name them (spreadsheet cells, proposal notes). */
export const productCategoryLabels: Readonly<Record<ProductCategory, string>> = {
  skincare: '护肤',
  makeup: '彩妆',
  apparel: '服饰',
  food: '食品',
  home: '家居',
  baby: '母婴',
  digital: '数码',
  other: '其他',
};

const text = (max: number) => z.string().trim().max(max);

/** A coupon is a badge on the card on air: a short phrase (满199减30, 领券立减20元), not a paragraph. */
export const MAX_COUPON_CHARS = 40;

/** Where a buying point came from: the merchant, built-in category knowledge, or what buyers asked in past sessions. */
export const buyingPointOrigins = ['merchant', 'category', 'audience', 'assistant'] as const;
export const buyingPointStatuses = ['accepted', 'proposed', 'rejected'] as const;

export const buyingPointSchema = z.object({
  id: z.string().min(1).max(64),
  productId: z.string().min(1).max(128),
  /** 人群: who it is for, e.g. 敏感肌 / 通勤白领 / 宝妈. */
  audience: text(100),
  /** 场景: when and where, e.g. 换季泛红 / 早八通勤. */
  scenario: text(200),
  /** 痛点 */
  pain: text(200),
  /** 利益点 */
  benefit: text(200),
  /** 证据: a test, a certificate, an ingredient — what makes the benefit believable. */
  proof: text(300),
  /** The line the host can say. */
  line: text(300).min(1),
  /** The buyers' intents this point answers (a suitability question about sensitive skin → a 敏感肌 point). */
  answers: z.array(z.enum(commentIntents)).max(14).default([]),
  /** Words in a buyer's question that call for this point (敏感肌, 孕妇, 油皮 ...). */
  keywords: z.array(text(30).min(1)).max(30).default([]),
  origin: z.enum(buyingPointOrigins),
  /** Why it was proposed (the category rule, or "14 buyers asked 敏感肌能用吗 in 3 sessions"). */
  originNote: text(300).default(''),
  status: z.enum(buyingPointStatuses),
});
export type BuyingPoint = z.infer<typeof buyingPointSchema>;

export const catalogProductSchema = z.object({
  id: z.string().min(1).max(128),
  title: text(200).min(1),
  category: z.enum(productCategories),
  /** Price in fen, as the gateway sends it; null when only the merchant's data knows the product. */
  price: z.number().int().min(0).nullable(),
  /**
   * The merchant's coupon for it, as the card on air shows it (满199减30, 领券立减20元); '' for none.
   * The gateway knows no coupons, so only the merchant's data sets it; catalogs from before it existed read as ''.
   */
  coupon: text(MAX_COUPON_CHARS).default(''),
  sellingPoints: z.array(text(200).min(1)).max(50),
});
export type CatalogProduct = z.infer<typeof catalogProductSchema>;

export interface Catalog {
  products: CatalogProduct[];
  buyingPoints: BuyingPoint[];
}
