/** The intents of a buyer's comment (docs/COMMENTS.md), in the order the UI lists them. */
export const commentIntents = [
  'price',
  'spec',
  'suitability',
  'efficacy',
  'ingredient',
  'usage',
  'shipping',
  'link',
  'promotion',
  'stock',
  'aftersales',
  'authenticity',
  'purchased',
  'other',
] as const;
export type CommentIntent = (typeof commentIntents)[number];

/** What the classifier says of one comment; `cues` name what fired, so every label can be explained. */
export interface CommentLabel {
  intent: CommentIntent;
  /** The comment waits for an answer. */
  question: boolean;
  /** The product's position number (号, #, 链接) when the comment names one. */
  productRef: number | null;
  cues: string[];
}
