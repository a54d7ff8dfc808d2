import { describe, expect, it } from 'vitest';
import { metrics, snapshot } from '../testing/fixtures.js';
import { reduceSnapshot } from './snapshot-reducer.js';

describe('reduceSnapshot', () => {
  it('drops a patch that arrives before any snapshot', () => {
    expect(reduceSnapshot(null, { kind: 'patch', patch: { now: 5 } })).toBeNull();
  });

  it('replaces only the parts a patch names and keeps the others as they were', () => {
    const first = snapshot({ totals: metrics({ gmv: 100 }) });
    const next = reduceSnapshot(first, { kind: 'patch', patch: { totals: metrics({ gmv: 250 }), now: first.now + 100 } })!;
    expect(next.totals.gmv).toBe(250);
    expect(next.now).toBe(first.now + 100);
    // Untouched parts keep their identity, so selectors on them do not fire.
    expect(next.products).toBe(first.products);
    expect(next.windows).toBe(first.windows);
  });

  it('applies a patch that sets a part to null (the on-air card was taken down)', () => {
    const first = snapshot({ onAir: { productId: 'p1', since: 1 } });
    expect(reduceSnapshot(first, { kind: 'patch', patch: { onAir: null } })!.onAir).toBeNull();
  });

  it('takes a new snapshot whole (after a reconnect)', () => {
    const first = snapshot({ totals: metrics({ gmv: 100 }) });
    const fresh = snapshot({ totals: metrics({ gmv: 900 }) });
    expect(reduceSnapshot(first, { kind: 'snapshot', snapshot: fresh })).toBe(fresh);
  });
});
