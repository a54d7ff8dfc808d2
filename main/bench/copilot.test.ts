/**
 * Runs the co-pilot benchmark small and checks the run it times: one engine,
 * one tick a second of event time, the questions the bench fed still all in
 * the 5-minute window, and every tick's ranking best first without repeats.
 * Its figures are printed by `npx tsx main/bench/copilot.ts`, never asserted.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { TalkingPointEngine, type EngineComment, type Suggestion, type TickInput } from '../../shared/copilot/engine/index.js';
import { benchCopilot } from './copilot.js';

afterEach(() => {
  vi.restoreAllMocks();
});

it('ticks once a second, keeps every question it fed in the window, and ranks each tick best first', () => {
  const addComment = vi.spyOn(TalkingPointEngine.prototype, 'addComment');
  const tick = vi.spyOn(TalkingPointEngine.prototype, 'tick');
  const result = benchCopilot(200, 20, 10);

  expect(result.commentsPerTick).toBe(200);
  expect(result.ticks).toBe(10);
  expect(new Set([...tick.mock.contexts, ...addComment.mock.contexts]).size).toBe(1);

  const inputs = tick.mock.calls.map(([input]) => input as TickInput);
  expect(inputs).toHaveLength(20);
  const start = inputs[0]!.now;
  expect(inputs.map((input) => input.now - start)).toEqual(Array.from({ length: 20 }, (_, s) => s * 1000));

  // Only questions are fed, at most the tick's comments, and 20 s of them all stay in the 5-minute window.
  const fed = addComment.mock.calls.map(([comment]) => comment as EngineComment);
  expect(fed.length).toBeGreaterThan(0);
  expect(fed.length).toBeLessThanOrEqual(20 * 200);
  expect(fed.every((comment) => comment.question)).toBe(true);
  expect(new Set(fed.map((comment) => comment.id)).size).toBe(fed.length);
  expect(result.questionsInWindow).toBe(fed.length);

  const rankings = tick.mock.results.map((r) => r.value as Suggestion[]);
  expect(rankings.some((suggestions) => suggestions.length > 0)).toBe(true);
  for (const [s, suggestions] of rankings.entries()) {
    const now = inputs[s]!.now;
    expect(new Set(suggestions.map((x) => x.id)).size, `tick ${s}`).toBe(suggestions.length);
    for (let i = 1; i < suggestions.length; i++) {
      const [a, b] = [suggestions[i - 1]!, suggestions[i]!];
      expect(a.priority > b.priority || (a.priority === b.priority && a.createdAt <= b.createdAt), `tick ${s}: ${a.id} before ${b.id}`).toBe(true);
    }
    for (const x of suggestions) {
      expect(x.createdAt, x.id).toBeLessThanOrEqual(now);
      expect(x.expiresAt, x.id).toBeGreaterThan(now);
    }
  }
});

it('classifies no more than the feed’s 2,000 comments a tick', () => {
  const addComment = vi.spyOn(TalkingPointEngine.prototype, 'addComment');
  const result = benchCopilot(5_000, 2, 1);
  expect(result.commentsPerTick).toBe(2_000);
  expect(result.ticks).toBe(1);
  expect(addComment.mock.calls.length).toBeLessThanOrEqual(2 * 2_000);
  expect(result.questionsInWindow).toBe(addComment.mock.calls.length);
});
