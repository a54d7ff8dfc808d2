/** `livecue backup`: a consistent copy of a database, safe while a stream is being recorded into it. */
import { z } from 'zod';
import { backupFile, BackupError, BackupTargetExistsError, type BackupProgress } from '../../core/store/backup.js';
import { parseFlags, required } from '../args.js';
import { UserError } from '../errors.js';
import { ProgressLine } from '../progress.js';

export const backupHelp = `livecue backup --db FILE --to COPY [--force]
  Copies the database FILE to COPY while LiveCue may be recording into it (an online backup: a consistent
  snapshot of one moment), checks the copy (PRAGMA quick_check) and prints where it went. Progress on stderr.
  An existing COPY is replaced only with --force.`;

export async function backup(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WriteStream = process.stderr): Promise<void> {
  const flags = parseFlags(
    argv,
    { db: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean' } },
    z.object({ db: required('--db'), to: required('--to'), force: z.boolean().optional() }),
  );
  const progress = progressReporter(err);
  try {
    const result = await backupFile(flags.db, flags.to, { overwrite: flags.force === true, onProgress: progress.update });
    progress.done();
    const size = `${(result.bytes / 1_048_576).toFixed(1)} MB`;
    out.write(`backed up ${flags.db} to ${result.file} (${size}, ${pageCount(result.pages)} pages, schema version ${result.schemaVersion}, check ok)\n`);
  } catch (error) {
    progress.done();
    if (error instanceof BackupTargetExistsError) throw new UserError(`${error.message}: choose another name, or replace it with --force`);
    if (error instanceof BackupError) throw new UserError(error.message);
    throw error;
  }
}

/** Exact page counts, not the compact 2.2万 of the figures: the line is there to show the copy move. */
const pageCount = (value: number): string => value.toLocaleString('en-US');

/**
 * On a terminal one line rewritten in place; in a log or a pipe one line at
 * each tenth of the copy, so a script (or a person tailing a log) sees it move.
 */
function progressReporter(stream: NodeJS.WriteStream): { update: (progress: BackupProgress) => void; done: () => void } {
  const line = new ProgressLine(stream);
  let reportedTenth = -1;
  const text = ({ totalPages, remainingPages }: BackupProgress) =>
    `backup: ${pageCount(totalPages - remainingPages)} of ${pageCount(totalPages)} pages copied, ${pageCount(remainingPages)} remaining`;
  return {
    update(progress) {
      if (line.enabled) return line.update(text(progress));
      const tenth = Math.floor((10 * (progress.totalPages - progress.remainingPages)) / Math.max(1, progress.totalPages));
      if (tenth === reportedTenth) return;
      reportedTenth = tenth;
      stream.write(`${text(progress)}\n`);
    },
    done: () => line.done(),
  };
}
