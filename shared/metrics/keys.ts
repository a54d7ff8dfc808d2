/**
 * The metric keys, in the order of the table in METRICS.md (the one
 * definition of every figure), with the labels the table gives them.
 */

export const metricKeys = [
  'onlineViewers',
  'peakOnline',
  'uv',
  'impressions',
  'impressionViewRate',
  'pv',
  'entriesPerMinute',
  'avgWatchSeconds',
  'interactingUsers',
  'interactionRate',
  'newFollowers',
  'groupJoins',
  'exposureUsers',
  'clickUsers',
  'exposureClickRate',
  'buyers',
  'paidOrders',
  'gmv',
  'refunds',
  'netGmv',
  'clickBuyRate',
  'viewerConversion',
  'gpm',
  'uvValue',
  'aov',
] as const;

export type MetricKey = (typeof metricKeys)[number];

/** One value per metric; `null` where the metric's denominator is 0 (shown as "—"). */
export type MetricValues = Record<MetricKey, number | null>;

export const metricLabels: Record<MetricKey, { zh: string; en: string }> = {
  onlineViewers: { zh: '实时在线人数', en: 'online viewers' },
  peakOnline: { zh: '最高在线人数', en: 'peak online' },
  uv: { zh: '累计观看人数', en: 'cumulative viewers (UV)' },
  impressions: { zh: '直播间曝光次数', en: 'room impressions' },
  impressionViewRate: { zh: '曝光-观看率', en: 'impression → view rate' },
  pv: { zh: '观看次数', en: 'views (PV)' },
  entriesPerMinute: { zh: '进场人数/分钟', en: 'entries per minute' },
  avgWatchSeconds: { zh: '人均观看时长', en: 'average watch time' },
  interactingUsers: { zh: '互动人数', en: 'interacting users' },
  interactionRate: { zh: '互动率', en: 'interaction rate' },
  newFollowers: { zh: '新增粉丝', en: 'new followers' },
  groupJoins: { zh: '进群人数', en: 'group joins' },
  exposureUsers: { zh: '商品曝光人数', en: 'product exposure users' },
  clickUsers: { zh: '商品点击人数', en: 'product click users' },
  exposureClickRate: { zh: '商品点击率', en: 'exposure → click rate' },
  buyers: { zh: '成交人数', en: 'buyers' },
  paidOrders: { zh: '成交订单数', en: 'paid orders' },
  gmv: { zh: '成交金额', en: 'GMV' },
  refunds: { zh: '退款金额', en: 'refunds' },
  netGmv: { zh: '净成交金额', en: 'net GMV' },
  clickBuyRate: { zh: '点击-成交转化率', en: 'click → buy conversion' },
  viewerConversion: { zh: '观看-成交转化率', en: 'viewer conversion' },
  gpm: { zh: '千次观看成交金额', en: 'GPM' },
  uvValue: { zh: 'UV价值', en: 'UV value' },
  aov: { zh: '客单价', en: 'average order value' },
};
