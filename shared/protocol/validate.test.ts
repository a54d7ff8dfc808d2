import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.js';
import { eventSchemas, liveEventSchema, unknownEventSchema, type EventType } from './schemas.js';
import { batchProblem, describeRaw, eventProblem, rejectedSeq } from './validate.js';

const user = { id: 'u1', name: '小红' };
/** One valid example per type: the fast path and zod must both accept these. */
const examples: Record<EventType, Record<string, unknown>> = {
  'viewer.enter': { user, source: 'note' },
  'viewer.leave': { userId: 'u1' },
  'online.count': { online: 120, cumulative: 3400 },
  comment: { id: 'c1', user: { ...user, follower: true, fanLevel: 3 }, text: '敏感肌能用吗？' },
  like: { userId: 'u1', count: 12, total: 5000 },
  retract: { ids: ['c1', 'c2'] },
  'room.impression': { count: 900 },
  follow: { user },
  share: { user },
  'group.join': { user: { ...user, groupMember: true }, groupId: 'g1' },
  'product.exposure': { productId: 'p1', count: 30 },
  'product.click': { productId: 'p1', user },
  'cart.add': { productId: 'p1', user, quantity: 2 },
  'order.created': { orderId: 'o1', productId: 'p1', user, quantity: 1, amount: 9900 },
  'order.paid': { orderId: 'o1', productId: 'p1', user, quantity: 1, amount: 9900, id: 'o1#paid' },
  'order.refunded': { orderId: 'o1', amount: 9900 },
  'coupon.claimed': { couponId: 'k1', user },
  'card.shown': { productId: 'p1' },
  'card.hidden': { productId: 'p1' },
  'stream.status': { status: 'live' },
};
const exampleEvents = Object.entries(examples).map(([type, payload], i) => ({ seq: i + 1, ts: 1_700_000_000_000 + i, type, ...payload }));

function zodAccepts(raw: unknown): boolean {
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type === 'string' && type in eventSchemas) return liveEventSchema.safeParse(raw).success;
  return unknownEventSchema.safeParse(raw).success && JSON.stringify(raw).length <= LIMITS.maxUnknownEventBytes;
}

/** Replaces one field, at any depth, with a hostile value. */
function mutate(event: Record<string, unknown>, path: string[], value: unknown): unknown {
  const copy = structuredClone(event);
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}

function paths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k]).filter((p) => p.length > prefix.length + 1)]);
}

const hostile = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 5 }),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -1, 0, 1.5, 2 ** 53, LIMITS.maxAmountFen + 1, LIMITS.maxQuantity + 1),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('', 'x'.repeat(LIMITS.maxTextLength + 1), 'x'.repeat(LIMITS.maxIdLength + 1), 'live', 'feed', 'Bad Type'),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

describe('event validation', () => {
  it('accepts a valid example of every event type', () => {
    for (const event of exampleEvents) {
      expect(eventProblem(event), event.type).toBeNull();
      expect(liveEventSchema.safeParse(event).success, event.type).toBe(true);
    }
  });

  it('agrees with the zod schemas on mutated events', () => {
    const allPaths = exampleEvents.flatMap((event, index) => paths(event).map((path) => ({ index, path })));
    fc.assert(
      fc.property(fc.constantFrom(...allPaths), hostile, ({ index, path }, value) => {
        const raw = mutate(exampleEvents[index]!, path, value);
        const fast = eventProblem(raw) === null;
        expect(fast, `${JSON.stringify(raw).slice(0, 300)}`).toBe(zodAccepts(raw));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with zod on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        expect(eventProblem(raw) === null).toBe(zodAccepts(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps well-formed events of unknown types and names the problem otherwise', () => {
    expect(eventProblem({ seq: 1, ts: 1, type: 'gift.sent', giftId: 'rose' })).toBeNull();
    expect(eventProblem({ seq: 1, ts: 1, type: 'Gift Sent' })).toMatch(/type/);
    expect(eventProblem({ seq: 0, ts: 1, type: 'like', count: 1 })).toMatch(/^seq/);
    expect(eventProblem({ seq: 2, ts: 1, type: 'comment', id: 'c', user, text: 'x'.repeat(2_000_000) })).toMatch(/text: too long/);
    expect(eventProblem({ seq: 2, ts: 1, type: 'order.paid', orderId: 'o', productId: 'p', user, quantity: 1, amount: -1 })).toMatch(/amount/);
  });
});

describe('batches', () => {
  it('refuses whole batches that are not arrays, empty or over the limit', () => {
    expect(batchProblem({})).toMatch(/expected an array/);
    expect(batchProblem([])).toMatch(/empty/);
    expect(batchProblem(new Array(LIMITS.maxBatch + 1).fill(exampleEvents[0]))).toMatch(/exceed the limit/);
    expect(batchProblem(exampleEvents)).toBeNull();
  });

  it('keeps the seq of a reject when it has one', () => {
    expect(rejectedSeq({ seq: 9, ts: 1, type: 'like', count: -3 })).toBe(9);
    expect(rejectedSeq('garbage')).toBeNull();
    expect(rejectedSeq({ seq: -1 })).toBeNull();
  });

  it('clamps the stored form of a huge reject', () => {
    expect(describeRaw({ seq: 1, ts: 1, type: 'comment', id: 'c', user, text: 'x'.repeat(1_000_000) }).length).toBeLessThanOrEqual(4097);
    expect(describeRaw('y'.repeat(1_000_000)).length).toBeLessThanOrEqual(4097);
  });
});
