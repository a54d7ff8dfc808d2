export { metricKeys, metricLabels, type MetricKey, type MetricValues } from './keys.js';
export {
  ENGINE_STATE_VERSION,
  MetricsEngine,
  type EngineState,
  type SessionCounters,
  type WindowMetrics,
} from './engine.js';
export type { MinuteMetrics } from './minutes.js';
export type { OnAir, ProductStats } from './products.js';
