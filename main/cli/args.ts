/** Flag parsing for every subcommand: node's parseArgs, then zod for values. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { usageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<S extends z.ZodType>(argv: string[], options: Options, schema: S): z.infer<S> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw usageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const flag = issue.path.length > 0 ? `--${String(issue.path[0])}` : 'arguments';
    throw usageError(`${flag}: ${issue.message}`);
  }
  return parsed.data;
}

export const port = z.coerce.number().int().min(0).max(65535);
export const url = z.string().url();
export const required = (what: string) => z.string({ error: `${what} is required` }).min(1, `${what} is required`);
export const speed = z.union([
  z.literal('max'),
  z.coerce.number().min(1, 'must be between 1 and 1000, or max').max(1000, 'must be between 1 and 1000, or max'),
]);
