import { describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE, failureThrottle, MAX_TRACKED_ADDRESSES } from './failure-throttle.js';
import { rateLimiter } from './request-rate.js';

describe('the failure throttle', () => {
  it('blocks an address after 10 different wrong secrets within a minute, for a minute', () => {
    let now = 0;
    const throttle = failureThrottle({ ...DEFAULT_THROTTLE, now: () => now });
    for (let i = 0; i < 9; i += 1) expect(throttle.fail('10.0.0.5', `guess-${i}`)).toBe(false);
    expect(throttle.blocked('10.0.0.5')).toBe(false);
    expect(throttle.fail('10.0.0.5', 'guess-9')).toBe(true);
    expect(throttle.blocked('10.0.0.5')).toBe(true);
    expect(throttle.blocked('::ffff:10.0.0.5')).toBe(true);
    expect(throttle.blocked('10.0.0.6')).toBe(false);
    now += 60_001;
    expect(throttle.blocked('10.0.0.5')).toBe(false);
  });

  it('does not count one stale secret retried, nor failures older than the window', () => {
    let now = 0;
    const throttle = failureThrottle({ ...DEFAULT_THROTTLE, now: () => now });
    for (let i = 0; i < 50; i += 1) throttle.fail('127.0.0.1', 'an old cookie');
    expect(throttle.blocked('127.0.0.1')).toBe(false);
    for (let i = 0; i < 9; i += 1) throttle.fail('127.0.0.1', `guess-${i}`);
    now += 61_000;
    expect(throttle.fail('127.0.0.1', 'guess-late')).toBe(false);
  });

  it('stays fast and bounded under 50,000 addresses failing at once (a scan, a rotating IPv6 prefix)', () => {
    const throttle = failureThrottle({ ...DEFAULT_THROTTLE, now: () => 1_000 });
    // The host's own address, blocked before the scan: the scan must pass 10,000 others to push it out.
    for (let i = 0; i < 10; i += 1) throttle.fail('192.168.1.20', `guess-${i}`);
    const timeFails = (from: number) => {
      const started = performance.now();
      for (let i = from; i < from + 1_000; i += 1) throttle.fail(`2001:db8::${i.toString(16)}`, 'a guess');
      return performance.now() - started;
    };
    const first = timeFails(0);
    for (let from = 1_000; from < 49_000; from += 1_000) {
      timeFails(from);
      if (from === 5_000) expect(throttle.blocked('192.168.1.20')).toBe(true);
    }
    const last = timeFails(49_000);
    expect(throttle.tracked).toBe(MAX_TRACKED_ADDRESSES);
    // Sweeping the whole map on every failure made the last thousand about 10,000 times slower than the first.
    expect(last / first).toBeLessThan(5);
  });

  it('forgets an address once nothing recent is left of it', () => {
    let now = 0;
    const throttle = failureThrottle({ ...DEFAULT_THROTTLE, now: () => now });
    for (let i = 0; i < 100; i += 1) throttle.fail(`10.0.1.${i}`, 'x');
    now += 61_000;
    throttle.fail('10.0.2.1', 'y');
    expect(throttle.tracked).toBe(1);
  });
});

describe('the per-device request rate', () => {
  it('allows a burst of 200, then 50 a second', () => {
    let now = 0;
    const rate = rateLimiter({ perSecond: 50, burst: 200, now: () => now });
    let served = 0;
    for (let i = 0; i < 300; i += 1) if (rate.take('Phone')) served += 1;
    expect(served).toBe(200);
    expect(rate.take('OBS')).toBe(true);
    now += 100;
    served = 0;
    for (let i = 0; i < 20; i += 1) if (rate.take('Phone')) served += 1;
    expect(served).toBe(5);
  });
});
