/** Keeps the co-pilot benchmark runnable; its figures are printed by `npx tsx main/bench/copilot.ts`, never asserted. */
import { expect, it } from 'vitest';
import { benchCopilot } from './copilot.js';

it('runs the co-pilot benchmark', () => {
  const result = benchCopilot(200, 20, 10);
  expect(result.ticks).toBe(10);
  expect(result.engineMs.median).toBeGreaterThan(0);
});
