/**
 * Xiaohongshu writes its emoji into comment text as codes ([派对R], [笑哭R]).
 * On screen a code is the emoji it stands for (red-emoji.json, checked when
 * this module loads); an unknown one reads as its name, without brackets —
 * never the raw code. The classifier reads the codes itself (normalise.ts).
 */
import { z } from 'zod';
import shipped from './red-emoji.json' with { type: 'json' };

const codes = new Map(Object.entries(z.object({ about: z.string(), codes: z.record(z.string().min(1), z.string().min(1)) }).parse(shipped).codes));

// The platform's codes: a short name in brackets, most ending in R.
const code = /\[([^[\]\s]{1,8})\]/g;

/** The comment as it should read: every emoji code replaced by its emoji, or by its name. */
export function showEmojiCodes(text: string): string {
  if (!text.includes('[')) return text;
  return text.replace(code, (_whole, name: string) => codes.get(name) ?? name);
}
