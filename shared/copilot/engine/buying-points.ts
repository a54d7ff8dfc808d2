/** The merchant's accepted buying points, each checked against its product's facts: which a question matches, which are flagged. */
import type { BuyingPoint } from '../../catalog/catalog.js';
import { checkLine } from '../compliance.js';
import type { EngineComment, EngineProduct, FlaggedLine, TickInput } from './types.js';

const NO_POINTS: string[] = [];
const NONE: readonly BuyingPoint[] = [];

export class BuyingPoints {
  private signature = '';
  private byId = new Map<string, BuyingPoint>();
  /** Accepted, unflagged points per product. */
  private byProduct = new Map<string, BuyingPoint[]>();
  /** Buying points whose line is flagged: shown to the merchant, never suggested. */
  flagged: FlaggedLine[] = [];

  /** Takes the tick's points; false when nothing that decides them changed since the last tick. */
  load(input: TickInput, products: ReadonlyMap<string, EngineProduct>): boolean {
    // A line is checked against its product's price and coupon: they are part of what decides it.
    const signature = input.buyingPoints.map((p) => `${p.id}:${p.status}:${p.line}:${p.answers.join(',')}:${p.keywords.join(',')}`).join('|') +
      `#${Object.entries(input.categories).map(([k, v]) => `${k}=${v}`).join(',')}` +
      `#${input.products.map((p) => `${p.id}=${p.price}/${p.coupon ?? ''}`).join(',')}`;
    if (signature === this.signature) return false;
    this.signature = signature;
    this.byId = new Map();
    this.byProduct = new Map();
    this.flagged = [];
    for (const point of input.buyingPoints) {
      if (point.status !== 'accepted') continue;
      // Never the stock: a stored line cannot follow it.
      const product = products.get(point.productId);
      const flags = checkLine(point.line, input.categories[point.productId] ?? 'other', { price: product?.price ?? null, coupon: product?.coupon ?? null });
      if (flags.length > 0) {
        this.flagged.push({ buyingPointId: point.id, productId: point.productId, line: point.line, flags });
        continue;
      }
      this.byId.set(point.id, point);
      const list = this.byProduct.get(point.productId) ?? [];
      list.push(point);
      this.byProduct.set(point.productId, list);
    }
    return true;
  }

  get(pointId: string): BuyingPoint | undefined {
    return this.byId.get(pointId);
  }

  /** The product's points, in the catalog's order. */
  of(productId: string): readonly BuyingPoint[] {
    return this.byProduct.get(productId) ?? NONE;
  }

  /** The points a question answers: of its product, for its intent, with one of their key words when they have any. */
  match(comment: EngineComment, productId: string | null): string[] {
    if (productId === null) return NO_POINTS;
    const points = this.byProduct.get(productId);
    if (!points) return NO_POINTS;
    let matched: string[] | null = null;
    for (const point of points) {
      if (!point.answers.includes(comment.intent)) continue;
      if (point.keywords.length > 0 && !point.keywords.some((k) => comment.text.includes(k))) continue;
      (matched ??= []).push(point.id);
    }
    return matched ?? NO_POINTS;
  }
}
