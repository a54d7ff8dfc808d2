/**
 * What the recap needs to know about each user beyond the live figures:
 * where they came from (METRICS.md "Traffic sources": the first source an
 * enter of theirs carried), what they paid, whether they are in the
 * merchant's group and whether they added to cart (the user layers need
 * both, and the live figures neither). Kept beside the user table, indexed the same way, so
 * the hot path pays one array write on an enter or a payment and nothing
 * else; the recap reads it once, O(users).
 */
import { trafficSources, type TrafficSource } from '../protocol/index.js';

export { trafficSources, type TrafficSource };

/** 0 is "no source reported"; a source is stored as its index in trafficSources + 1. */
const UNKNOWN = 0;
const SOURCE_CODES = new Map<string, number>(trafficSources.map((source, index) => [source, index + 1]));
const GROUP_MEMBER = 1;
const ADDED_TO_CART = 2;

/** Audience in EngineState: one entry per user, in the user table's order. */
export interface AudienceState {
  sources: number[];
  paidFen: number[];
  /** Bit 1: group member; bit 2: added to cart. */
  flags: number[];
}

export class Audience {
  private sources = new Uint8Array(1024);
  private paid = new Float64Array(1024);
  private flags = new Uint8Array(1024);

  noteSource(user: number, source: TrafficSource | undefined): void {
    this.ensure(user);
    if (source !== undefined && this.sources[user] === UNKNOWN) this.sources[user] = SOURCE_CODES.get(source)!;
  }

  notePaid(user: number, fen: number): void {
    this.ensure(user);
    this.paid[user]! += fen;
  }

  noteGroupMember(user: number): void {
    this.setFlag(user, GROUP_MEMBER);
  }

  noteCartAdd(user: number): void {
    this.setFlag(user, ADDED_TO_CART);
  }

  source(user: number): TrafficSource | null {
    const code = user < this.sources.length ? this.sources[user]! : UNKNOWN;
    return code === UNKNOWN ? null : trafficSources[code - 1]!;
  }

  paidFen(user: number): number {
    return user < this.paid.length ? this.paid[user]! : 0;
  }

  isGroupMember(user: number): boolean {
    return this.hasFlag(user, GROUP_MEMBER);
  }

  addedToCart(user: number): boolean {
    return this.hasFlag(user, ADDED_TO_CART);
  }

  private setFlag(user: number, flag: number): void {
    this.ensure(user);
    this.flags[user]! |= flag;
  }

  private hasFlag(user: number, flag: number): boolean {
    return user < this.flags.length && (this.flags[user]! & flag) !== 0;
  }

  private ensure(user: number): void {
    if (user < this.sources.length) return;
    let capacity = this.sources.length * 2;
    while (capacity <= user) capacity *= 2;
    this.sources = grown(this.sources, new Uint8Array(capacity));
    this.paid = grown(this.paid, new Float64Array(capacity));
    this.flags = grown(this.flags, new Uint8Array(capacity));
  }

  toJSON(userCount: number): AudienceState {
    const column = (values: Uint8Array | Float64Array) => Array.from({ length: userCount }, (_, user) => (user < values.length ? values[user]! : 0));
    return { sources: column(this.sources), paidFen: column(this.paid), flags: column(this.flags) };
  }

  static fromJSON(state: AudienceState, userCount: number): Audience {
    if (state.sources.length !== userCount || state.paidFen.length !== userCount || state.flags.length !== userCount) {
      throw new Error(`metrics state: audience columns disagree with ${userCount} users`);
    }
    const audience = new Audience();
    if (userCount > 0) audience.ensure(userCount - 1);
    audience.sources.set(state.sources);
    audience.paid.set(state.paidFen);
    audience.flags.set(state.flags);
    return audience;
  }
}

function grown<T extends Uint8Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
