/**
 * `livecue catalog`: the catalog (商品库) of a database from a terminal —
 * import a CSV/XLSX file (previewed; merge by default, replace only with
 * --yes when it deletes anything), list the import history, undo an entry.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { z } from 'zod';
import { languages, type Language } from '../../../shared/api/settings.js';
import { importModes, type CatalogChanges, type KindChanges } from '../../../shared/catalog/import.js';
import { describeImportProblem } from '../../../shared/catalog/import-problems.js';
import { CatalogImportGoneError, createCatalogApi, type CatalogApi } from '../../core/catalog/catalog-api.js';
import { parseFlags, required } from '../args.js';
import { UserError, usageError } from '../errors.js';
import { withStore } from '../store.js';

export const catalogHelp = `livecue catalog import --db FILE --file CATALOG.csv|.xlsx [--mode merge|replace] [--dry-run] [--yes] [--lang zh-CN|en]
livecue catalog history --db FILE
livecue catalog undo --db FILE --id N [--yes]
  import: prints what the file adds, changes and deletes, then applies it (not with --dry-run).
  merge (the default) adds and updates and deletes nothing; replace makes the catalog the file and,
  when that deletes anything, needs --yes. history: the last imports and undos; undo: restores the
  catalog as it was before entry N (later entries are undone with it: that needs --yes).`;

const langFlag = z.enum(languages).optional();

export async function catalog(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const [action, ...rest] = argv;
  if (action === 'import') return importCatalog(rest, out);
  if (action === 'history') return history(rest, out);
  if (action === 'undo') return undo(rest, out);
  throw usageError(`livecue catalog: say import, history or undo`);
}

function withCatalog<T>(db: string, use: (api: CatalogApi) => Promise<T>): Promise<T> {
  return withStore(db, (writer, reader) => use(createCatalogApi(writer, reader)));
}

async function importCatalog(argv: string[], out: NodeJS.WritableStream): Promise<void> {
  const flags = parseFlags(
    argv,
    { db: { type: 'string' }, file: { type: 'string' }, mode: { type: 'string' }, 'dry-run': { type: 'boolean' }, yes: { type: 'boolean' }, lang: { type: 'string' } },
    z.object({
      db: required('--db'),
      file: required('--file'),
      mode: z.enum(importModes).default('merge'),
      'dry-run': z.boolean().optional(),
      yes: z.boolean().optional(),
      lang: langFlag,
    }),
  );
  const language: Language = flags.lang ?? 'en';
  const extension = extname(flags.file).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx') throw new UserError(`${flags.file}: only .csv or .xlsx files can be imported`);
  const format = extension === '.csv' ? 'csv' : 'xlsx';
  const bytes = readFileSync(flags.file);
  const data = format === 'csv' ? bytes.toString('utf8') : bytes.toString('base64');

  await withCatalog(flags.db, async (api) => {
    const preview = await api.previewImport(format, data, flags.mode);
    if (!preview.ok) {
      const lines = preview.problems.map((p) => `  ${[p.sheet, p.row === 0 ? '' : `row ${p.row}`, p.column].filter(Boolean).join(' · ')}: ${describeImportProblem(p, language)}`);
      throw new UserError(`${flags.file}: not imported, ${preview.problemCount} problem(s); the catalog is unchanged\n${lines.join('\n')}`);
    }
    out.write(`${flags.mode} ${basename(flags.file)}:\n${formatChanges(preview.changes)}`);
    const removed = preview.changes.products.counts.removed + preview.changes.buyingPoints.counts.removed;
    if (flags['dry-run']) return void out.write('dry run: nothing changed\n');
    if (removed > 0 && !flags.yes) throw new UserError(`replace would delete ${removed} item(s), listed above; run again with --yes to delete them`);
    const result = await api.importFile({ format, data, mode: flags.mode, fileName: basename(flags.file), revision: preview.revision });
    if (!result.imported) throw new UserError(result.reason === 'changed' ? 'the catalog changed while importing; run again' : 'the file has problems');
    out.write(`imported as entry ${result.entry.id} (undo: livecue catalog undo --db ${flags.db} --id ${result.entry.id})\n`);
  });
}

async function history(argv: string[], out: NodeJS.WritableStream): Promise<void> {
  const flags = parseFlags(argv, { db: { type: 'string' } }, z.object({ db: required('--db') }));
  await withCatalog(flags.db, async (api) => {
    const entries = api.imports();
    if (entries.length === 0) return void out.write('no imports yet\n');
    for (const e of entries) {
      const what = e.kind === 'import' ? `import ${e.fileName || '(unnamed)'} (${e.mode})` : `undo of ${e.undoes}`;
      const c = e.counts;
      const counts = `products +${c.products.added} ~${c.products.changed} -${c.products.removed}, buying points +${c.buyingPoints.added} ~${c.buyingPoints.changed} -${c.buyingPoints.removed}`;
      out.write(`${String(e.id).padStart(4)}  ${new Date(e.at).toISOString()}  ${what}  ${counts}${e.undoneBy !== null ? `  [undone by ${e.undoneBy}]` : ''}\n`);
    }
  });
}

async function undo(argv: string[], out: NodeJS.WritableStream): Promise<void> {
  const flags = parseFlags(
    argv,
    { db: { type: 'string' }, id: { type: 'string' }, yes: { type: 'boolean' } },
    z.object({ db: required('--db'), id: z.coerce.number().int().positive(), yes: z.boolean().optional() }),
  );
  await withCatalog(flags.db, async (api) => {
    try {
      const preview = api.previewUndo(flags.id);
      out.write(`undo ${flags.id}:\n${formatChanges(preview.changes)}`);
      if (preview.alsoUndone.length > 0 && !flags.yes) {
        throw new UserError(`later entries ${preview.alsoUndone.join(', ')} would be undone with it; run again with --yes`);
      }
      const result = await api.undoImport(flags.id, preview.revision);
      if (!result.undone) throw new UserError('the catalog changed while undoing; run again');
      out.write(`undone as entry ${result.entry.id}\n`);
    } catch (error) {
      if (error instanceof CatalogImportGoneError) throw new UserError(error.message);
      throw error;
    }
  });
}

function formatChanges(changes: CatalogChanges): string {
  const kind = (name: string, k: KindChanges) => {
    const c = k.counts;
    const lines = [`  ${name}: ${c.added} added, ${c.changed} changed, ${c.removed} deleted, ${c.unchanged} unchanged`];
    for (const item of k.removed) lines.push(`    - ${item.id}  ${item.label}`);
    for (const item of k.changed) lines.push(`    ~ ${item.id}  ${item.fields.map((f) => f.field).join(', ')}`);
    return lines;
  };
  return `${[...kind('products', changes.products), ...kind('buying points', changes.buyingPoints)].join('\n')}\n`;
}
