/**
 * The live cart (小黄车): current prices and stock. The room announces it
 * with `products` whenever it changes in a way a viewer would see: a flash
 * price, a sell-out or a restock at once; plain stock countdown at most every
 * STOCK_REPORT_MS, so thousands of orders do not become thousands of messages.
 */
import type { Product } from '../../shared/protocol/index.js';
import type { NonEmpty } from './rng.js';
import type { ScenarioProduct } from './scenarios/index.js';

const STOCK_REPORT_MS = 30_000;

export class LiveCart {
  private readonly prices: number[];
  private readonly stocks: number[];
  private visibleChange = false;
  private stockChange = false;
  private lastReportMs = -Infinity;

  constructor(private readonly products: NonEmpty<ScenarioProduct>) {
    this.prices = products.map((product) => product.price);
    this.stocks = products.map((product) => product.stock);
  }

  get size(): number {
    return this.products.length;
  }

  productId(index: number): string {
    return this.product(index).id;
  }

  price(index: number): number {
    return this.prices[index] ?? 0;
  }

  inStock(index: number, quantity: number): boolean {
    return (this.stocks[index] ?? 0) >= quantity;
  }

  isOnFlashSale(index: number): boolean {
    return this.price(index) !== this.product(index).price;
  }

  /** 秒杀: the product drops to its flash price, when it has one. */
  startFlashSale(index: number): void {
    const flashPrice = this.product(index).flashPrice;
    if (flashPrice !== undefined) this.setPrice(index, flashPrice);
  }

  endFlashSale(index: number): void {
    this.setPrice(index, this.product(index).price);
  }

  /** Takes `quantity` units off the stock; false (and no change) when there are not enough. */
  sell(index: number, quantity: number): boolean {
    const stock = this.stocks[index] ?? 0;
    if (stock < quantity) return false;
    this.stocks[index] = stock - quantity;
    if (stock === quantity) this.visibleChange = true;
    else this.stockChange = true;
    return true;
  }

  restock(index: number, quantity: number): void {
    this.stocks[index] = (this.stocks[index] ?? 0) + quantity;
    this.visibleChange = true;
  }

  snapshot(): Product[] {
    return this.products.map((product, index) => ({
      id: product.id,
      title: product.title,
      price: this.price(index),
      stock: this.stocks[index] ?? 0,
      sellingPoints: product.sellingPoints,
    }));
  }

  /** The cart to announce at `offsetMs`, when something changed that is due for announcing. */
  reportDue(offsetMs: number): Product[] | undefined {
    const due = this.visibleChange || (this.stockChange && offsetMs - this.lastReportMs >= STOCK_REPORT_MS);
    if (!due) return undefined;
    this.visibleChange = false;
    this.stockChange = false;
    this.lastReportMs = offsetMs;
    return this.snapshot();
  }

  private setPrice(index: number, price: number): void {
    if (this.prices[index] === price) return;
    this.prices[index] = price;
    this.visibleChange = true;
  }

  private product(index: number): ScenarioProduct {
    const product = this.products[index];
    if (!product) throw new RangeError(`no product at cart position ${index + 1}`);
    return product;
  }
}
