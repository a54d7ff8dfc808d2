/**
 * The cues of each intent: regex phrase patterns over the normalised text
 * (normalise.ts), written for families of phrasings rather than sentences.
 * They are data (lexicon.json, whose `about` says how to edit it), checked
 * and compiled when this module loads: a broken file is refused with the
 * place and the reason.
 *
 * Every cue set has a weight. 3: the phrase settles the intent on its own
 * (多少钱, 包邮, 运费险). 2: it points at the intent but other words often
 * outweigh it (便宜, 颜色, 敏感肌). 1: a hint used only when nothing else
 * fires (链接 on its own, 怎么样, 宝宝). classify.ts picks the heaviest
 * intent and breaks ties with `tieBreak`.
 *
 * A cue can be cancelled by what comes just before it (`unless`): 不是问价格
 * is not a price question, 还没拍 is not a purchase.
 */
import { z } from 'zod';
import { commentIntents, type CommentIntent } from './intents.js';
import shipped from './lexicon.json' with { type: 'json' };

export type CueWeight = 1 | 2 | 3;

export interface CueSet {
  intent: CommentIntent;
  weight: CueWeight;
  /** Global, so every match can be checked against `unless`. */
  pattern: RegExp;
  /** Tested on up to 8 characters before a match; a hit cancels that match. */
  unless?: RegExp;
}

export interface Lexicon {
  /** Colour words by colour (粉: 粉色, 樱花粉, pink …). */
  colourWords: Record<string, readonly string[]>;
  cueSets: readonly CueSet[];
  /** Every intent but spam, once: ties go to the intent listed first. */
  tieBreak: readonly CommentIntent[];
}

const text = z.string().min(1);
const eitherPhrasesOrPattern = [(o: { phrases?: unknown; pattern?: unknown }) => (o.phrases === undefined) !== (o.pattern === undefined), 'has either "phrases" or "pattern"'] as const;
const cueIntents = commentIntents.filter((intent) => intent !== 'spam');

const lexiconSchema = z.object({
  about: z.string(),
  colourWords: z.record(text, z.array(text).min(1)),
  fragments: z.record(text, z.object({ note: z.string().optional(), phrases: z.array(text).min(1).optional(), pattern: text.optional() }).strict().refine(...eitherPhrasesOrPattern)),
  cueSets: z
    .array(
      z
        .object({
          intent: z.enum(cueIntents as [CommentIntent, ...CommentIntent[]]),
          weight: z.union([z.literal(1), z.literal(2), z.literal(3)]),
          note: z.string().optional(),
          phrases: z.array(text).min(1).optional(),
          pattern: text.optional(),
          unless: text.optional(),
        })
        .strict()
        .refine(...eitherPhrasesOrPattern),
    )
    .min(1),
  tieBreak: z
    .array(z.enum(commentIntents))
    .refine((order) => order.length === cueIntents.length && cueIntents.every((intent) => order.includes(intent)), `lists every intent but spam once: ${cueIntents.join(', ')}`),
});

/** `{{name}}` in a phrase or pattern stands for a fragment. */
const reference = /\{\{(\w+)\}\}/g;

/** Checks a lexicon file's content and compiles its cues; throws naming the file, the place and the reason. */
export function parseLexicon(data: unknown, file = 'lexicon.json'): Lexicon {
  const parsed = lexiconSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${file} is invalid:\n${z.prettifyError(parsed.error)}`);
  const refuse = (where: string, reason: string) => new Error(`${file} is invalid:\n✖ ${reason}\n  → at ${where}`);
  const { colourWords, fragments, cueSets, tieBreak } = parsed.data;

  const sources = new Map<string, string>();
  const fill = (source: string, where: string) =>
    source.replace(reference, (_, name: string) => {
      const fragment = sources.get(name);
      if (fragment === undefined) throw refuse(where, `{{${name}}} is no fragment defined before it (${[...sources.keys()].join(', ')})`);
      return fragment;
    });
  const compile = (source: string, flags: string, where: string) => {
    try {
      return new RegExp(source, flags);
    } catch (e) {
      throw refuse(where, `not a regular expression: ${(e as Error).message.replace(/^.*\/[a-z]*: /s, '')}`);
    }
  };
  // Longest first, so a cue reports the whole phrase that fired (赠品, not 赠); each phrase must be a regular expression of its own.
  const alternatives = (phrases: readonly string[], where: string) => {
    const filled = phrases.map((phrase, i) => fill(phrase, `${where}[${i}]`));
    filled.forEach((phrase, i) => compile(phrase, '', `${where}[${i}] "${phrases[i]}"`));
    return [...filled].sort((a, b) => b.length - a.length).join('|');
  };
  const sourceOf = (entry: { phrases?: readonly string[] | undefined; pattern?: string | undefined }, where: string) =>
    entry.phrases ? alternatives(entry.phrases, `${where}.phrases`) : fill(entry.pattern!, `${where}.pattern`);

  // {{colours}}: every colour word, shared with product-ref.ts.
  sources.set('colours', alternatives(Object.values(colourWords).flat(), 'colourWords'));
  for (const [name, fragment] of Object.entries(fragments)) {
    if (sources.has(name)) throw refuse(`fragments.${name}`, `{{${name}}} is defined twice`);
    const where = `fragments.${name}`;
    const source = sourceOf(fragment, where);
    compile(source, '', where);
    sources.set(name, source);
  }

  return {
    colourWords,
    cueSets: cueSets.map(({ intent, weight, unless, ...entry }, i) => {
      const where = `cueSets[${i}] (${intent}, weight ${weight})`;
      const pattern = compile(sourceOf(entry, where), 'g', where);
      return unless === undefined ? { intent, weight, pattern } : { intent, weight, pattern, unless: compile(fill(unless, `${where}.unless`), '', `${where}.unless`) };
    }),
    tieBreak,
  };
}

const lexicon = parseLexicon(shipped);

/** Colour words; shared with product-ref.ts, which resolves "粉色那个" / "the pink one" to a product. */
export const colourWords: Record<string, readonly string[]> = lexicon.colourWords;
export const cueSets: readonly CueSet[] = lexicon.cueSets;
/** Ties go to the intent listed first: the more specific need before the broader one, statements last. */
export const tieBreak: readonly CommentIntent[] = lexicon.tieBreak;
