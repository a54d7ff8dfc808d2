/**
 * A tally holds the raw counts of one period — the session so far, a rolling
 * window, one minute — from which every metric of METRICS.md follows. Every
 * period is kept as a tally and turned into figures by the one function
 * below, so a metric means the same thing live, in a window, per minute and
 * in the recap.
 *
 * A tally is a Float64Array indexed by the slots below: the hot path adds
 * into it without allocating, and it serialises as a plain array.
 */
import type { MetricValues } from './keys.js';

// Distinct users (slots 0-6). A user's record keeps, for each of these slots,
// the last second the user did that (users.ts), so a slot's number doubles as
// an index into it.
/** Users with a `viewer.enter`. */
export const UV = 0;
/** Users with a comment, a like carrying their id, a follow, a share or a group join. */
export const INTERACTING_USERS = 1;
export const NEW_FOLLOWERS = 2;
export const GROUP_JOINS = 3;
export const EXPOSURE_USERS = 4;
export const CLICK_USERS = 5;
export const BUYERS = 6;
export const USER_SLOT_COUNT = 7;
export type UserSlot =
  | typeof UV
  | typeof INTERACTING_USERS
  | typeof NEW_FOLLOWERS
  | typeof GROUP_JOINS
  | typeof EXPOSURE_USERS
  | typeof CLICK_USERS
  | typeof BUYERS;

// Sums over the period's events (slots 7-11).
/** `viewer.enter` events. */
export const PV = 7;
export const IMPRESSIONS = 8;
export const PAID_ORDERS = 9;
/** Fen. */
export const GMV = 10;
/** Fen counted by the refund rule (products.ts), at the time of the refund. */
export const REFUNDS = 11;
/** Slots 0 to 11 are counted from events; the ones after describe the period itself. */
export const COUNTED_SLOT_COUNT = 12;
export type CountedSlot = typeof PV | typeof IMPRESSIONS | typeof PAID_ORDERS | typeof GMV | typeof REFUNDS;

/** Presence accrued inside the period, in user·ms. */
export const PRESENCE_MS = 12;
/** Users present at any time in the period: the denominator of average watch time. */
export const PRESENT_USERS = 13;
/** Online viewers at the period's end. */
export const ONLINE_VIEWERS = 14;
/** Highest online viewers during the period. */
export const PEAK_ONLINE = 15;
/** Length of the period, for entries per minute. */
export const DURATION_MS = 16;
export const TALLY_SIZE = 17;

const MS_PER_MINUTE = 60_000;

export function emptyTally(durationMs: number): Float64Array {
  const tally = new Float64Array(TALLY_SIZE);
  tally[DURATION_MS] = durationMs;
  return tally;
}

/** Fen and seconds are shown to 2 decimals. */
const round2 = (value: number): number => Math.round(value * 100) / 100;

/** A rate is undefined, not 0, when nothing could have happened. */
const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;
const roundedRatio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : round2(numerator / denominator);

/** The metrics of METRICS.md, from a tally (a TALLY_SIZE array). */
export function metricValuesOf(tally: Float64Array): MetricValues {
  const at = (slot: number): number => tally[slot] ?? 0;
  const uv = at(UV);
  const pv = at(PV);
  const impressions = at(IMPRESSIONS);
  const interactingUsers = at(INTERACTING_USERS);
  const exposureUsers = at(EXPOSURE_USERS);
  const clickUsers = at(CLICK_USERS);
  const buyers = at(BUYERS);
  const gmv = at(GMV);
  const refunds = at(REFUNDS);
  return {
    onlineViewers: at(ONLINE_VIEWERS),
    peakOnline: at(PEAK_ONLINE),
    uv,
    impressions,
    impressionViewRate: ratio(pv, impressions),
    pv,
    entriesPerMinute: roundedRatio(pv, at(DURATION_MS) / MS_PER_MINUTE),
    avgWatchSeconds: roundedRatio(at(PRESENCE_MS) / 1000, at(PRESENT_USERS)),
    interactingUsers,
    interactionRate: ratio(interactingUsers, uv),
    newFollowers: at(NEW_FOLLOWERS),
    groupJoins: at(GROUP_JOINS),
    exposureUsers,
    clickUsers,
    exposureClickRate: ratio(clickUsers, exposureUsers),
    buyers,
    paidOrders: at(PAID_ORDERS),
    gmv,
    refunds,
    netGmv: gmv - refunds,
    clickBuyRate: ratio(buyers, clickUsers),
    viewerConversion: ratio(buyers, uv),
    gpm: pv === 0 ? null : round2((gmv / pv) * 1000),
    uvValue: roundedRatio(gmv, uv),
    aov: roundedRatio(gmv, buyers),
  };
}
