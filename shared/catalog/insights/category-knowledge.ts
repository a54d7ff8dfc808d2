/**
 * Built-in scenario knowledge per category (品类经验): who uses such a
 * product, when, and which pains it meets. A template becomes a proposed
 * buying point for a product of its category; `{title}` is the product's
 * title and `{point}` one of its selling points. Lines are honest: no
 * absolute terms, no medical claims, no prices or scarcity, and the proof
 * is left for the merchant to fill in, never invented.
 *
 * The templates are data (category-knowledge.json), checked when this
 * module loads: a broken file is refused with the place and the reason.
 */
import { z } from 'zod';
import { commentIntents, type CommentIntent } from '../../comments/intents.js';
import { productCategories, productCategoryLabels, type ProductCategory } from '../catalog.js';
import shipped from './category-knowledge.json' with { type: 'json' };

export interface ScenarioTemplate {
  /** Stable within its category: the proposal's id is a hash of the product id and `category:key`. */
  key: string;
  /** The rule's name, shown as the proposal's origin note (护肤品类常见场景：换季敏感). */
  rule: string;
  audience: string;
  scenario: string;
  pain: string;
  benefit: string;
  /** What the merchant should add as proof; starts with 待补充. */
  proof: string;
  answers: CommentIntent[];
  keywords: string[];
  /** The host's line; `{title}` and `{point}` are filled in. */
  line: string;
}

export type KnownCategory = Exclude<ProductCategory, 'other'>;

export const categoryLabels: Readonly<Record<KnownCategory, string>> = productCategoryLabels;

const knownCategories = productCategories.filter((c): c is KnownCategory => c !== 'other') as [KnownCategory, ...KnownCategory[]];
const text = z.string().min(1);

const templateSchema = z
  .object({
    key: text,
    rule: text,
    audience: text,
    scenario: text,
    pain: text,
    benefit: text,
    proof: text.refine((s) => s.startsWith('待补充'), 'starts with 待补充: the merchant adds the proof, it is never invented'),
    answers: z.array(z.enum(commentIntents)).min(1),
    keywords: z.array(text).min(1),
    line: text.refine((s) => s.includes('{title}'), 'names the product as {title}'),
  })
  .strict();

const knowledgeSchema = z.object({
  about: z.string(),
  // Every known category, no other.
  categories: z.record(
    z.enum(knownCategories),
    z.array(templateSchema).superRefine((templates, ctx) => {
      const seen = new Set<string>();
      for (const [i, { key }] of templates.entries()) {
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `key "${key}" is used twice in this category` });
        seen.add(key);
      }
    }),
  ),
});

/** Checks a category-knowledge file's content; throws naming the file, the place and the reason. */
export function parseCategoryKnowledge(data: unknown, file = 'category-knowledge.json'): Record<KnownCategory, readonly ScenarioTemplate[]> {
  const parsed = knowledgeSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${file} is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data.categories;
}

export const categoryKnowledge: Record<KnownCategory, readonly ScenarioTemplate[]> = parseCategoryKnowledge(shipped);
