/**
 * Guessing tokens or pairing codes: after `limit` different wrong secrets
 * from one address within `windowMs`, that address is answered 429 for
 * `blockMs`, whatever it presents. Distinct secrets are counted, not
 * attempts: a forgotten tab retrying a stale cookie every few seconds is not
 * guessing, and must not lock the host out of their own console.
 */
import { createHash } from 'node:crypto';

export interface ThrottleOptions {
  limit: number;
  windowMs: number;
  blockMs: number;
  now?: () => number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { limit: 10, windowMs: 60_000, blockMs: 60_000 };

export interface FailureThrottle {
  /** Whether this address is answered 429 now. */
  blocked(address: string): boolean;
  /** Counts a wrong secret from this address; true when the address is blocked from now on. */
  fail(address: string, secret: string): boolean;
  /** How many addresses it keeps a record of (at most MAX_TRACKED_ADDRESSES). */
  readonly tracked: number;
}

interface AddressRecord {
  /** Short digests of the wrong secrets seen, with when each was last seen. */
  failures: Map<string, number>;
  blockedUntil: number;
  /** The last wrong secret from it: the map is kept in this order. */
  lastFailureAt: number;
}

/**
 * At most this many addresses are tracked. The map is kept least recently
 * failed first (a Map iterates in insertion order, and an address that fails
 * again is moved to the end), so dropping what is stale, or the oldest when
 * full, looks at the front only: constant work per wrong secret however many
 * addresses a scan (or a rotating IPv6 prefix) brings. An address pushed out
 * while blocked needed this many others failing after it, and whoever has
 * that many addresses is not stopped by a per-address block anyway.
 */
export const MAX_TRACKED_ADDRESSES = 10_000;

export function failureThrottle(options: ThrottleOptions = DEFAULT_THROTTLE): FailureThrottle {
  const now = options.now ?? Date.now;
  const records = new Map<string, AddressRecord>();
  const key = (address: string) => (address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address);
  const stale = (record: AddressRecord, at: number) => record.blockedUntil <= at && record.lastFailureAt <= at - options.windowMs;

  const dropFromFront = (at: number) => {
    for (const [address, record] of records) {
      if (records.size <= MAX_TRACKED_ADDRESSES && !stale(record, at)) return;
      records.delete(address);
    }
  };

  return {
    blocked(address) {
      return (records.get(key(address))?.blockedUntil ?? 0) > now();
    },
    get tracked() {
      return records.size;
    },
    fail(address, secret) {
      const at = now();
      const record = records.get(key(address)) ?? { failures: new Map<string, number>(), blockedUntil: 0, lastFailureAt: at };
      records.delete(key(address));
      record.lastFailureAt = at;
      records.set(key(address), record);
      dropFromFront(at);
      for (const [digest, seenAt] of record.failures) if (seenAt <= at - options.windowMs) record.failures.delete(digest);
      // The digest only tells secrets apart; the secret itself is never kept.
      record.failures.set(createHash('sha256').update(secret).digest('base64').slice(0, 16), at);
      if (record.failures.size >= options.limit) {
        record.blockedUntil = at + options.blockMs;
        record.failures.clear();
      }
      return record.blockedUntil > at;
    },
  };
}
