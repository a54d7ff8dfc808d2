/**
 * Reads a demo scenario's data file (apparel.json, skincare.json): checks
 * it against the shape in types.ts and the rules between its parts (a
 * segment's product is in the cart, its coupon is one of the store's), and
 * refuses a broken file naming the file, the place and the reason.
 */
import { z } from 'zod';
import { productCategories } from '../../../shared/catalog/catalog.js';
import { roomSchema } from '../../../shared/protocol/index.js';
import type { NonEmpty } from '../rng.js';
import { scenarioNames, segmentKinds, type Scenario, type ScenarioName } from './types.js';

const text = z.string().min(1);
const fen = z.number().int().positive();
const nonEmpty = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .min(1)
    .transform((items) => items as unknown as NonEmpty<z.output<T>>);

const productSchema = z
  .object({
    id: text,
    title: text,
    category: z.enum(productCategories),
    price: fen,
    flashPrice: fen.optional(),
    stock: z.number().int().nonnegative(),
    sellingPoints: z.array(text),
    shortName: text,
    appeal: z.number().positive(),
  })
  .strict()
  .refine((p) => p.flashPrice === undefined || p.flashPrice < p.price, { message: 'flashPrice is below price', path: ['flashPrice'] });

const segmentSchema = z
  .object({
    kind: z.enum(segmentKinds),
    title: text,
    minutes: z.number().positive(),
    product: z.number().int().positive().optional(),
    flashPrice: z.boolean().optional(),
    restock: z.number().int().positive().optional(),
    coupon: text.optional(),
  })
  .strict();

const phrases = nonEmpty(text);

const scenarioSchema = z
  .object({
    about: z.string(),
    name: z.enum(scenarioNames),
    room: roomSchema.strict(),
    audience: z
      .object({ size: z.number().int().positive(), userIdPrefix: text, entriesPerSecond: z.number().positive(), averageWatchSeconds: z.number().positive() })
      .strict(),
    products: nonEmpty(productSchema),
    coupons: nonEmpty(text),
    rundown: nonEmpty(segmentSchema),
    phrases: z
      .object({ spec: phrases, suitability: phrases, efficacy: phrases, ingredient: phrases, usage: phrases, aftersales: phrases, chatter: phrases })
      .strict(),
  })
  .superRefine((s, ctx) => {
    const ids = new Set<string>();
    s.products.forEach(({ id }, i) => {
      if (ids.has(id)) ctx.addIssue({ code: 'custom', path: ['products', i, 'id'], message: `product id "${id}" is used twice` });
      ids.add(id);
    });
    s.rundown.forEach((segment, i) => {
      const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: ['rundown', i, field], message });
      const product = segment.product === undefined ? undefined : s.products[segment.product - 1];
      if (segment.product !== undefined && product === undefined) issue('product', `is a position in the cart, 1 to ${s.products.length}`);
      if ((segment.flashPrice || segment.restock !== undefined) && segment.product === undefined) issue('product', 'names the product that is on flash sale or restocked');
      if (segment.flashPrice && product !== undefined && product.flashPrice === undefined) issue('flashPrice', `product ${segment.product} (${product.id}) has no flashPrice`);
      if (segment.coupon !== undefined && !s.coupons.includes(segment.coupon)) issue('coupon', `"${segment.coupon}" is not one of coupons (${s.coupons.join(', ')})`);
    });
  });

/** Checks a scenario file's content; `name` is the scenario the file must be. Throws naming the file, the place and the reason. */
export function parseScenario(data: unknown, name: ScenarioName, file = `${name}.json`): Scenario {
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${file} is invalid:\n${z.prettifyError(parsed.error)}`);
  const { about: _about, ...scenario } = parsed.data;
  if (scenario.name !== name) throw new Error(`${file} is invalid:\n✖ is the scenario "${name}", not "${scenario.name}"\n  → at name`);
  return scenario;
}
