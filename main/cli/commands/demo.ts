/**
 * `livecue demo`: the headless way to watch the demo room (the app itself is `npm start`): the
 * built-in demo room recorded into the local database, with a live terminal
 * dashboard of the key figures.
 */
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { CoreSnapshot } from '../../../shared/api/contract.js';
import { startCore, type Core } from '../../core/api/core.js';
import { createMissingFoldersPrivate } from '../../core/store/file-permissions.js';
import { startSimulator } from '../../simulator/index.js';
import { parseFlags, speed } from '../args.js';
import { fmt } from '../format.js';

export const demoHelp = `livecue demo [--scenario skincare|apparel] [--speed 1..1000|max] [--seed N] [--db FILE]
  Runs the demo live room and records it (default database: ~/.livecue/livecue.db),
  showing live figures. Ctrl-C stops; \`livecue recap --db FILE\` reviews it afterwards.`;

export async function demo(argv: string[]): Promise<void> {
  const flags = parseFlags(
    argv,
    { scenario: { type: 'string' }, speed: { type: 'string' }, seed: { type: 'string' }, db: { type: 'string' } },
    z.object({
      scenario: z.enum(['skincare', 'apparel']).default('skincare'),
      speed: speed.default(1),
      seed: z.coerce.number().int().default(Date.now() % 100_000),
      db: z.string().min(1).default(join(homedir(), '.livecue', 'livecue.db')),
    }),
  );
  // A folder that cannot be created fails here as a system error, which the CLI reports in one line.
  createMissingFoldersPrivate(dirname(flags.db));
  const token = randomBytes(16).toString('hex');
  const simulator = await startSimulator({ port: 0, token, scenario: flags.scenario, seed: flags.seed, speed: flags.speed });
  // The listening simulator keeps the process alive: it must close whether or not the core starts.
  try {
    const core = await startCore({ dbFile: flags.db, gateway: { url: simulator.url, room: simulator.room, token } });
    try {
      await showUntilDone(core, flags.db);
    } finally {
      await core.stop();
    }
  } finally {
    await simulator.close();
  }
  process.stdout.write(`recorded into ${flags.db} — review with: livecue recap --db ${flags.db}\n`);
}

/** Redraws the dashboard until the session ends or the user interrupts. */
async function showUntilDone(core: Core, db: string): Promise<void> {
  const tty = process.stdout.isTTY === true;
  let drawn = 0;
  const draw = () => {
    const lines = dashboard(core.snapshot(), db);
    if (tty && drawn > 0) process.stdout.write(`\x1b[${drawn}A\x1b[J`);
    process.stdout.write(`${lines.join('\n')}\n`);
    drawn = lines.length;
  };
  const timer = setInterval(draw, tty ? 500 : 10_000);
  let interrupt: () => void = () => {};
  const interrupted = new Promise<void>((resolve) => {
    interrupt = () => resolve();
  });
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    await Promise.race([core.finished(), interrupted]);
  } finally {
    clearInterval(timer);
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
  draw();
}

function delta(current: number | null, previous: number | null): string {
  if (current === null || previous === null || previous === 0) return '';
  const change = (current - previous) / previous;
  // Chinese market convention: red for up, green for down.
  const colour = change >= 0 ? '\x1b[31m' : '\x1b[32m';
  return ` ${colour}${change >= 0 ? '▲' : '▼'}${fmt.rate(Math.abs(change))}\x1b[0m`;
}

function dashboard(s: CoreSnapshot, db: string): string[] {
  const t = s.totals;
  const w = s.windows.m5;
  const onAir = s.onAir ? (s.products.find((p) => p.id === s.onAir!.productId)?.title ?? s.onAir.productId) : '—';
  return [
    `\x1b[1mLiveCue demo\x1b[0m  ${s.session?.room.title ?? ''}  [${s.connection.state}]  ${db}`,
    `在线 online   ${fmt.count(t.onlineViewers).padEnd(8)} 峰值 peak ${fmt.count(t.peakOnline)}`,
    `累计 UV       ${fmt.count(t.uv).padEnd(8)} 进场/分 entries/min ${fmt.count(w.current.entriesPerMinute)}`,
    `成交 GMV      ${fmt.money(t.gmv).padEnd(14)} 5分钟 ${fmt.money(w.current.gmv)}${delta(w.current.gmv, w.previous.gmv)}`,
    `转化 conv.    ${fmt.rate(t.viewerConversion).padEnd(8)} 点击-成交 click→buy ${fmt.rate(t.clickBuyRate)}`,
    `讲解卡 on air ${onAir}`,
    `入库 stored   ${fmt.count(s.ingest.stored)} events, ${s.ingest.rejected} rejected, ${s.ingest.gaps.length} gaps`,
  ];
}
