/**
 * What a UI sees of the core: the snapshot `Core.snapshot()` returns, which
 * is also what the state stream's patches are cut from.
 */
import { CHART_MINUTES, type ConnectionView, type CoreSnapshot, type ProductView } from '../../../shared/api/contract.js';
import type { Suggestion } from '../../../shared/copilot/engine/index.js';
import { metricKeys, type MetricValues } from '../../../shared/metrics/index.js';
import type { CatalogApi } from '../catalog/catalog-api.js';
import type { IngestPipeline } from '../ingest/pipeline.js';
import type { PlanRunner } from '../plan/plan-runner.js';
import type { ConnectionStatus } from '../source/types.js';
import type { SessionAnnotations } from './annotations.js';
import type { RateMeter } from './rate-meter.js';

export interface SnapshotParts {
  pipeline: IngestPipeline;
  annotations: SessionAnnotations;
  planRunner: PlanRunner;
  catalog: CatalogApi;
  rate: RateMeter;
  /** Where the events come from, as the connection view names it. */
  gateway: { url: string; room: string };
  status(): ConnectionStatus;
  suggestions(): Suggestion[];
}

const emptyMetrics = (): MetricValues => Object.fromEntries(metricKeys.map((k) => [k, null])) as MetricValues;

export function snapshotBuilder(parts: SnapshotParts): () => CoreSnapshot {
  const { pipeline, annotations, planRunner, catalog, rate, gateway } = parts;

  const connectionView = (): ConnectionView => {
    const status = parts.status();
    return {
      state: status.state,
      attempt: status.attempt,
      ...(status.error ? { error: status.error } : {}),
      lastEventAt: pipeline.counters.lastEventAt,
      gateway: gateway.url,
      room: gateway.room,
    };
  };

  // The window, as last listed with its answered marks; listed again only when the comments or the marks changed.
  let listed: { version: string; comments: CoreSnapshot['comments'] } = { version: '', comments: [] };
  const comments = (active: IngestPipeline['active']): CoreSnapshot['comments'] => {
    const version = `${active?.key ?? ''}/${pipeline.comments.version}/${annotations.version}`;
    if (listed.version !== version) {
      const list = pipeline.comments.list(active?.products ?? []).map((comment) => (annotations.isAnswered(comment.id) ? { ...comment, answered: true } : comment));
      listed = { version, comments: list };
    }
    return listed.comments;
  };

  return () => {
    const active = pipeline.active;
    annotations.follow(active?.key ?? null);
    planRunner.follow();
    const engine = active?.engine;
    const stats = new Map((engine?.products() ?? []).map((p) => [p.productId, p]));
    // The gateway knows no coupons: the card on air shows the merchant's, from the catalog.
    const coupons = catalog.coupons();
    const products: ProductView[] = (active?.products ?? []).map((p) => {
      const s = stats.get(p.id);
      return {
        ...p,
        coupon: coupons.get(p.id) ?? null,
        exposureUsers: s?.exposureUsers ?? 0,
        clickUsers: s?.clickUsers ?? 0,
        paidOrders: s?.paidOrders ?? 0,
        buyers: s?.buyers ?? 0,
        gmv: s?.gmv ?? 0,
      };
    });
    const window = (m: 1 | 5) => engine?.window(m) ?? { current: emptyMetrics(), previous: emptyMetrics() };
    return {
      connection: connectionView(),
      session: active
        ? { id: active.hello.session.id, room: active.hello.room, startedAt: active.hello.session.startedAt, endedAt: active.endedAt }
        : null,
      now: engine?.now() ?? 0,
      totals: engine?.totals() ?? emptyMetrics(),
      windows: { m1: window(1), m5: window(5) },
      onAir: engine?.onAir() ?? null,
      products,
      ingest: {
        stored: pipeline.counters.stored,
        rejected: pipeline.counters.rejected,
        duplicates: pipeline.counters.duplicates,
        gaps: [...pipeline.counters.gaps],
        eventsPerSec: rate.perSecond(),
      },
      comments: comments(active),
      moments: annotations.list(),
      minutes: engine?.minuteSeries(CHART_MINUTES) ?? [],
      suggestions: parts.suggestions(),
      plan: planRunner.view(),
    };
  };
}
