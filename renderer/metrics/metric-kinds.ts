import type { MetricKey } from '../../shared/metrics/keys.js';

/** How a metric's number reads (METRICS.md): money is fen, rates are fractions, watch time is seconds. */
export type MetricKind = 'count' | 'money' | 'rate' | 'seconds';

export const metricKinds: Record<MetricKey, MetricKind> = {
  onlineViewers: 'count',
  peakOnline: 'count',
  uv: 'count',
  impressions: 'count',
  impressionViewRate: 'rate',
  pv: 'count',
  entriesPerMinute: 'count',
  avgWatchSeconds: 'seconds',
  interactingUsers: 'count',
  interactionRate: 'rate',
  newFollowers: 'count',
  groupJoins: 'count',
  exposureUsers: 'count',
  clickUsers: 'count',
  exposureClickRate: 'rate',
  buyers: 'count',
  paidOrders: 'count',
  gmv: 'money',
  refunds: 'money',
  netGmv: 'money',
  clickBuyRate: 'rate',
  viewerConversion: 'rate',
  gpm: 'money',
  uvValue: 'money',
  aov: 'money',
};
