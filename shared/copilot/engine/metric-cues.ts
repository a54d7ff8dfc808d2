/** The cues the metric windows raise: surge, dropping online, clicks without orders, a card on air that does not sell, low stock, new followers. */
import type { BuyingPoints } from './buying-points.js';
import type { Add } from './candidates.js';
import { count, cue, rate } from './cue-text.js';
import { couponLine, priceLine, surgeHook, SWITCH_LINE } from './lines.js';
import { objection } from './objection.js';
import type { QuestionWindow } from './question-window.js';
import { COPILOT, PRIORITY } from './thresholds.js';
import type { EngineProduct, TickInput } from './types.js';

const num = (v: number | null | undefined) => v ?? 0;

/** The card on air's paid orders when it was shown: "not converting" compares against them. */
export interface OnAirOrders {
  productId: string;
  since: number;
  orders: number;
}

/** The card on air's orders since it was shown (for "not converting"): kept while the same card stays on air. */
export function trackOnAirOrders(previous: OnAirOrders | null, input: TickInput, products: ReadonlyMap<string, EngineProduct>): OnAirOrders | null {
  const onAir = input.onAir;
  const product = onAir ? products.get(onAir.productId) : undefined;
  if (!onAir || !product) return null;
  if (previous && previous.productId === onAir.productId && previous.since === onAir.since) return previous;
  return { productId: onAir.productId, since: onAir.since, orders: product.paidOrders };
}

