/**
 * The co-pilot on the real simulator and core: a recording the test writes
 * (steady traffic, a card on air, a burst of sensitive-skin questions, a
 * price question nobody answers, a surge of viewers) is replayed, and the
 * talking points are read from the core's snapshots as a UI would.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuyingPoint } from '../shared/catalog/catalog.js';
import { COPILOT, type Suggestion } from '../shared/copilot/engine/index.js';
import { lineIn, reasonIn } from '../shared/copilot/engine/cue-text.js';
import { numberFormats } from '../shared/format/numbers.js';
import type { LiveEvent } from '../shared/protocol/index.js';
import { startCore, type Core } from '../main/core/api/core.js';
import { startSimulator, type RunningSimulator } from '../main/simulator/index.js';
import { runCli, tempDir, waitFor } from './helpers.js';

const tmp = tempDir('livecue-copilot-');
const X = 'sk-repair-cream';
const SENSITIVE: BuyingPoint = {
  id: 'bp-repair-sensitive',
  productId: X,
  audience: '敏感肌',
  scenario: '换季泛红',
  pain: '换季脸一红就不敢乱用东西',
  benefit: '屏障稳住，泛红少了',
  proof: '人体斑贴测试',
  line: '敏感肌姐妹放心，这款做过人体斑贴测试，无香精无酒精，换季泛红的时候也能用',
  answers: ['suitability'],
  keywords: ['敏感'],
  origin: 'merchant',
  originNote: '',
  status: 'accepted',
};

const T = 1_700_000_000_000;
const s = (seconds: number) => T + seconds * 1000;
const BURST_END = 70;
const SURGE = { from: 120, to: 150 };
const PRICE_AT = 150;
const END = 260;

/** An event without its seq and time (each member of the union on its own). */
type EventDraft = LiveEvent extends infer E ? (E extends LiveEvent ? Omit<E, 'seq' | 'ts'> : never) : never;

/** The recording: steady traffic below every threshold, and the moments the scenarios need. */
function recording(): LiveEvent[] {
  const events: LiveEvent[] = [];
  const at = (seconds: number, event: EventDraft) => events.push({ seq: 0, ts: s(seconds), ...event } as LiveEvent);
  at(0, { type: 'stream.status', status: 'live' });
  at(1, { type: 'card.shown', productId: X });
  for (let t = 2; t <= END; t += 6) at(t, { type: 'viewer.enter', user: { id: `steady-${t}`, name: `观众${t}` } });
  for (let t = 3; t <= END; t += 2) at(t, { type: 'like', count: 3 });
  const asks = ['敏感肌能用吗', '敏感肌能用吗？', '敏感肌可以用吗', '敏感肌能用吗'];
  for (let i = 0; i < 14; i++) {
    at(56 + i, { type: 'comment', id: `sensitive-${i}`, user: { id: `asker-${i}`, name: `宝宝${i}` }, text: asks[i % asks.length]! });
  }
  at(PRICE_AT, { type: 'comment', id: 'price-1', user: { id: 'buyer-1', name: '想买' }, text: '这个多少钱' });
  for (let i = 0; i < 60; i++) at(SURGE.from + (i * (SURGE.to - SURGE.from)) / 60, { type: 'viewer.enter', user: { id: `surge-${i}`, name: `新人${i}` } });
  events.sort((a, b) => a.ts - b.ts);
  return events.map((event, i) => ({ ...event, seq: i + 1 }));
}

/** Every ranking the co-pilot made, with the live-room time it was made at. */
const timeline: { now: number; suggestions: Suggestion[] }[] = [];
const firstAt = (match: (suggestions: Suggestion[]) => boolean) => timeline.find((r) => match(r.suggestions))?.now ?? null;
/** The replay re-bases timestamps onto its own clock: the recording's second N is `live(N)`, found from the card shown at second 1. */
let onAirSince = 0;
const live = (seconds: number) => onAirSince + (seconds - 1) * 1000;

let simulator: RunningSimulator;
let core: Core;

beforeAll(async () => {
  const file = tmp.file('copilot.jsonl');
  writeFileSync(file, recording().map((e) => JSON.stringify(e)).join('\n'));
  // As fast as the core acknowledges, one event at a time: the live room's clock runs far ahead of the wall's,
  // and the co-pilot, its catch-up limit lifted, ranks once per live-room second, as it does live.
  simulator = await startSimulator({ token: 't', replayFile: file, speed: 'max', maxInFlightEvents: 1 });
  core = await startCore({
    dbFile: tmp.file('copilot.db'),
    copilotCpuShare: 0,
    gateway: { url: simulator.url, room: simulator.room, token: 't' },
    buyingPoints: () => ({ buyingPoints: [SENSITIVE], categories: { [X]: 'skincare' } }),
    onSuggestions: (suggestions, now) => {
      timeline.push({ now, suggestions });
      // Captured while the card is on air (the end of the stream takes it down).
      onAirSince ||= core?.snapshot().onAir?.since ?? 0;
    },
  });
  await core.finished();
});
afterAll(async () => {
  await core?.stop();
  await simulator?.close();
  tmp.remove();
});

