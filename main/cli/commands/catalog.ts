/**
 * `livecue catalog`: the catalog (商品库) of a database from a terminal —
 * import a CSV/XLSX file (previewed; merge by default, replace only with
 * --yes when it deletes anything), export it, list the import history, undo
 * an entry. An import reads the file as the console's does: the same limits,
 * the same worker, the same row-by-row problems.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { z } from 'zod';
import { languages, type Language } from '../../../shared/api/settings.js';
import { MAX_IMPORT_BYTES, type CatalogImportPreview } from '../../../shared/catalog/catalog-api.js';
import type { CatalogFormat } from '../../../shared/catalog/file-layout.js';
import { importModes, type CatalogChanges, type KindChanges } from '../../../shared/catalog/import.js';
import { describeImportProblem, problem, type ImportProblem } from '../../../shared/catalog/import-problems.js';
import { CatalogImportGoneError, createCatalogApi, type CatalogApi } from '../../core/catalog/catalog-api.js';
import { parseFlags, required } from '../args.js';
import { UserError, usageError } from '../errors.js';
import { withStore } from '../store.js';

export const catalogHelp = `livecue catalog import FILE.csv|.xlsx --db FILE [--mode merge|replace] [--dry-run] [--yes] [--json] [--lang zh-CN|en]
livecue catalog export FILE.csv|.xlsx --db FILE
livecue catalog history --db FILE
livecue catalog undo --db FILE --id N [--yes]
  import: prints what the file adds, changes and deletes, then applies it (not with --dry-run); the file
  may also be given as --file FILE. merge (the default) adds and updates and deletes nothing; replace
  makes the catalog the file and, when that deletes anything, needs --yes. --json prints the outcome as
  one JSON object. A file that cannot be imported changes nothing and exits 1.
  export: writes the catalog, as CSV or XLSX by the file's extension.
  history: the last imports and undos; undo: restores the catalog as it was before entry N (later
  entries are undone with it: that needs --yes).`;

const langFlag = z.enum(languages).optional();

export async function catalog(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const [action, ...rest] = argv;
  if (action === 'import') return importCatalog(rest, out);
  if (action === 'export') return exportCatalog(rest, out);
  if (action === 'history') return history(rest, out);
  if (action === 'undo') return undo(rest, out);
  throw usageError(`livecue catalog: say import, export, history or undo`);
}

function withCatalog<T>(db: string, use: (api: CatalogApi) => Promise<T>): Promise<T> {
  return withStore(db, (writer, reader) => use(createCatalogApi(writer, reader)));
}

/**
 * The file named without a flag (\`import FILE --db DB\`, in any place among the flags) and the flags left.
 * A flag that takes a value takes the next word unless written --flag=value.
 */
function fileArgument(argv: string[], valueFlags: ReadonlySet<string>): { file: string | undefined; flags: string[] } {
  const flags: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (!word.startsWith('-')) files.push(word);
    else {
      flags.push(word);
      if (valueFlags.has(word) && i + 1 < argv.length) flags.push(argv[++i]!);
    }
  }
  if (files.length > 1) throw usageError(`name one file, not ${files.length}`);
  return { file: files[0], flags };
}

function formatOf(file: string): CatalogFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.xlsx') return 'xlsx';
  throw new UserError(`${file}: only .csv or .xlsx files (the extension says which)`);
}

const where = (p: ImportProblem) => [p.sheet, p.row === 0 ? '' : `row ${p.row}`, p.column].filter(Boolean).join(' · ');

/** One line saying why nothing was imported: the problem itself when it is the whole file's, else how many rows have one. */
function refusal(file: string, preview: Extract<CatalogImportPreview, { ok: false }>, language: Language): string {
  const [first] = preview.problems;
  if (preview.problemCount === 1 && first && first.row === 0) return `${file}: not imported: ${describeImportProblem(first, language)}; the catalog is unchanged`;
  return `${file}: not imported, ${preview.problemCount} problem(s); the catalog is unchanged`;
}

