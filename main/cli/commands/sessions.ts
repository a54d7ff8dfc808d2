/** `livecue sessions`: every session stored in a database, newest first, with its headline figures. */
import { z } from 'zod';
import { sessionSummaries, type SessionSummary } from '../../core/recap/recap.js';
import { openReader } from '../../core/store/reader.js';
import { parseFlags, required } from '../args.js';
import { fmt } from '../format.js';

export const sessionsHelp = `livecue sessions --db FILE [--json]
  Lists the sessions stored in FILE, newest first: id, room, start, length, UV, GMV, viewer conversion,
  peak online and the plan it ran (open one with livecue recap --session ID).`;

export async function sessions(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const flags = parseFlags(argv, { db: { type: 'string' }, json: { type: 'boolean' } }, z.object({ db: required('--db'), json: z.boolean().optional() }));
  const reader = openReader(flags.db);
  try {
    const list = sessionSummaries(reader);
    if (flags.json) return void out.write(`${JSON.stringify(list)}\n`);
    out.write(list.length === 0 ? `${flags.db} holds no session yet\n` : list.map(line).join(''));
  } finally {
    reader.close();
  }
}

function line(s: SessionSummary): string {
  const start = new Date(s.startedAt).toLocaleString('zh-CN', { hour12: false });
  const minutes = s.endedAt === null ? 'open' : `${Math.round((s.endedAt - s.startedAt) / 60_000)} min`;
  const figures = `UV ${fmt.count(s.uv)}  GMV ${fmt.money(s.gmv)}  conversion ${fmt.rate(s.viewerConversion)}  peak ${fmt.count(s.peakOnline)}`;
  return `${s.id}  ${s.room}  ${start}  ${minutes}  ${figures}${s.plan === null ? '' : `  plan: ${s.plan}`}\n`;
}
