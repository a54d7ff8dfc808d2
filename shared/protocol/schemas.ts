/**
 * docs/PROTOCOL.md v1 as zod schemas. These are the reference definition of a
 * valid message; the hot path uses the hand-written checks in validate.ts,
 * which a property test keeps in agreement with these schemas.
 */
import { z } from 'zod';
import { LIMITS } from './limits.js';

const id = z.string().min(1).max(LIMITS.maxIdLength);
const name = z.string().max(LIMITS.maxNameLength);
const count = z.number().int().min(0).max(LIMITS.maxCount);
const positiveCount = z.number().int().min(1).max(LIMITS.maxCount);
const quantity = z.number().int().min(1).max(LIMITS.maxQuantity);
const amount = z.number().int().min(0).max(LIMITS.maxAmountFen);

export const trafficSources = ['feed', 'note', 'search', 'follow', 'group', 'share', 'ad', 'other'] as const;
export type TrafficSource = (typeof trafficSources)[number];

export const userSchema = z.object({
  id,
  name,
  follower: z.boolean().optional(),
  groupMember: z.boolean().optional(),
  fanLevel: z.number().int().min(0).max(LIMITS.maxFanLevel).optional(),
});
export type User = z.infer<typeof userSchema>;

export const roomSchema = z.object({
  id,
  title: z.string().max(LIMITS.maxTitleLength),
  host: name,
  platform: z.string().min(1).max(LIMITS.maxNameLength),
});
export type Room = z.infer<typeof roomSchema>;

export const productSchema = z.object({
  id,
  title: z.string().min(1).max(LIMITS.maxTitleLength),
  price: amount,
  stock: count.optional(),
  image: z.string().max(LIMITS.maxUrlLength).optional(),
  sellingPoints: z.array(z.string().max(LIMITS.maxTitleLength)).max(50).optional(),
});
export type Product = z.infer<typeof productSchema>;

/** Fields every event carries. `id` is the platform's own id, used for dedup. */
const envelope = {
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  ts: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  id: id.optional(),
};

const withUser = { user: userSchema };

export const eventSchemas = {
  'viewer.enter': z.object({ ...envelope, type: z.literal('viewer.enter'), ...withUser, source: z.enum(trafficSources).optional() }),
  'viewer.leave': z.object({ ...envelope, type: z.literal('viewer.leave'), userId: id }),
  'online.count': z.object({ ...envelope, type: z.literal('online.count'), online: count, cumulative: count.optional() }),
  comment: z.object({ ...envelope, type: z.literal('comment'), id, ...withUser, text: z.string().min(1).max(LIMITS.maxTextLength) }),
  like: z.object({ ...envelope, type: z.literal('like'), userId: id.optional(), count: positiveCount, total: count.optional() }),
  retract: z.object({ ...envelope, type: z.literal('retract'), ids: z.array(id).min(1).max(LIMITS.maxListItems) }),
  'room.impression': z.object({ ...envelope, type: z.literal('room.impression'), count }),
  follow: z.object({ ...envelope, type: z.literal('follow'), ...withUser }),
  share: z.object({ ...envelope, type: z.literal('share'), ...withUser }),
  'group.join': z.object({ ...envelope, type: z.literal('group.join'), ...withUser, groupId: id }),
  'product.exposure': z.object({ ...envelope, type: z.literal('product.exposure'), productId: id, userId: id.optional(), count: positiveCount.optional() }),
  'product.click': z.object({ ...envelope, type: z.literal('product.click'), productId: id, ...withUser }),
  'cart.add': z.object({ ...envelope, type: z.literal('cart.add'), productId: id, ...withUser, quantity }),
  'order.created': z.object({ ...envelope, type: z.literal('order.created'), orderId: id, productId: id, ...withUser, quantity, amount }),
  'order.paid': z.object({ ...envelope, type: z.literal('order.paid'), orderId: id, productId: id, ...withUser, quantity, amount }),
  'order.refunded': z.object({ ...envelope, type: z.literal('order.refunded'), orderId: id, amount }),
  'coupon.claimed': z.object({ ...envelope, type: z.literal('coupon.claimed'), couponId: id, ...withUser }),
  'card.shown': z.object({ ...envelope, type: z.literal('card.shown'), productId: id }),
  'card.hidden': z.object({ ...envelope, type: z.literal('card.hidden'), productId: id }),
  'stream.status': z.object({ ...envelope, type: z.literal('stream.status'), status: z.enum(['live', 'paused', 'ended']) }),
} as const;

export type EventType = keyof typeof eventSchemas;
export const eventTypes = Object.keys(eventSchemas) as EventType[];
export type EventOf<T extends EventType> = z.infer<(typeof eventSchemas)[T]>;
export type LiveEvent = { [T in EventType]: EventOf<T> }[EventType];

export const liveEventSchema = z.discriminatedUnion('type', Object.values(eventSchemas) as unknown as [
  (typeof eventSchemas)[EventType],
  ...(typeof eventSchemas)[EventType][],
]);

/**
 * An event whose type this client does not know: kept for forward
 * compatibility (stored, never counted) when its envelope is well formed.
 */
export const unknownEventSchema = z.looseObject({
  ...envelope,
  type: z.string().min(1).max(LIMITS.maxTypeLength).regex(/^[a-z][a-z0-9._-]*$/),
});
export type UnknownEvent = z.infer<typeof unknownEventSchema>;

// ---- server → client messages -------------------------------------------

export const helloSchema = z.object({
  protocol: z.literal(1),
  room: roomSchema,
  session: z.object({ id, startedAt: z.number().int().min(0) }),
  products: z.array(productSchema).max(LIMITS.maxListItems),
  serverTime: z.number().int().min(0),
});
export type Hello = z.infer<typeof helloSchema>;

export const heartbeatSchema = z.object({ serverTime: z.number().int().min(0) });
export const gapSchema = z
  .object({ session: id, fromSeq: z.number().int().min(1), toSeq: z.number().int().min(1) })
  .refine((g) => g.toSeq >= g.fromSeq, 'toSeq must be ≥ fromSeq');
export type Gap = z.infer<typeof gapSchema>;
export const productsSchema = z.array(productSchema).max(LIMITS.maxListItems);
export const endSchema = z.object({ session: id, endedAt: z.number().int().min(0) });
export type End = z.infer<typeof endSchema>;

// ---- client → server messages -------------------------------------------

export const ackSchema = z.object({ session: id, seq: z.number().int().min(0) });
export type Ack = z.infer<typeof ackSchema>;

export const commandSchema = z.discriminatedUnion('type', [
  z.object({ id, type: z.literal('card.pin'), productId: id }),
  z.object({ id, type: z.literal('card.unpin') }),
  z.object({ id, type: z.literal('coupon.push'), couponId: id }),
  z.object({ id, type: z.literal('comment.pin'), commentId: id }),
]);
export type Command = z.infer<typeof commandSchema>;

export const commandReplySchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string().max(64), message: z.string().max(LIMITS.maxTextLength) }) }),
]);
export type CommandReply = z.infer<typeof commandReplySchema>;

/** `auth` the client sends on connect. */
export const authSchema = z.object({
  token: z.string().max(1024),
  room: id,
  resume: z.object({ session: id, afterSeq: z.number().int().min(0) }).optional(),
});
export type Auth = z.infer<typeof authSchema>;

/** The reasons a gateway refuses a connection (`connect_error.message`). */
export const connectErrors = { unauthorized: 'unauthorized', unknownRoom: 'unknown_room' } as const;
