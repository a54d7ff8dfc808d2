/**
 * Spam and lures (广告引流): comments that pull buyers elsewhere — a profile
 * to visit, a private message or a WeChat to add, the same goods cheaper
 * somewhere else, another shop's link, "part-time work". They are not
 * questions, whatever their wording (私信我领内部优惠 is no promotion
 * question), so the co-pilot never counts or answers them. The patterns are
 * data (lures.json), checked when this module loads.
 */
import { z } from 'zod';
import shipped from './lures.json' with { type: 'json' };

const luresSchema = z.object({
  about: z.string(),
  patterns: z
    .array(z.object({ family: z.enum(['profile', 'private', 'contact', 'cheaper', 'link', 'work']), pattern: z.string().min(1) }))
    .min(1),
});

const lures = luresSchema.parse(shipped).patterns.map(({ family, pattern }) => ({ family, pattern: new RegExp(pattern, 'i') }));

/** The cue that makes a normalised comment a lure (`family:matched text`), or null. */
export function findLure(norm: string): string | null {
  for (const { family, pattern } of lures) {
    const match = pattern.exec(norm);
    if (match) return `${family}:${match[0]}`;
  }
  return null;
}
