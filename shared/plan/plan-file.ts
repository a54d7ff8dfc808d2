/**
 * A plan as a JSON file (export, import, `livecue plan`): the plan body with a
 * format marker. Reading one either yields a whole valid plan or says, field
 * by field, what is wrong; nothing half-read ever reaches the store.
 */
import type { z } from 'zod';
import { checkPlan, type PlanProblem } from './check.js';
import type { Catalog } from '../catalog/catalog.js';
import { PLAN_FILE_FORMAT, planFileSchema, planInputSchema, type PlanBody } from './plan.js';
import { MAX_PLAN_FILE_BYTES } from './plan-api.js';

export type PlanFileRead = { ok: true; plan: PlanBody } | { ok: false; problems: PlanProblem[] };

/** zod's issue path as the problem's: `segments[2].plannedDurationSec`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

export const issueProblems = (error: z.ZodError): PlanProblem[] =>
  error.issues.map((issue) => ({ path: issuePath(issue.path), code: 'invalid', params: { detail: issue.message } }));

/** Validates a plan as written by a person (the editor, the bridge), then against the catalog. */
export function validatePlan(input: unknown, catalog: Catalog): PlanFileRead {
  const parsed = planInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: issueProblems(parsed.error) };
  // Each field has its own limit, but together they allow megabytes: a plan must also export to a file that imports back.
  const tooLarge = sizeProblem(writePlanFile(parsed.data));
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  const { errors } = checkPlan(parsed.data, catalog);
  return errors.length > 0 ? { ok: false, problems: errors } : { ok: true, plan: parsed.data };
}

/** Bytes, not characters: a Chinese note takes 3 bytes a character on the wire. */
export const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

function sizeProblem(file: string): PlanProblem | null {
  const bytes = utf8Bytes(file);
  return bytes > MAX_PLAN_FILE_BYTES ? { path: '', code: 'tooLarge', params: { bytes, limit: MAX_PLAN_FILE_BYTES } } : null;
}

export function readPlanFile(text: string, catalog: Catalog): PlanFileRead {
  const tooLarge = sizeProblem(text);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', code: 'badJson', params: { detail: (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ') } }] };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== PLAN_FILE_FORMAT) {
    return { ok: false, problems: [{ path: 'format', code: 'wrongFormat', params: {} }] };
  }
  const parsed = planFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: issueProblems(parsed.error) };
  const { format: _format, ...body } = parsed.data;
  return validatePlan(body, catalog);
}

export function writePlanFile(plan: PlanBody): string {
  const { title, room, scheduledStart, durationMin, autoAdvance, goals, lineup, segments, checklist } = plan;
  return `${JSON.stringify({ format: PLAN_FILE_FORMAT, title, room, scheduledStart, durationMin, autoAdvance, goals, lineup, segments, checklist }, null, 2)}\n`;
}
