/**
 * `livecue plan`: the live plans (直播计划) of a database from a terminal —
 * import a plan file (checked whole: a bad one changes nothing and fails
 * with one line), list, export, and choose the plan of the next session.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { languages } from '../../../shared/api/settings.js';
import { describePlanProblem } from '../../../shared/plan/check.js';
import { writePlanFile } from '../../../shared/plan/plan-file.js';
import type { Plan } from '../../../shared/plan/plan.js';
import { createPlanApi, PlanNotFoundError, type PlanApi } from '../../core/plan/plan-api.js';
import { builtInTemplates } from '../../core/plan/templates.js';
import { UserError, usageError } from '../errors.js';
import { withStore } from '../store.js';

export const planHelp = `livecue plan --db FILE import PLAN.json | list | export ID [--out FILE] | use ID|none [--lang zh-CN|en]
livecue plan --template
  import: checks the file against the plan format and the database's catalog, then stores it as a new plan
  (a bad file changes nothing: one line says why). list: every plan and saved template. export: the plan as
  JSON (to stdout without --out). use: the plan of the next session recorded into FILE. --template prints a
  valid example plan (the shipped 2-hour template).`;

const flagsSchema = z.object({
  db: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  lang: z.enum(languages).default('en'),
  template: z.boolean().optional(),
});

const argsConfig = {
  options: { db: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, template: { type: 'boolean' } },
  allowPositionals: true,
  strict: true,
} as const;

const storedId = (text: string | undefined) => {
  const id = Number(text);
  if (!Number.isInteger(id) || id <= 0) throw usageError(`livecue plan: "${text ?? ''}" is not a plan id (see livecue plan --db FILE list)`);
  return id;
};

export async function plan(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<void> {
  let parsed: ReturnType<typeof parseArgs<typeof argsConfig>>;
  try {
    parsed = parseArgs({ ...argsConfig, args: argv });
  } catch (error) {
    throw usageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  const flags = flagsSchema.safeParse(parsed.values);
  if (!flags.success) throw usageError(`--${String(flags.error.issues[0]?.path[0] ?? 'arguments')}: ${flags.error.issues[0]?.message}`);
  const { db, lang } = flags.data;
  if (flags.data.template) return void out.write(writePlanFile(builtInTemplates[0]!));
  const [action, argument, ...extra] = parsed.positionals;
  if (!db) throw usageError('livecue plan: --db is required');
  if (extra.length > 0) throw usageError(`livecue plan: unexpected ${extra.join(' ')}`);

  await withStore(db, async (writer, reader) => {
    const api: PlanApi = createPlanApi({ writer, reader, catalog: () => reader.catalog(), cart: () => null, onChanged: () => {} });
    try {
      switch (action) {
        case 'import': {
          if (!argument) throw usageError('livecue plan import: say which file');
          const read = await api.importFile(readFileSync(argument, 'utf8'));
          if (!read.imported) {
            const [first] = read.problems;
            const more = read.problems.length > 1 ? ` (and ${read.problems.length - 1} more)` : '';
            throw new UserError(`${argument}: not imported, nothing changed: ${describePlanProblem(first!, lang)}${more}`);
          }
          return void out.write(`imported plan ${read.plan.id}: ${read.plan.title}\n`);
        }
        case 'list':
          return void out.write(api.list().map(describe).join('') || 'no plans yet (livecue plan --template prints an example to import)\n');
        case 'export': {
          const file = api.exportFile(storedId(argument));
          if (flags.data.out) {
            writeFileSync(flags.data.out, file.data);
            return void out.write(`wrote ${flags.data.out}\n`);
          }
          return void out.write(file.data);
        }
        case 'use': {
          const chosen = await api.use(argument === 'none' ? null : storedId(argument));
          return void out.write(chosen ? `the next session recorded into ${db} runs plan ${chosen.id}: ${chosen.title}\n` : 'the next session runs no plan\n');
        }
        default:
          throw usageError('livecue plan: say import, list, export or use');
      }
    } catch (error) {
      if (error instanceof PlanNotFoundError) throw new UserError(error.message);
      throw error;
    }
  });
}

function describe(plan: Plan): string {
  const when = plan.scheduledStart === null ? 'unscheduled' : new Date(plan.scheduledStart).toISOString().slice(0, 16).replace('T', ' ');
  const marks = [plan.template ? 'template' : null, plan.next ? 'next' : null, plan.sessionKey !== null ? `ran in session ${plan.sessionKey}` : null].filter(Boolean);
  return `${String(plan.id).padStart(4)}  ${plan.title}  ${when}  ${plan.durationMin} min  ${plan.segments.length} segments  ${plan.lineup.length} products${marks.length ? `  (${marks.join(', ')})` : ''}\n`;
}
