/**
 * The five-layer user assets (五层用户资产) of METRICS.md, across all the
 * sessions of the merchant's rooms in one database. A user's history is
 * what every earlier session added up to; the layer follows from it, the
 * highest that applies:
 *   亲密 intimate   — a group member, or paid in 3 or more sessions
 *   老客 returning  — paid in 2 or more sessions
 *   新客 new        — paid in exactly 1 session
 *   兴趣 interested — interacted, clicked or added to cart, never paid
 *   了解 aware      — entered, nothing more
 * A user never seen before a session has no layer at its entry ("first
 * visit"), so the recap can tell newcomers from people moving up.
 */
import type { SessionUser } from '../metrics/index.js';

export const userLayers = ['aware', 'interested', 'newCustomer', 'returning', 'intimate'] as const;
export type UserLayer = (typeof userLayers)[number];
/** A layer, or "first visit" for a user not seen in any earlier session. */
export type LayerAtEntry = UserLayer | 'firstVisit';
export const layersAtEntry: readonly LayerAtEntry[] = ['firstVisit', ...userLayers];

export interface UserHistory {
  paidSessions: number;
  engaged: boolean;
  groupMember: boolean;
}

export function layerOf(history: UserHistory): UserLayer {
  if (history.groupMember || history.paidSessions >= 3) return 'intimate';
  if (history.paidSessions === 2) return 'returning';
  if (history.paidSessions === 1) return 'newCustomer';
  return history.engaged ? 'interested' : 'aware';
}

/** The history after one more session. */
export function withSession(history: UserHistory | undefined, user: SessionUser): UserHistory {
  return {
    paidSessions: (history?.paidSessions ?? 0) + (user.paid ? 1 : 0),
    engaged: (history?.engaged ?? false) || user.engaged,
    groupMember: (history?.groupMember ?? false) || user.groupMember,
  };
}

export interface LayerShare {
  layer: LayerAtEntry;
  uv: number;
  buyers: number;
  gmv: number;
}

export interface LayerMove {
  from: LayerAtEntry;
  to: UserLayer;
  users: number;
}

export interface SessionLayers {
  /** UV, buyers and GMV by the layer users had when the session began. */
  atEntry: LayerShare[];
  /** Users whose layer changed during the session (first visits included), largest first. */
  moves: LayerMove[];
}

/** The session's users against their histories before it: the split at entry and the moves. */
export function sessionLayers(users: readonly SessionUser[], before: (userId: string) => UserHistory | undefined): SessionLayers {
  const shares = new Map<LayerAtEntry, LayerShare>(layersAtEntry.map((layer) => [layer, { layer, uv: 0, buyers: 0, gmv: 0 }]));
  const moves = new Map<string, LayerMove>();
  for (const user of users) {
    const history = before(user.userId);
    const from: LayerAtEntry = history ? layerOf(history) : 'firstVisit';
    const share = shares.get(from)!;
    if (user.entered) share.uv++;
    if (user.paid) share.buyers++;
    share.gmv += user.paidFen;
    const to = layerOf(withSession(history, user));
    if (to === from) continue;
    const key = `${from}>${to}`;
    const move = moves.get(key) ?? { from, to, users: 0 };
    move.users++;
    moves.set(key, move);
  }
  return { atEntry: [...shares.values()], moves: [...moves.values()].sort((a, b) => b.users - a.users) };
}

/** How many users of the merchant are in each layer. */
export function layerSizes(histories: Iterable<UserHistory>): Record<UserLayer, number> {
  const sizes = Object.fromEntries(userLayers.map((layer) => [layer, 0])) as Record<UserLayer, number>;
  for (const history of histories) sizes[layerOf(history)]++;
  return sizes;
}
