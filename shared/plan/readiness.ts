/**
 * How ready the team is (播前蓄水): every checklist item's state — ticked by a
 * person, or checked by LiveCue itself against the catalog and the live cart
 * — and a readiness score in which every point is explained. Critical items
 * weigh three times an optional one; a critical item not done is a blocker.
 */
import type { Catalog } from '../catalog/catalog.js';
import { checkCatalogLine } from '../copilot/compliance.js';
import type { AutoCheck, ChecklistItem, PlanBody } from './plan.js';

export const CRITICAL_WEIGHT = 3;
export const OPTIONAL_WEIGHT = 1;
/** A hero product needs at least this many accepted (and unflagged) buying points for the host to have something to say. */
export const HERO_MIN_POINTS = 2;

/** The live room's cart as the gateway reports it; null before the room opens. */
export type LiveCart = readonly { id: string; price: number; stock?: number | undefined }[] | null;

/** done: ticked or passed; open: not ticked yet; failed: LiveCue checked and it does not hold; waiting: needs the room open. */
export type ItemState = 'done' | 'open' | 'failed' | 'waiting';

/** Why an automatic item is not done, for the UI to word: which products, which figures. */
export type CheckFinding =
  | { code: 'notInCart'; productIds: string[] }
  | { code: 'stockShort'; products: { id: string; have: number | null; need: number }[] }
  | { code: 'priceDiffers'; products: { id: string; live: number; planned: number }[] }
  | { code: 'heroPointsShort'; products: { id: string; have: number }[] }
  | { code: 'linesFlagged'; points: { id: string; terms: string[] }[] }
  | { code: 'nothingToCheck' };

export interface ItemReadiness {
  item: ChecklistItem;
  state: ItemState;
  weight: number;
  /** The weight it earns: all of it when done, nothing otherwise. */
  earned: number;
  finding: CheckFinding | null;
}

export interface Readiness {
  /** 0–100, rounded: earned weight over total weight; 100 for an empty checklist. */
  score: number;
  items: ItemReadiness[];
  /** Critical items not done, in checklist order. */
  blockers: ItemReadiness[];
}

type AutoResult = { state: ItemState; finding: CheckFinding | null };

const pass: AutoResult = { state: 'done', finding: null };
const fail = (finding: CheckFinding): AutoResult => ({ state: 'failed', finding });
const waiting: AutoResult = { state: 'waiting', finding: null };

function runCheck(check: AutoCheck, plan: PlanBody, catalog: Catalog, cart: LiveCart): AutoResult {
  const live = new Map((cart ?? []).map((p) => [p.id, p]));
  switch (check) {
    case 'cartHasLineup': {
      if (cart === null) return waiting;
      const missing = plan.lineup.filter((l) => !live.has(l.productId)).map((l) => l.productId);
      return missing.length === 0 ? pass : fail({ code: 'notInCart', productIds: missing });
    }
    case 'stockReady': {
      if (cart === null) return waiting;
      const short = plan.lineup.flatMap((l) => {
        if (l.stock === null) return [];
        const have = live.get(l.productId)?.stock ?? null;
        return have !== null && have >= l.stock ? [] : [{ id: l.productId, have, need: l.stock }];
      });
      return short.length === 0 ? pass : fail({ code: 'stockShort', products: short });
    }
    case 'priceMatches': {
      if (cart === null) return waiting;
      const differ = plan.lineup.flatMap((l) => {
        const product = live.get(l.productId);
        return l.plannedPrice !== null && product && product.price !== l.plannedPrice ? [{ id: l.productId, live: product.price, planned: l.plannedPrice }] : [];
      });
      return differ.length === 0 ? pass : fail({ code: 'priceDiffers', products: differ });
    }
    case 'heroPoints': {
      const heroes = plan.lineup.filter((l) => l.role === 'hero');
      if (heroes.length === 0) return fail({ code: 'nothingToCheck' });
      const products = new Map(catalog.products.map((p) => [p.id, p]));
      const short = heroes.flatMap((l) => {
        const product = products.get(l.productId);
        // A flagged line is never suggested, so it gives the host nothing to say.
        const have = catalog.buyingPoints.filter(
          (b) => b.productId === l.productId && b.status === 'accepted' && product !== undefined && checkCatalogLine(b.line, product).length === 0,
        ).length;
        return have >= HERO_MIN_POINTS ? [] : [{ id: l.productId, have }];
      });
      return short.length === 0 ? pass : fail({ code: 'heroPointsShort', products: short });
    }
    case 'linesCompliant': {
      const products = new Map(catalog.products.map((p) => [p.id, p]));
      const points = new Map(catalog.buyingPoints.map((b) => [b.id, b]));
      const ids = new Set([...plan.lineup.flatMap((l) => l.buyingPointIds), ...plan.segments.flatMap((s) => s.buyingPointIds)]);
      const flagged = [...ids].flatMap((id) => {
        const point = points.get(id);
        const product = point ? products.get(point.productId) : undefined;
        if (!point || !product) return [];
        const flags = checkCatalogLine(point.line, product);
        return flags.length > 0 ? [{ id, terms: flags.map((f) => f.term) }] : [];
      });
      return flagged.length === 0 ? pass : fail({ code: 'linesFlagged', points: flagged });
    }
  }
}

export function readiness(plan: PlanBody, catalog: Catalog, cart: LiveCart): Readiness {
  const items = plan.checklist.map((item): ItemReadiness => {
    const weight = item.critical ? CRITICAL_WEIGHT : OPTIONAL_WEIGHT;
    const result: AutoResult = item.auto ? runCheck(item.auto, plan, catalog, cart) : { state: item.done ? 'done' : 'open', finding: null };
    return { item, state: result.state, weight, earned: result.state === 'done' ? weight : 0, finding: result.finding };
  });
  const total = items.reduce((sum, i) => sum + i.weight, 0);
  const earned = items.reduce((sum, i) => sum + i.earned, 0);
  return {
    score: total === 0 ? 100 : Math.round((earned / total) * 100),
    items,
    blockers: items.filter((i) => i.item.critical && i.state !== 'done'),
  };
}
