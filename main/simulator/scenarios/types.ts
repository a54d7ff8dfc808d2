/**
 * What a demo scenario is made of: the room, its cart, its rundown (the
 * timed segments a real stream plan has) and the words its audience uses.
 * Each scenario is a data file of this shape (apparel.json, skincare.json),
 * checked by load.ts.
 */
import type { ProductCategory } from '../../../shared/catalog/catalog.js';
import type { Room } from '../../../shared/protocol/index.js';
import type { NonEmpty } from '../rng.js';

export const scenarioNames = ['skincare', 'apparel'] as const;
export type ScenarioName = (typeof scenarioNames)[number];

/** 开场, 福利款, 主推款, 互动/过款, 返场, 收尾: each moves traffic and questions differently. */
export const segmentKinds = ['opening', 'deal', 'hero', 'interlude', 'encore', 'closing'] as const;
export type SegmentKind = (typeof segmentKinds)[number];

export interface RundownSegment {
  kind: SegmentKind;
  /** As the plan names it, e.g. "福利款 · 烟酰胺精华". */
  title: string;
  /** Planned length; the rundown is scaled as a whole when a shorter (or longer) run is asked for. */
  minutes: number;
  /** 1-based cart position of the product the host explains; the rundown pins its card. */
  product?: number;
  /** The product sells at its flash price (秒杀价) during the segment. */
  flashPrice?: boolean;
  /** Units added to the product's stock when the segment starts (返场 restocks). */
  restock?: number;
  /** Coupon the host pushes when the segment starts. */
  coupon?: string;
}

export interface ScenarioProduct {
  id: string;
  title: string;
  /** The catalog category a merchant would give it (the gateway protocol carries none; the demo fills it in). */
  category: ProductCategory;
  /** Fen. */
  price: number;
  /** Fen, during a segment with `flashPrice`. */
  flashPrice?: number;
  stock: number;
  sellingPoints: string[];
  /** What viewers call it in comments: 精华, 卫衣. */
  shortName: string;
  /** Relative pull on exposures when nothing else favours a product. */
  appeal: number;
}

/**
 * The category's own phrasings for the intents whose words depend on what is
 * sold (a size question for a dress, a skin-type question for a serum), plus
 * category-flavoured chatter. Templates may use `{p}` (the product's short
 * name), `{h}`/`{w}` (a height in cm / a weight in 斤).
 */
export interface CategoryPhrases {
  spec: NonEmpty<string>;
  suitability: NonEmpty<string>;
  efficacy: NonEmpty<string>;
  ingredient: NonEmpty<string>;
  usage: NonEmpty<string>;
  aftersales: NonEmpty<string>;
  chatter: NonEmpty<string>;
}

export interface AudienceProfile {
  /** Distinct users the session draws from, so cumulative viewers saturate realistically. */
  size: number;
  /** Prefix of user ids; the same prefix across sessions makes returning users recognisable. */
  userIdPrefix: string;
  /** Entries per second at full traffic (intensity 1). */
  entriesPerSecond: number;
  /** Mean stay of a viewer in a regular segment. */
  averageWatchSeconds: number;
}

export interface Scenario {
  name: ScenarioName;
  room: Room;
  audience: AudienceProfile;
  products: NonEmpty<ScenarioProduct>;
  /** Store coupons viewers claim without a push. */
  coupons: NonEmpty<string>;
  rundown: NonEmpty<RundownSegment>;
  phrases: CategoryPhrases;
}
