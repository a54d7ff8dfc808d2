import { describe, expect, it } from 'vitest';
import { commentIntents } from './intents.js';
import { colourWords, cueSets, parseLexicon, tieBreak } from './lexicon.js';
import shipped from './lexicon.json' with { type: 'json' };

type Entry = Record<string, unknown>;
const copy = (): { colourWords: Record<string, string[]>; fragments: Record<string, Entry>; cueSets: Entry[]; tieBreak: string[] } => structuredClone(shipped);

describe('lexicon.json', () => {
  it('loads: cue sets for every intent but spam, global patterns, the colours and the tie-break order', () => {
    expect(new Set(cueSets.map((set) => set.intent))).toEqual(new Set(commentIntents.filter((intent) => intent !== 'spam')));
    for (const set of cueSets) expect(set.pattern.flags).toBe('g');
    expect(tieBreak[0]).toBe('aftersales');
    expect(colourWords['粉']).toContain('樱花粉');
  });

  it('builds phrases longest first and fills in fragments', () => {
    const lexicon = parseLexicon({
      about: '',
      colourWords: { 粉: ['粉色'], 红: ['酒红色'] },
      fragments: { unit: { phrases: ['瓶', '毫升'] }, no: { pattern: '不$' } },
      cueSets: [{ intent: 'spec', weight: 3, phrases: ['几{{unit}}', '有{{colours}}吗'], unless: '{{no}}' }],
      tieBreak: copy().tieBreak,
    });
    expect(lexicon.cueSets[0]!.pattern.source).toBe('有酒红色|粉色吗|几毫升|瓶');
    expect(lexicon.cueSets[0]!.unless!.source).toBe('不$');
  });

  it('refuses a broken file with the file, the place and the reason', () => {
    const badPhrase = copy();
    (badPhrase.cueSets[0]!.phrases as string[])[2] = '价格(是';
    expect(() => parseLexicon(badPhrase)).toThrow(/lexicon\.json is invalid[\s\S]*not a regular expression[\s\S]*cueSets\[0\] \(price, weight 3\)\.phrases\[2\] "价格\(是"/);

    const unknownFragment = copy();
    unknownFragment.cueSets[1]!.pattern = '{{prices}}';
    expect(() => parseLexicon(unknownFragment)).toThrow(/\{\{prices\}\} is no fragment[\s\S]*cueSets\[1\] \(price, weight 2\)\.pattern/);

    const both = copy();
    both.cueSets[3]!.phrases = ['几码'];
    expect(() => parseLexicon(both)).toThrow(/either "phrases" or "pattern"[\s\S]*cueSets\[3\]/);

    const badUnless = copy();
    badUnless.cueSets[0]!.unless = '(?:不是';
    expect(() => parseLexicon(badUnless)).toThrow(/cueSets\[0\] \(price, weight 3\)\.unless/);

    const badWeight = copy();
    badWeight.cueSets[5]!.weight = 4;
    expect(() => parseLexicon(badWeight)).toThrow(/cueSets\[5\]\.weight/);

    const noIntent = copy();
    noIntent.cueSets[0]!.intent = 'cost';
    expect(() => parseLexicon(noIntent)).toThrow(/cueSets\[0\]\.intent/);

    const shortOrder = copy();
    shortOrder.tieBreak.pop();
    expect(() => parseLexicon(shortOrder)).toThrow(/lists every intent but spam once[\s\S]*tieBreak/);

    expect(() => parseLexicon({})).toThrow(/lexicon\.json is invalid/);
  });
});
