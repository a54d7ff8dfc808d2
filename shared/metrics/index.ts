export { metricKeys, metricLabels, type MetricKey, type MetricValues } from './keys.js';
export {
  ENGINE_STATE_VERSION,
  MetricsEngine,
  type EngineState,
  type SessionCounters,
  type SessionUser,
  type WindowMetrics,
} from './engine.js';
export type { MinuteMetrics } from './minutes.js';
export type { CardStint, OnAir, ProductStats } from './products.js';
export { activityKinds, type ActivityKind, type MinuteActivity } from './activity.js';
