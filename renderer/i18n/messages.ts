/**
 * The UI's copy as data: one flat key → string map per language in
 * messages/*.json (messages/README.md says how to edit them), checked when
 * this module loads. zh-CN is the reference: every string is non-empty, and
 * every other language has exactly its keys, each string with the same
 * `{placeholder}` names. A broken file is refused with the keys at fault.
 */
import { z } from 'zod';
import type { Language } from '../../shared/api/settings.js';
import { placeholderNames } from '../../shared/format/placeholders.js';
import enJson from './messages/en.json' with { type: 'json' };
import zhCNJson from './messages/zh-CN.json' with { type: 'json' };

/** Every key of the UI's copy: the reference dictionary's, so `t('typo')` does not compile. */
export type MessageKey = keyof typeof zhCNJson;
export type Dictionary = Readonly<Record<MessageKey, string>>;

const dictionarySchema = z.record(z.string(), z.string());

const listed = (keys: string[]) => keys.map((key) => `"${key}"`).join(', ');

/**
 * Checks one language's dictionary (`data`, as read from its file) and returns it. Without `reference` it is the
 * reference itself: only its shape and non-empty strings are checked. Throws an Error naming every offending key.
 */
export function checkDictionary(name: string, data: unknown, reference?: Readonly<Record<string, string>>): Record<string, string> {
  const parsed = dictionarySchema.safeParse(data);
  if (!parsed.success) {
    const keys = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))];
    throw new Error(`UI copy ${name}: not a flat map of key → string${keys.some(Boolean) ? ` (at ${listed(keys)})` : ''}`);
  }
  const dictionary = parsed.data;
  const problems: string[] = [];
  const empty = Object.keys(dictionary).filter((key) => dictionary[key]!.trim() === '');
  if (empty.length) problems.push(`empty strings: ${listed(empty)}`);
  if (reference) {
    const missing = Object.keys(reference).filter((key) => !Object.hasOwn(dictionary, key));
    const extra = Object.keys(dictionary).filter((key) => !Object.hasOwn(reference, key));
    if (missing.length) problems.push(`missing keys: ${listed(missing)}`);
    if (extra.length) problems.push(`extra keys: ${listed(extra)}`);
    const placeholders = Object.keys(dictionary)
      .filter((key) => Object.hasOwn(reference, key))
      .flatMap((key) => {
        const ours = placeholderNames(dictionary[key]!).join(', ');
        const theirs = placeholderNames(reference[key]!).join(', ');
        return ours === theirs ? [] : [`"${key}" ({${ours}} here, {${theirs}} in the reference)`];
      });
    if (placeholders.length) problems.push(`placeholders differ from the reference: ${placeholders.join('; ')}`);
  }
  if (problems.length) throw new Error(`UI copy ${name}: ${problems.join('; ')}`);
  return dictionary;
}

// Checked key for key against zh-CN, so each has exactly MessageKey's keys.
const zhCN = checkDictionary('messages/zh-CN.json', zhCNJson) as Dictionary;
const en = checkDictionary('messages/en.json', enJson, zhCN) as Dictionary;

/** The shipped dictionaries, checked. */
export const dictionaries: Readonly<Record<Language, Dictionary>> = { 'zh-CN': zhCN, en };