async function importCatalog(argv: string[], out: NodeJS.WritableStream): Promise<void> {
  const options = {
    db: { type: 'string' },
    file: { type: 'string' },
    mode: { type: 'string' },
    'dry-run': { type: 'boolean' },
    yes: { type: 'boolean' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
  } as const;
  const valueFlags = new Set(Object.entries(options).flatMap(([name, o]) => (o.type === 'string' ? [`--${name}`] : [])));
  const { file: positional, flags: rest } = fileArgument(argv, valueFlags);
  const flags = parseFlags(
    rest,
    options,
    z.object({
      db: required('--db'),
      file: z.string().min(1).optional(),
      mode: z.enum(importModes).default('merge'),
      'dry-run': z.boolean().optional(),
      yes: z.boolean().optional(),
      json: z.boolean().optional(),
      lang: langFlag,
    }),
  );
  const file = positional ?? flags.file;
  if (file === undefined) throw usageError('name the file to import');
  if (positional !== undefined && flags.file !== undefined) throw usageError('name the file once: FILE or --file FILE');
  const language: Language = flags.lang ?? 'en';
  const format = formatOf(file);
  const fileName = basename(file);
  const json = (value: object) => flags.json && out.write(`${JSON.stringify({ file: fileName, format, mode: flags.mode, ...value })}\n`);
  // Refused before it is read into memory: the reader would refuse it anyway.
  const tooLarge = statSync(file).size > MAX_IMPORT_BYTES;
  const data: Uint8Array = tooLarge ? new Uint8Array(0) : readFileSync(file);

  await withCatalog(flags.db, async (api) => {
    const preview: CatalogImportPreview = tooLarge
      ? { ok: false, reason: 'problems', problemCount: 1, problems: [problem('', 0, '', 'tooLarge', { megabytes: MAX_IMPORT_BYTES / (1024 * 1024) })], encoding: null }
      : await api.previewImport(format, data, flags.mode);
    if (!preview.ok) {
      json({ imported: false, encoding: preview.encoding, problemCount: preview.problemCount, problems: preview.problems.map((p) => ({ ...p, message: describeImportProblem(p, language) })) });
      const rows = preview.problems.filter((p) => p.row !== 0 || preview.problemCount > 1).map((p) => `  ${where(p)}: ${describeImportProblem(p, language)}`);
      throw new UserError([refusal(file, preview, language), ...(flags.json ? [] : rows)].join('\n'));
    }
    if (!flags.json) out.write(`${flags.mode} ${fileName}${preview.encoding ? ` (${preview.encoding})` : ''}:\n${formatChanges(preview.changes)}`);
    const removed = preview.changes.products.counts.removed + preview.changes.buyingPoints.counts.removed;
    if (flags['dry-run']) {
      json({ imported: false, dryRun: true, encoding: preview.encoding, changes: preview.changes });
      return void (flags.json || out.write('dry run: nothing changed\n'));
    }
    if (removed > 0 && !flags.yes) throw new UserError(`replace would delete ${removed} item(s)${flags.json ? '' : ', listed above'}; run again with --yes to delete them`);
    const result = await api.importFile({ format, data, mode: flags.mode, fileName, revision: preview.revision });
    if (!result.imported) throw new UserError(result.reason === 'changed' ? 'the catalog changed while importing; run again' : 'the file has problems');
    json({ imported: true, encoding: result.encoding, entry: result.entry, changes: result.changes });
    if (!flags.json) out.write(`imported as entry ${result.entry.id} (undo: livecue catalog undo --db ${flags.db} --id ${result.entry.id})\n`);
  });
}

async function exportCatalog(argv: string[], out: NodeJS.WritableStream): Promise<void> {
  const { file, flags: rest } = fileArgument(argv, new Set(['--db']));
  const flags = parseFlags(rest, { db: { type: 'string' } }, z.object({ db: required('--db') }));
  if (file === undefined) throw usageError('name the file to write');
  const format = formatOf(file);
  await withCatalog(flags.db, async (api) => {
    const data = await api.exportFile(format);
    writeFileSync(file, format === 'csv' ? data : Buffer.from(data, 'base64'));
    const { products, buyingPoints } = api.get();
    out.write(`wrote ${file}: ${products.length} product(s), ${buyingPoints.length} buying point(s)\n`);
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
