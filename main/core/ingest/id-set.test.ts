import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdSet } from './id-set.js';

describe('IdSet', () => {
  it('answers membership exactly like a Set for any ids, across growth', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 3_000 }), fc.array(fc.string({ maxLength: 40 }), { maxLength: 200 }), (added, probes) => {
        const ids = new IdSet();
        const reference = new Set<string>();
        for (const id of added) expect(ids.add(id)).toBe(!reference.has(id) && reference.add(id) !== undefined);
        expect(ids.size).toBe(reference.size);
        for (const id of [...added, ...probes]) expect(ids.has(id)).toBe(reference.has(id));
      }),
      { numRuns: 50 },
    );
  });

  it('tells apart a million ids of the shapes platforms use, with no false repeat', () => {
    const ids = new IdSet();
    let falseRepeats = 0;
    for (let i = 0; i < 1_000_000; i++) if (!ids.add(i % 2 ? `c-${i}` : `order-${i}#paid`)) falseRepeats++;
    expect(falseRepeats).toBe(0);
    expect(ids.has('c-999999')).toBe(true);
    expect(ids.has('c-1000001')).toBe(false);
  });

  it('starts from the ids already stored', () => {
    const ids = new IdSet(['a', 'b']);
    expect(ids.has('a') && ids.has('b') && !ids.has('c')).toBe(true);
    expect(ids.add('a')).toBe(false);
  });
});
