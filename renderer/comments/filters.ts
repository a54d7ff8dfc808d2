import type { CommentView } from '../../shared/api/contract.js';

// `groups` shows the unanswered questions grouped by product and intent (question-groups.ts).
export const commentFilters = ['all', 'questions', 'unanswered', 'groups', 'purchases'] as const;
export type CommentFilter = (typeof commentFilters)[number];

export const commentFilterMatches: Record<CommentFilter, (comment: CommentView) => boolean> = {
  all: () => true,
  questions: (c) => c.question,
  unanswered: (c) => c.question && !c.answered,
  groups: (c) => c.question && !c.answered,
  purchases: (c) => c.intent === 'purchased',
};