/** `onAirOrders` from `trackOnAirOrders`; the questions and points name the top objection. */
export function metricCues(
  input: TickInput,
  products: ReadonlyMap<string, EngineProduct>,
  onAirOrders: OnAirOrders | null,
  questions: QuestionWindow,
  points: BuyingPoints,
  add: Add,
): void {
  const { m1, m5 } = input.windows;
  const onAir = input.onAir;
  const product = onAir ? products.get(onAir.productId) : undefined;
  const category = product ? input.categories[product.id] : undefined;
  const onAirMs = onAir ? input.now - onAir.since : 0;
  const minutesOnAir = Math.floor(onAirMs / 60_000);
  const unsold = !!product && onAirOrders !== null && product.paidOrders === onAirOrders.orders;

  // Viewer surge → welcome, and a hook every newcomer can answer.
  const entries = num(m1.current.entriesPerMinute);
  const entriesBefore = num(m1.previous.entriesPerMinute);
  if (entries >= COPILOT.SURGE_MIN_ENTRIES && entries >= COPILOT.SURGE_RATIO * Math.max(entriesBefore, 1)) {
    const reason = cue('reason.surge', { entries: count(entries), before: count(entriesBefore) });
    add(
      {
        id: 'cue:welcome',
        kind: 'welcome',
        line: product ? cue('line.welcomeOnAir', { title: product.title }) : cue('line.welcome'),
        reason,
        quote: null,
        priority: PRIORITY.welcome,
        productId: product?.id ?? null,
        sources: ['entriesPerMinute'],
      },
      COPILOT.CUE_TTL_MS,
    );
    add(
      {
        id: 'cue:hook:surge',
        kind: 'hook',
        line: surgeHook(category),
        reason,
        quote: null,
        priority: PRIORITY.surgeHook,
        productId: product?.id ?? null,
        sources: ['entriesPerMinute'],
      },
      COPILOT.CUE_TTL_MS,
    );
  }

  // Online dropping → interaction hook; sustained while the card on air does not sell → switch.
  const online = num(m1.current.onlineViewers);
  const onlineBefore = num(m1.previous.onlineViewers);
  if (onlineBefore >= COPILOT.DROP_MIN_VIEWERS && online <= onlineBefore * (1 - COPILOT.DROP_RATIO)) {
    add(
      {
        id: 'cue:hook',
        kind: 'hook',
        line: cue('line.hook.drop'),
        reason: cue('reason.drop', { before: count(onlineBefore), now: count(online), share: rate((onlineBefore - online) / onlineBefore) }),
        quote: null,
        priority: PRIORITY.hook,
        productId: null,
        sources: ['onlineViewers'],
      },
      COPILOT.CUE_TTL_MS,
    );
    // Sustained: the five minutes are down as much as the minute (online viewers are counted at each window's end).
    const online5Before = num(m5.previous.onlineViewers);
    const sustained = online5Before >= COPILOT.DROP_MIN_VIEWERS && num(m5.current.onlineViewers) <= online5Before * (1 - COPILOT.DROP_RATIO);
    if (sustained && product && unsold && onAirMs >= COPILOT.DROP_SWITCH_MIN_ON_AIR_MS) {
      const online5 = num(m5.current.onlineViewers);
      add(
        {
          id: `cue:switch-drop:${product.id}:${onAir!.since}`,
          kind: 'switch',
          line: SWITCH_LINE,
          reason: cue('reason.dropSwitch', {
            before: count(online5Before),
            now: count(online5),
            share: rate((online5Before - online5) / online5Before),
            title: product.title,
            minutes: count(minutesOnAir),
          }),
          quote: null,
          priority: PRIORITY.dropSwitch,
          productId: product.id,
          sources: ['onlineViewers', 'onAir', 'paidOrders'],
        },
        COPILOT.POINT_TTL_MS,
      );
    }
  }

  // Clicks high but orders low → the actual price as anchor, the merchant's coupon, and the top objection answered.
  const clicks = num(m5.current.clickUsers);
  const orders = num(m5.current.paidOrders);
  if (product && clicks >= COPILOT.CLICKS_MIN && orders < clicks * COPILOT.CLICK_BUY_MAX) {
    const funnel = cue('reason.funnel', { clicks: count(clicks), orders: count(orders), rate: rate(clicks > 0 ? orders / clicks : 0) });
    add(
      {
        id: `cue:price:${product.id}`,
        kind: 'priceAnchor',
        line: cue('line.priceAnchor', { priceLine: { cue: priceLine(product) } }),
        reason: funnel,
        quote: null,
        priority: PRIORITY.priceAnchor,
        productId: product.id,
        sources: ['clickUsers', 'paidOrders'],
      },
      COPILOT.POINT_TTL_MS,
      { say: priceLine(product) },
    );
    // Only the merchant's coupon, word for word: no coupon in the catalog, no coupon cue.
    const coupon = product.coupon?.trim() ?? '';
    if (coupon !== '') {
      add(
        {
          id: `cue:coupon:${product.id}`,
          kind: 'coupon',
          line: couponLine(product, coupon),
          reason: cue('reason.coupon', { funnel: { cue: funnel }, coupon }),
          quote: null,
          priority: PRIORITY.coupon,
          productId: product.id,
          sources: ['clickUsers', 'paidOrders', 'coupon'],
        },
        COPILOT.POINT_TTL_MS,
        { say: couponLine(product, coupon) },
      );
    }
    objection(product, category, funnel, questions, points, add);
  }

  // On air for long without an order → switch.
  if (onAir && product && onAirMs >= COPILOT.STALE_ON_AIR_MS && unsold) {
    add(
      {
        id: `cue:switch:${product.id}:${onAir.since}`,
        kind: 'switch',
        line: SWITCH_LINE,
        reason: cue('reason.stale', { title: product.title, minutes: count(minutesOnAir) }),
        quote: null,
        priority: PRIORITY.switch,
        productId: product.id,
        sources: ['onAir', 'paidOrders'],
      },
      COPILOT.POINT_TTL_MS,
    );
  }

  // Stock low, as the gateway reports it → announce it honestly (checked against that same stock).
  const stock = product?.stock;
  if (product && stock !== undefined && stock <= COPILOT.LOW_STOCK) {
    add(
      {
        id: `cue:stock:${product.id}`,
        kind: 'stockLow',
        line: stock === 0 ? cue('line.stockOut', { title: product.title }) : cue('line.stockLow', { title: product.title, stock: count(stock) }),
        reason: cue('reason.stock', { stock: count(stock) }),
        quote: null,
        priority: PRIORITY.stockLow,
        productId: product.id,
        sources: ['stock'],
      },
      COPILOT.POINT_TTL_MS,
      { stock },
    );
  }

  // Many new followers → invite to the group chat (the P of NPL).
  const followers = num(m5.current.newFollowers);
  if (followers >= COPILOT.FOLLOWERS_MIN) {
    add(
      {
        id: 'cue:group',
        kind: 'groupInvite',
        line: cue('line.groupInvite'),
        reason: cue('reason.followers', { followers: count(followers) }),
        quote: null,
        priority: PRIORITY.groupInvite,
        productId: null,
        sources: ['newFollowers'],
      },
      COPILOT.CUE_TTL_MS,
    );
  }
}
