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
  // Advertising and lures: lures.ts finds the plain ones, the model the rest.
  'spam',
] as const;
export type CommentIntent = (typeof commentIntents)[number];

/** The intents as a merchant names them (a spreadsheet's 回答问题 column, the Chinese UI). */
export const commentIntentLabels: Readonly<Record<CommentIntent, string>> = {
  price: '价格',
  spec: '规格',
  suitability: '适用人群',
  efficacy: '效果',
  ingredient: '成分',
  usage: '用法',
  shipping: '物流',
  link: '链接',
  promotion: '优惠',
  stock: '库存',
  aftersales: '售后',
  authenticity: '正品',
  purchased: '已购',
  other: '其他',
  spam: '广告引流',
};

/** What the classifier says of one comment; `cues` name what fired, so every label can be explained. */
export interface CommentLabel {
  intent: CommentIntent;
  /** The comment waits for an answer. */
  question: boolean;
  /** The product's position number (号, #, 链接) when the comment names one. */
  productRef: number | null;
  cues: string[];
  /** How sure the intent is, 0–1 (the learned model's probability of it); below the model's threshold it is unclear. */
  confidence: number;
}
