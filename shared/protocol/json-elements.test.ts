import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachArrayElement } from './json-elements.js';

function elements(text: string): string[] {
  const out: string[] = [];
  forEachArrayElement(text, (start, end) => out.push(text.slice(start, end)));
  return out;
}

describe('forEachArrayElement', () => {
  it('slices each element of any JSON array exactly, whatever it contains', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.boolean(), (values, pretty) => {
        const text = JSON.stringify(values, null, pretty ? 2 : undefined);
        const slices = elements(text);
        expect(slices.map((s) => JSON.parse(s) as unknown)).toEqual(JSON.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps strings with brackets, quotes, escapes and Chinese text intact', () => {
    const text = '[{"text":"3号链接]] \\"还有吗\\" {,}","n":1} , "a,b" ,[1,[2]],null,-1.5e3]';
    expect(elements(text)).toEqual(['{"text":"3号链接]] \\"还有吗\\" {,}","n":1}', '"a,b"', '[1,[2]]', 'null', '-1.5e3']);
  });

  it('handles empty arrays and refuses what is not an array', () => {
    expect(elements('[]')).toEqual([]);
    expect(elements(' [ ] ')).toEqual([]);
    expect(() => elements('{"a":1}')).toThrow(/array/);
    expect(() => elements('[1,2')).toThrow(/unterminated/);
  });
});
