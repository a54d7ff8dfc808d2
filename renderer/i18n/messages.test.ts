import { describe, expect, it } from 'vitest';
import enJson from './messages/en.json' with { type: 'json' };
import zhCNJson from './messages/zh-CN.json' with { type: 'json' };
import { checkDictionary, dictionaries, type MessageKey } from './messages.js';

const reference = { 'a.plain': '普通', 'a.count': '{count} 个问题', 'a.two': '{name} 在 {room}' };
const good = { 'a.plain': 'Plain', 'a.count': '{count} {count|problem|problems}', 'a.two': '{name} in {room}' };

describe('checkDictionary', () => {
  it('accepts a translation with the reference’s keys and placeholders', () => {
    expect(checkDictionary('ref', reference)).toEqual(reference);
    expect(checkDictionary('good', good, reference)).toEqual(good);
  });

  it('rejects a missing key, naming it', () => {
    const { 'a.two': _dropped, ...missing } = good;
    expect(() => checkDictionary('missing', missing, reference)).toThrow(/missing keys: "a\.two"/);
  });

  it('rejects an extra key, naming it', () => {
    expect(() => checkDictionary('extra', { ...good, 'a.typo': 'Typo' }, reference)).toThrow(/extra keys: "a\.typo"/);
  });

  it('rejects an empty or blank string, naming it, in the reference too', () => {
    expect(() => checkDictionary('empty', { ...good, 'a.plain': '' }, reference)).toThrow(/empty strings: "a\.plain"/);
    expect(() => checkDictionary('blank', { ...good, 'a.plain': '  ' }, reference)).toThrow(/empty strings: "a\.plain"/);
    expect(() => checkDictionary('ref', { ...reference, 'a.count': '' })).toThrow(/empty strings: "a\.count"/);
  });

  it('rejects a string whose placeholders differ from the reference’s, naming it', () => {
    expect(() => checkDictionary('renamed', { ...good, 'a.two': '{name} in {rooms}' }, reference)).toThrow(/placeholders differ[^"]*"a\.two"/);
    expect(() => checkDictionary('dropped', { ...good, 'a.count': 'problems' }, reference)).toThrow(/"a\.count"/);
    expect(() => checkDictionary('added', { ...good, 'a.plain': 'Plain {x}' }, reference)).toThrow(/"a\.plain"/);
  });

  it('names every offending key at once', () => {
    const { 'a.plain': _dropped, ...rest } = good;
    const broken = { ...rest, 'a.two': '{who}', 'a.extra': 'x' };
    expect(() => checkDictionary('broken', broken, reference)).toThrow(/missing keys: "a\.plain"; extra keys: "a\.extra"; placeholders differ.*"a\.two"/);
  });

  it('rejects what is not a flat map of strings', () => {
    expect(() => checkDictionary('nested', { 'a.plain': { zh: '普通' } })).toThrow(/not a flat map.*"a\.plain"/);
    expect(() => checkDictionary('list', ['普通'])).toThrow(/not a flat map/);
  });
});

describe('the shipped dictionaries', () => {
  it('pass the check', () => {
    expect(() => checkDictionary('en.json', enJson, checkDictionary('zh-CN.json', zhCNJson))).not.toThrow();
  });

  it('are the files as written, in the same key order', () => {
    expect(dictionaries['zh-CN']).toEqual(zhCNJson);
    expect(dictionaries.en).toEqual(enJson);
    expect(Object.keys(enJson)).toEqual(Object.keys(zhCNJson));
  });

  it('give MessageKey exactly zh-CN.json’s keys (a typo does not typecheck)', () => {
    const known: MessageKey = 'nav.live';
    // @ts-expect-error: not a key of zh-CN.json
    const typo: MessageKey = 'nav.typo';
    expect(Object.hasOwn(zhCNJson, known)).toBe(true);
    expect(Object.hasOwn(zhCNJson, typo)).toBe(false);
  });
});
