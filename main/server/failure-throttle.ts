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
}

interface AddressRecord {
  /** Short digests of the wrong secrets seen, with when each was last seen. */
  failures: Map<string, number>;
  blockedUntil: number;
}

/** Addresses with nothing recent are dropped at this many, so a scan of many addresses cannot grow the map for ever. */
const SWEEP_AT = 10_000;

export function failureThrottle(options: ThrottleOptions = DEFAULT_THROTTLE): FailureThrottle {
  const now = options.now ?? Date.now;
  const records = new Map<string, AddressRecord>();
  const key = (address: string) => (address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address);

  const sweep = (at: number) => {
    for (const [address, record] of records) {
      const newest = Math.max(0, ...record.failures.values());
      if (record.blockedUntil <= at && newest <= at - options.windowMs) records.delete(address);
    }
  };

  return {
    blocked(address) {
      return (records.get(key(address))?.blockedUntil ?? 0) > now();
    },
    fail(address, secret) {
      const at = now();
      if (records.size >= SWEEP_AT) sweep(at);
      const record = records.get(key(address)) ?? { failures: new Map<string, number>(), blockedUntil: 0 };
      records.set(key(address), record);
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