describe('co-pilot on the simulator', () => {
  it('a burst of sensitive-skin questions makes the product on air’s sensitive-skin point the top suggestion within 5 s, with the count', async () => {
    const ranking = timeline.find((r) => r.suggestions[0]?.reason === '14 位观众问「敏感肌能用吗」')!;
    const top = ranking.suggestions[0]!;
    expect(top.id).toBe(`point:${SENSITIVE.id}`);
    expect(top.line).toBe(SENSITIVE.line);
    expect(top.reason).toBe('14 位观众问「敏感肌能用吗」');
    expect(top.productId).toBe(X);
    expect(ranking.now - live(BURST_END - 1)).toBeLessThanOrEqual(5_000);

    // Still up at the end (the questions are within 5 minutes): the assistant marks it used.
    expect(core.snapshot().suggestions.map((x) => x.id)).toContain(top.id);
    const mark = await core.markSuggestion(top.id, 'used');
    expect(mark).toMatchObject({ suggestionId: top.id, outcome: 'used', line: SENSITIVE.line });
    expect(core.snapshot().suggestions.find((x) => x.id === top.id)).toBeUndefined();
    // Used, it answered the questions it was merged with: they are stored answered, and leave the 待回复 count.
    const burst = core.commentHistory(undefined, 10_000).filter((c) => c.question && c.text.includes('敏感肌'));
    expect(burst.length).toBeGreaterThanOrEqual(14);
    expect(burst.filter((c) => c.answered).length).toBeGreaterThanOrEqual(14);
  });

  it('an unanswered price question surfaces within 60 s and leaves when marked answered', async () => {
    const first = timeline.flatMap((r) => r.suggestions).find((x) => x.kind === 'answer' && x.sources.includes('price-1'))!;
    expect(first.quote).toBe('这个多少钱');
    expect(first.reason).toMatch(/^提问已 6\d 秒未回答：「这个多少钱」$/);
    // Still waiting at the end of the stream, until the assistant marks it answered.
    expect(core.snapshot().suggestions.find((x) => x.sources.includes('price-1'))).toBeDefined();
    const seenAt = firstAt((list) => list.some((x) => x.sources.includes('price-1')))!;
    expect(seenAt - live(PRICE_AT)).toBeGreaterThanOrEqual(COPILOT.UNANSWERED_AFTER_MS);
    expect(seenAt - live(PRICE_AT)).toBeLessThanOrEqual(COPILOT.UNANSWERED_AFTER_MS + 2_000);
    await core.markComment('price-1', true);
    expect(core.snapshot().suggestions.find((x) => x.sources.includes('price-1'))).toBeUndefined();
    const ticks = timeline.length;
    await waitFor(() => timeline.length > ticks + 1, 5_000);
    expect(core.snapshot().suggestions.find((x) => x.sources.includes('price-1'))).toBeUndefined();
  });

  it('a viewer surge produces a welcome cue with its numbers, and it expires', async () => {
    const welcome = timeline.flatMap((r) => r.suggestions).find((x) => x.kind === 'welcome')!;
    expect(welcome.reason).toMatch(/^近 1 分钟进场 \d+ 人，上一分钟 \d+ 人$/);
    expect(welcome.expiresAt - welcome.createdAt).toBe(COPILOT.CUE_TTL_MS);
    expect(welcome.createdAt).toBeGreaterThanOrEqual(live(SURGE.from));
    expect(welcome.createdAt).toBeLessThanOrEqual(live(SURGE.to));
    const lastSeen = [...timeline].reverse().find((r) => r.suggestions.some((x) => x.kind === 'welcome'))!;
    expect(lastSeen.now).toBeLessThan(welcome.expiresAt);
    expect(timeline.at(-1)!.now).toBeGreaterThan(welcome.expiresAt + 30_000);
    expect(core.snapshot().suggestions.find((x) => x.kind === 'welcome')).toBeUndefined();
  });

  it('keeps what was used and what was dismissed for the recap', async () => {
    // Whatever the host still sees when the stream ends (the room is emptying: a cue), waved away.
    const shown = core.snapshot().suggestions[0];
    expect(shown).toBeDefined();
    await core.markSuggestion(shown!.id, 'dismissed');
    expect(core.recap().suggestions).toEqual([
      expect.objectContaining({ suggestionId: `point:${SENSITIVE.id}`, outcome: 'used', kind: 'buyingPoint' }),
      expect.objectContaining({ suggestionId: shown!.id, outcome: 'dismissed', kind: shown!.kind, line: shown!.line }),
    ]);
    // Stored with its messages: an English reader of the recap reads the engine's own words in English.
    const dismissed = core.recap().suggestions[1]!;
    expect(dismissed.text).toEqual(shown!.text);
    expect(lineIn(dismissed, numberFormats('zh-CN'))).toBe(shown!.line);
    expect(reasonIn(dismissed, numberFormats('en'))).toMatch(/^[A-Z0-9].*[a-z]{3}/);
    // And the operator's printed recap lists both.
    const printed = await runCli(['recap', '--db', tmp.file('copilot.db')]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/话术 Talking points: 1 used, 1 dismissed/);
    expect(printed.stdout).toContain(`✓ 已用 used       ${SENSITIVE.line}  (14 位观众问「敏感肌能用吗」)`);
    expect(printed.stdout).toContain(`✗ 忽略 dismissed  ${shown!.line}`);
  });
});
