/** One labelled comment, as the corpus, the blind batches and the measuring sets hold them (one JSON object a line). */
import { z } from 'zod';
import { commentIntents } from './intents.js';

/** One line of a labelled file; extra fields (category …) are allowed and ignored. */
export const labelledCommentSchema = z.object({
  text: z.string().min(1),
  intent: z.enum(commentIntents),
  question: z.boolean(),
  productRef: z.number().int().positive().nullable(),
});
export type LabelledComment = z.infer<typeof labelledCommentSchema>;
