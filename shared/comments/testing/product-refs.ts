/**
 * How often resolveProduct points at the product a careful assistant would,
 * on data/comments/product-refs.json: comments in five rooms, each labelled
 * with its room's product (or none) knowing the line-up and the card on air.
 *
 *   npx tsx shared/comments/testing/product-refs.ts [--json]
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { resolveProduct } from '../product-ref.js';

const setFile = new URL('../../../data/comments/product-refs.json', import.meta.url);

const productRefSetSchema = z
  .object({
    rooms: z.array(
      z.object({
        id: z.string().min(1),
        category: z.string(),
        products: z.array(z.object({ id: z.string().min(1), position: z.number().int().positive(), title: z.string().min(1), colors: z.array(z.string()).optional() })).min(1),
      }),
    ),
    comments: z.array(z.object({ room: z.string(), onAir: z.string().nullable(), text: z.string().min(1), product: z.string().nullable(), why: z.string() })),
  })
  .superRefine((set, ctx) => {
    const rooms = new Map(set.rooms.map((r) => [r.id, new Set(r.products.map((p) => p.id))]));
    set.comments.forEach((c, i) => {
      const ids = rooms.get(c.room);
      if (ids === undefined) ctx.addIssue({ code: 'custom', path: ['comments', i, 'room'], message: `no room ${c.room}` });
      else for (const id of [c.onAir, c.product]) if (id !== null && !ids.has(id)) ctx.addIssue({ code: 'custom', path: ['comments', i], message: `no product ${id} in ${c.room}` });
    });
  });

export interface ResolutionFigures {
  comments: number;
  /** Share resolved to exactly the labelled product (or to none when none is labelled). */
  accuracy: number;
  /** Of the comments resolved to a product, the share resolved to the right one. */
  precision: number;
  /** Of the comments labelled with a product, the share resolved to it. */
  recall: number;
  byWhy: Record<string, { comments: number; accuracy: number }>;
  misses: { room: string; onAir: string | null; text: string; expected: string | null; got: string | null; why: string }[];
}

const round = (v: number) => Math.round(v * 1000) / 1000;

export function resolutionFigures(data: unknown = JSON.parse(readFileSync(setFile, 'utf8'))): ResolutionFigures {
  const set = productRefSetSchema.parse(data);
  const rooms = new Map(set.rooms.map((r) => [r.id, r.products]));
  let right = 0;
  let resolved = 0;
  let resolvedRight = 0;
  let labelled = 0;
  let found = 0;
  const byWhy = new Map<string, { comments: number; right: number }>();
  const misses: ResolutionFigures['misses'] = [];
  for (const c of set.comments) {
    const got = resolveProduct(c.text, { products: rooms.get(c.room)!, onAir: c.onAir });
    const ok = got === c.product;
    const why = byWhy.get(c.why) ?? { comments: 0, right: 0 };
    why.comments++;
    if (ok) {
      right++;
      why.right++;
    } else misses.push({ room: c.room, onAir: c.onAir, text: c.text, expected: c.product, got, why: c.why });
    byWhy.set(c.why, why);
    if (got !== null) {
      resolved++;
      if (ok) resolvedRight++;
    }
    if (c.product !== null) {
      labelled++;
      if (ok) found++;
    }
  }
  return {
    comments: set.comments.length,
    accuracy: round(right / set.comments.length),
    precision: round(resolved === 0 ? 1 : resolvedRight / resolved),
    recall: round(labelled === 0 ? 1 : found / labelled),
    byWhy: Object.fromEntries([...byWhy].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, { comments: v.comments, accuracy: round(v.right / v.comments) }])),
    misses,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = resolutionFigures();
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else {
    process.stdout.write(`product references: ${figures.comments} comments, accuracy ${figures.accuracy}, precision ${figures.precision}, recall ${figures.recall}\n`);
    for (const [why, f] of Object.entries(figures.byWhy)) process.stdout.write(`  ${why.padEnd(12)} ${String(f.comments).padStart(4)}  ${f.accuracy.toFixed(3)}\n`);
    for (const m of figures.misses) process.stdout.write(`  miss [${m.why}] ${m.room} on air ${m.onAir ?? '-'}: ${m.text} → ${m.got ?? 'none'} (expected ${m.expected ?? 'none'})\n`);
  }
}
