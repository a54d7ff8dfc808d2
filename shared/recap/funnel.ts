/**
 * The funnel (五维四率) and the traffic sources of one session, from its
 * totals and its users (METRICS.md: the funnel's five steps and the rates
 * between adjacent ones; traffic sources split UV and buyers by where users
 * came from — the N and P of NPL, measured).
 */
import type { MetricValues, SessionUser } from '../metrics/index.js';
import { trafficSources, type TrafficSource } from '../protocol/index.js';

export const funnelSteps = ['impressions', 'uv', 'exposureUsers', 'clickUsers', 'buyers'] as const;
export type FunnelStep = (typeof funnelSteps)[number];

export interface FunnelStage {
  step: FunnelStep;
  count: number | null;
  /** This step ÷ the one before; null for the first step or a zero denominator. */
  rate: number | null;
}

export function funnelOf(totals: MetricValues): FunnelStage[] {
  return funnelSteps.map((step, index) => {
    const count = totals[step];
    const before = index === 0 ? null : totals[funnelSteps[index - 1]!];
    return { step, count, rate: count === null || !before ? null : count / before };
  });
}

export interface TrafficShare {
  /** null: the platform reported no source for these users. */
  source: TrafficSource | null;
  uv: number;
  buyers: number;
  /** Fen paid by these users. */
  gmv: number;
  /** Buyers ÷ UV of this source. */
  conversion: number | null;
}

/** Every source in protocol order, then users without one; sources nobody came from are left out. */
export function trafficOf(users: readonly SessionUser[]): TrafficShare[] {
  const shares = new Map<TrafficSource | null, TrafficShare>([...trafficSources, null].map((source) => [source, { source, uv: 0, buyers: 0, gmv: 0, conversion: null }]));
  for (const user of users) {
    if (!user.entered) continue;
    const share = shares.get(user.source)!;
    share.uv++;
    if (user.paid) share.buyers++;
    share.gmv += user.paidFen;
  }
  return [...shares.values()].filter((share) => share.uv > 0).map((share) => ({ ...share, conversion: share.buyers / share.uv }));
}
