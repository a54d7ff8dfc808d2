/** Keeps the microbenchmark runnable; its figure is printed by hand, never asserted. */
import { expect, it } from 'vitest';
import { benchMetricsEngine } from './engine.bench.js';

it('runs the microbenchmark', () => {
  expect(benchMetricsEngine(20_000).eventsPerSec).toBeGreaterThan(0);
});
