/** `livecue record`: store a live session until the gateway ends it. */
import { z } from 'zod';
import { startCore } from '../../core/api/core.js';
import { parseFlags, required, url } from '../args.js';
import { UserError } from '../errors.js';
import { ProgressLine } from '../progress.js';
import { fmt } from '../format.js';

export const recordHelp = `livecue record --gateway URL --room ROOM --token TOKEN --db FILE
  Records a live session into FILE (SQLite) until the gateway sends end, then exits 0.
  A restarted recorder resumes after the last stored event.`;

export async function record(argv: string[]): Promise<void> {
  const flags = parseFlags(
    argv,
    { gateway: { type: 'string' }, room: { type: 'string' }, token: { type: 'string' }, db: { type: 'string' } },
    z.object({ gateway: url, room: required('--room'), token: required('--token'), db: required('--db') }),
  );
  const progress = new ProgressLine();
  const errors: string[] = [];
  const core = await startCore({
    dbFile: flags.db,
    gateway: { url: flags.gateway, room: flags.room, token: flags.token },
    onError: (error) => errors.push(error.message),
  });
  const timer = setInterval(() => {
    const s = core.snapshot();
    progress.update(
      `${s.connection.state.padEnd(12)} ${fmt.count(s.ingest.stored)} events  ${fmt.count(s.ingest.eventsPerSec)}/s  ` +
        `rejected ${s.ingest.rejected}  gaps ${s.ingest.gaps.length}`,
    );
  }, 250);
  const stopOnSignal = () => void core.stop().then(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    const final = await core.finished();
    clearInterval(timer);
    const s = core.snapshot();
    progress.update(`${final.state}: ${fmt.count(s.ingest.stored)} events stored, ${s.ingest.rejected} rejected, ${s.ingest.gaps.length} gaps`);
    progress.done();
    if (final.state === 'failed') throw new UserError(final.error ?? 'the connection to the gateway failed');
    if (errors.length > 0) console.error(`livecue: ${errors.length} problem(s) while recording; first: ${errors[0]}`);
  } finally {
    clearInterval(timer);
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    await core.stop();
  }
}
