/**
 * The engine against a brute-force model on long, messy generated sessions:
 * totals, both rolling windows with their previous windows, the per-minute
 * series and per-product figures must match exactly at every checkpoint.
 */
import { describe, expect, it } from 'vitest';
import { MetricsEngine } from './engine.js';
import { applyStep, generateStream } from './testing/generated-stream.js';
import { ReferenceModel } from './testing/reference-model.js';

const byProductId = <T extends { productId: string }>(rows: T[]) => [...rows].sort((a, b) => a.productId.localeCompare(b.productId));

describe('MetricsEngine on generated sessions', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`matches the brute-force model at every checkpoint (seed ${seed})`, () => {
      const stream = generateStream(seed, 1_500, { end: seed % 2 === 0 });
      const engine = new MetricsEngine({ startedAt: stream.startedAt });
      const model = new ReferenceModel(stream.startedAt);
      engine.setProducts(stream.products);
      model.setProducts(stream.products);
      let checkpoints = 0;
      for (const [index, step] of stream.steps.entries()) {
        applyStep(engine, step);
        applyStep(model, step);
        if (index % 37 !== 0 && index !== stream.steps.length - 1) continue;
        checkpoints++;
        const where = `after step ${index} (${step.kind})`;
        expect(engine.totals(), `totals ${where}`).toEqual(model.totals());
        expect(engine.window(1), `1-minute window ${where}`).toEqual(model.window(1));
        expect(engine.window(5), `5-minute window ${where}`).toEqual(model.window(5));
        expect(byProductId(engine.products()), `products ${where}`).toEqual(byProductId(model.products()));
      }
      expect(engine.minuteSeries()).toEqual(model.minuteSeries());
      expect(checkpoints).toBeGreaterThan(30);
    });
  }
});
