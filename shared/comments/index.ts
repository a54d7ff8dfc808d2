/** Comment understanding: intent, question, product reference (docs/COMMENTS.md). */
export { classifyComment, commentClassifier, UNCLEAR_BELOW } from './classify.js';
export { commentIntents, type CommentIntent, type CommentLabel } from './intents.js';
export { normalise } from './normalise.js';
export { findProductRef, resolveProduct, type ProductInfo, type ProductRef } from './product-ref.js';
export { readQuestion, type QuestionReading } from './question.js';
export { commonWords, evaluate, missedBars, qualityBars, labelledCommentSchema, type EvalReport, type LabelledComment, type IntentScores, type Miss, type Scores } from './eval.js';
export { showEmojiCodes } from './emoji-codes.js';
