/**
 * The hot-path validator: hand-written checks equivalent to schemas.ts,
 * about 50x cheaper than zod's parse. A property test (validate.test.ts)
 * holds the two to the same verdict on valid and mutated events.
 *
 * Checks return a reason string (the first problem found) or null when the
 * value is valid, so a valid event costs no allocation.
 */
import { LIMITS } from './limits.js';
import { trafficSources, type EventType } from './schemas.js';

type Obj = Record<string, unknown>;
type Check = (e: Obj) => string | null;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function str(v: unknown, field: string, min: number, max: number): string | null {
  if (typeof v !== 'string') return `${field}: expected string`;
  if (v.length < min) return `${field}: empty`;
  if (v.length > max) return `${field}: too long (${v.length} > ${max})`;
  return null;
}
const idOf = (v: unknown, field: string) => str(v, field, 1, LIMITS.maxIdLength);
const optId = (v: unknown, field: string) => (v === undefined ? null : idOf(v, field));
const int = (v: unknown, field: string, min: number, max: number) =>
  isInt(v, min, max) ? null : `${field}: expected integer in [${min}, ${max}]`;
const optInt = (v: unknown, field: string, min: number, max: number) => (v === undefined ? null : int(v, field, min, max));
const optBool = (v: unknown, field: string) =>
  v === undefined || typeof v === 'boolean' ? null : `${field}: expected boolean`;

function user(v: unknown, field = 'user'): string | null {
  if (!isObj(v)) return `${field}: expected object`;
  return (
    idOf(v.id, `${field}.id`) ??
    str(v.name, `${field}.name`, 0, LIMITS.maxNameLength) ??
    optBool(v.follower, `${field}.follower`) ??
    optBool(v.groupMember, `${field}.groupMember`) ??
    optInt(v.fanLevel, `${field}.fanLevel`, 0, LIMITS.maxFanLevel)
  );
}

const count = (v: unknown, f: string) => int(v, f, 0, LIMITS.maxCount);
const positive = (v: unknown, f: string) => int(v, f, 1, LIMITS.maxCount);
const quantity = (v: unknown) => int(v, 'quantity', 1, LIMITS.maxQuantity);
const amount = (v: unknown) => int(v, 'amount', 0, LIMITS.maxAmountFen);
const sources = new Set<unknown>(trafficSources);
const streamStatuses = new Set<unknown>(['live', 'paused', 'ended']);

const order: Check = (e) =>
  idOf(e.orderId, 'orderId') ?? idOf(e.productId, 'productId') ?? user(e.user) ?? quantity(e.quantity) ?? amount(e.amount);
const userOnly: Check = (e) => user(e.user);
const card: Check = (e) => idOf(e.productId, 'productId');

const payloadChecks: Record<EventType, Check> = {
  'viewer.enter': (e) =>
    user(e.user) ?? (e.source === undefined || sources.has(e.source) ? null : 'source: unknown traffic source'),
  'viewer.leave': (e) => idOf(e.userId, 'userId'),
  'online.count': (e) => count(e.online, 'online') ?? (e.cumulative === undefined ? null : count(e.cumulative, 'cumulative')),
  comment: (e) => idOf(e.id, 'id') ?? user(e.user) ?? str(e.text, 'text', 1, LIMITS.maxTextLength),
  like: (e) =>
    optId(e.userId, 'userId') ?? positive(e.count, 'count') ?? (e.total === undefined ? null : count(e.total, 'total')),
  retract: (e) => {
    const ids = e.ids;
    if (!Array.isArray(ids)) return 'ids: expected array';
    if (ids.length < 1 || ids.length > LIMITS.maxListItems) return `ids: expected 1..${LIMITS.maxListItems} items`;
    for (let i = 0; i < ids.length; i++) {
      const p = idOf(ids[i], `ids[${i}]`);
      if (p) return p;
    }
    return null;
  },
  'room.impression': (e) => count(e.count, 'count'),
  follow: userOnly,
  share: userOnly,
  'group.join': (e) => user(e.user) ?? idOf(e.groupId, 'groupId'),
  'product.exposure': (e) =>
    idOf(e.productId, 'productId') ?? optId(e.userId, 'userId') ?? (e.count === undefined ? null : positive(e.count, 'count')),
  'product.click': (e) => idOf(e.productId, 'productId') ?? user(e.user),
  'cart.add': (e) => idOf(e.productId, 'productId') ?? user(e.user) ?? quantity(e.quantity),
  'order.created': order,
  'order.paid': order,
  'order.refunded': (e) => idOf(e.orderId, 'orderId') ?? amount(e.amount),
  'coupon.claimed': (e) => idOf(e.couponId, 'couponId') ?? user(e.user),
  'card.shown': card,
  'card.hidden': card,
  'stream.status': (e) => (streamStatuses.has(e.status) ? null : 'status: expected live, paused or ended'),
};

const knownTypes = new Map<unknown, Check>(Object.entries(payloadChecks));
const typePattern = /^[a-z][a-z0-9._-]*$/;

export function isKnownEventType(type: unknown): type is EventType {
  return knownTypes.has(type);
}

/** The first reason `raw` is not a valid event of any type, or null. */
export function eventProblem(raw: unknown): string | null {
  if (!isObj(raw)) return 'event: expected object';
  const envelope =
    int(raw.seq, 'seq', 1, Number.MAX_SAFE_INTEGER) ?? int(raw.ts, 'ts', 0, Number.MAX_SAFE_INTEGER) ?? optId(raw.id, 'id');
  if (envelope) return envelope;
  const check = knownTypes.get(raw.type);
  if (check) return check(raw);
  const type = raw.type;
  if (typeof type !== 'string' || type.length === 0 || type.length > LIMITS.maxTypeLength || !typePattern.test(type)) {
    return 'type: expected a lower-case event type';
  }
  // Unknown types are rare; their size is only knowable by serializing them.
  return JSON.stringify(raw).length > LIMITS.maxUnknownEventBytes ? 'event: unknown type larger than the limit' : null;
}

const MAX_REJECT_RAW = 4096;

/** A bounded, never-throwing text form of anything a gateway might send. */
export function describeRaw(raw: unknown): string {
  let text: string;
  try {
    text = typeof raw === 'string' ? JSON.stringify(raw.slice(0, MAX_REJECT_RAW)) : (JSON.stringify(raw) ?? String(raw));
  } catch {
    text = String(raw);
  }
  return text.length > MAX_REJECT_RAW ? `${text.slice(0, MAX_REJECT_RAW)}…` : text;
}

/**
 * Why a whole `events` payload is refused (not an array, empty, or over the
 * batch limit, as docs/PROTOCOL.md asks), or null when its events can be judged
 * one by one with `eventProblem`.
 */
export function batchProblem(payload: unknown): string | null {
  if (!Array.isArray(payload)) return 'batch: expected an array of events';
  if (payload.length === 0) return 'batch: empty';
  if (payload.length > LIMITS.maxBatch) return `batch: ${payload.length} events exceed the limit of ${LIMITS.maxBatch}`;
  return null;
}

/** The seq of a rejected value, when it has a usable one (to show where in the stream it was). */
export function rejectedSeq(raw: unknown): number | null {
  return isObj(raw) && isInt(raw.seq, 1, Number.MAX_SAFE_INTEGER) ? (raw.seq as number) : null;
}
