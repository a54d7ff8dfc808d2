/**
 * The plan templates LiveCue ships (templates.json: a 2-hour 店播, a 4-hour
 * 大促 stream, a 1-hour 新品首发), read and validated once at start. They
 * have negative ids so they never collide with the store's plans.
 */
import shipped from './templates.json' with { type: 'json' };
import { planFileSchema, type Plan } from '../../../shared/plan/plan.js';
import { checkPlan } from '../../../shared/plan/check.js';

function load(): Plan[] {
  const parsed = planFileSchema.array().min(1).safeParse(shipped);
  if (!parsed.success) throw new Error(`the shipped plan templates (templates.json) are invalid: ${parsed.error.issues[0]?.message}`);
  return parsed.data.map(({ format: _format, ...body }, i) => {
    // A template names no products, so an empty catalog is enough to find every other problem.
    const { errors } = checkPlan(body, { products: [], buyingPoints: [] });
    if (errors.length > 0) throw new Error(`the shipped plan template "${body.title}" is invalid: ${errors[0]!.path} ${errors[0]!.code}`);
    return { ...body, id: -(i + 1), template: true, builtIn: true, createdAt: 0, updatedAt: 0, sessionKey: null, next: false };
  });
}

export const builtInTemplates: readonly Plan[] = load();
