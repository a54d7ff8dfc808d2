/**
 * The recap (复盘) of real recorded sessions: three sessions of one room
 * through the whole core (a socket.io gateway on loopback, the store on a
 * real SQLite file), in which known users move through the five layers
 * exactly as METRICS.md says, a card on air is followed by a rise in orders,
 * and buyers' questions are tallied as they were classified. The CLI's JSON
 * is the same recap.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../main/core/api/core.js';
import { fakeHello, startFakeGateway, FAKE_ROOM, FAKE_TOKEN } from '../main/core/source/testing/fake-gateway.js';
import type { Recap } from '../shared/api/contract.js';
import { numberFormats } from '../shared/format/numbers.js';
import type { LiveEvent } from '../shared/protocol/index.js';
import { runCli, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const ARTIFACTS = new URL('../test-artifacts/', import.meta.url).pathname;
const file = tmp.file('recap.db');
beforeAll(async () => {
  for (const index of [1, 2, 3]) await record(file, index);
}, 60_000);

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const user = (id: string, groupMember = false) => ({ id, name: `name of ${id}`, ...(groupMember ? { groupMember } : {}) });

/** One session's events, `start` being its startedAt. */
function sessionEvents(index: number, start: number): LiveEvent[] {
  let seq = 0;
  const at = (ms: number) => ({ seq: ++seq, ts: start + ms });
  const paid = (ms: number, userId: string, amount: number, productId = 'p1'): LiveEvent => ({
    ...at(ms),
    type: 'order.paid',
    orderId: `o${index}-${seq + 1}`,
    productId,
    user: user(userId),
    quantity: 1,
    amount,
  });
  const events: LiveEvent[] = [
    { ...at(1_000), type: 'viewer.enter', user: user('walker'), source: 'feed' },
    { ...at(2_000), type: 'viewer.enter', user: user('fan'), source: 'search' },
    { ...at(3_000), type: 'viewer.enter', user: user('member', true), source: 'group' },
    { ...at(4_000), type: 'online.count', online: 100 },
  ];
  // Session 2: the walker asks; session 3: the walker buys. The fan buys every time.
  if (index >= 2) events.push({ ...at(10_000), type: 'comment', id: `c${index}-1`, user: user('walker'), text: '这个多少钱' });
  events.push(paid(20_000, 'fan', 5_000));
  if (index === 3) {
    for (let i = 0; i < 6; i++) events.push({ ...at(30_000 + i * 1000), type: 'comment', id: `c3-size-${i}`, user: user(`asker${i}`), text: '多大码？' });
    events.push({ ...at(MINUTE + 10_000), type: 'card.shown', productId: 'p1' });
    events.push({ ...at(2 * MINUTE + 30_000), type: 'online.count', online: 300 });
    for (let i = 0; i < 4; i++) events.push(paid(2 * MINUTE + 35_000 + i * 1000, 'walker', 1_990));
    events.push({ ...at(3 * MINUTE + 5_000), type: 'card.hidden', productId: 'p1' });
  }
  events.push({ ...at(4 * MINUTE), type: 'online.count', online: 90 });
  return events;
}

async function record(file: string, index: number): Promise<void> {
  const start = 1_700_000_000_000 + index * DAY;
  const hello = { ...fakeHello(FAKE_ROOM, `session-${index}`), session: { id: `session-${index}`, startedAt: start }, serverTime: start };
  const gateway = await startFakeGateway({
    onConnection: (client) => {
      client.emit('hello', hello);
      client.emit('events', sessionEvents(index, start));
      client.emit('end', { session: `session-${index}`, endedAt: start + 5 * MINUTE });
    },
  });
  const core = await startCore({ dbFile: file, gateway: { url: gateway.url, room: FAKE_ROOM, token: FAKE_TOKEN }, copilotCpuShare: 0 });
  try {
    expect((await core.finished()).state).toBe('ended');
  } finally {
    await core.stop();
    await gateway.close();
  }
}

describe('the recap of recorded sessions', () => {
  it('folds users into the five layers session by session, and tells what happened before a rise', async () => {
    const core = await startCore({ dbFile: file, gateway: { url: 'http://127.0.0.1:9', room: FAKE_ROOM, token: FAKE_TOKEN } });
    let recaps: Recap[];
    try {
      // With a plan marked for the next session, the unanswered size question becomes a task on its checklist, once.
      const next = await core.plan().create({ from: { template: -1 }, title: '下一场' });
      await core.plan().use(next.id);
      recaps = [1, 2, 3].map((index) => core.recap(`session-${index}`));
      const advice = core.recap('session-3').advice.find((a) => a.rule === 'unanswered')!;
      expect(advice.action).toEqual({ kind: 'addChecklistItem', title: '补充买点：全场 · 规格' });
      const applied = await core.applyAdvice('session-3', advice.id);
      expect(applied).toMatchObject({ planId: next.id, planTitle: '下一场' });
      await core.applyAdvice('session-3', advice.id);
      expect(core.plan().detail(next.id).plan.checklist.filter((c) => c.title === '补充买点：全场 · 规格')).toHaveLength(1);
      await expect(core.applyAdvice('session-3', 'no-such-advice')).rejects.toThrow(/no suggestion/);
    } finally {
      await core.stop();
    }
    const [first, second, third] = recaps;
    const moves = (recap: Recap) => recap.layers.moves.map((m) => `${m.from}>${m.to}:${m.users}`).sort();
    expect(first!.layers.provisional).toBe(false);
    expect(moves(first!)).toEqual(['firstVisit>aware:1', 'firstVisit>intimate:1', 'firstVisit>newCustomer:1']);
    expect(moves(second!)).toEqual(['aware>interested:1', 'newCustomer>returning:1']);
    expect(moves(third!).filter((m) => !m.startsWith('firstVisit'))).toEqual(['interested>newCustomer:1', 'returning>intimate:1']);
    expect(second!.layers.sizes).toEqual({ aware: 0, interested: 1, newCustomer: 0, returning: 1, intimate: 1 });
    // The fan paid 50 at entry as 老客 in session 3; the walker's 4 × 19.90 came in as 兴趣.
    expect(third!.layers.atEntry.find((s) => s.layer === 'returning')).toMatchObject({ uv: 1, buyers: 1, gmv: 5_000 });
    expect(third!.layers.atEntry.find((s) => s.layer === 'interested')).toMatchObject({ uv: 1, buyers: 1, gmv: 4 * 1_990 });
    expect(third!.layers.trend.map((t) => t.sessionId)).toEqual(['session-1', 'session-2', 'session-3']);
    expect(third!.layers.trend[2]!.loyalGmvShare).toBeCloseTo(5_000 / (5_000 + 4 * 1_990));

    // Traffic sources: UV and buyers by where users came from (the askers never entered, so they are no UV).
    expect(third!.traffic.map((t) => [t.source, t.uv, t.buyers])).toEqual([
      ['feed', 1, 1],
      ['search', 1, 1],
      ['group', 1, 0],
    ]);

    // Orders rose in minute 2, with the card pinned in minute 1 and the size questions' burst before it.
    const rise = third!.peaks.find((p) => p.metric === 'paidOrders' && p.direction === 'rise')!;
    expect(rise.minute - Math.floor(third!.session.startedAt / MINUTE)).toBe(2);
    expect(rise.change).toBe(4);
    expect(rise.happened.map((h) => h.kind)).toEqual(['questionBurst', 'cardShown']);
    expect(rise.happened[1]).toMatchObject({ productId: 'p1', title: 'Tea' });
    expect(third!.minutes.find((m) => m.paidOrders === 4)?.onAir).toEqual(['p1']);
    expect(third!.products.find((p) => p.productId === 'p1')).toMatchObject({ onAirPaidOrders: 4, onAirGmv: 4 * 1_990 });

    // Every question classified, clustered; the six size questions are one question asked six times.
    expect(third!.questions?.total).toBe(7);
    expect(third!.questions?.top[0]).toMatchObject({ intent: 'spec', text: '多大码？', asked: 6, askers: 6, answered: 0 });
    expect(third!.advice.find((a) => a.rule === 'unanswered')).toMatchObject({ intent: 'spec', asked: 6 });

    // The room's earlier sessions are the baseline: GMV averaged over sessions 1 and 2.
    expect(third!.baseline).toMatchObject({ sessions: 2, totals: { gmv: 5_000 } });
    expect(first!.baseline).toBeNull();

    // The CLI prints the same recap.
    const cli = await runCli(['recap', '--db', file, '--session', 'session-3', '--json']);
    expect(cli.stderr).toBe('');
    expect(JSON.parse(cli.stdout)).toEqual(JSON.parse(JSON.stringify(third)));
  }, 60_000);
});

/** The share of dark pixels of a binary PGM (P5, 8-bit): its header is "P5 width height maxval" then one byte a pixel. */
function inkShare(pgm: Buffer): number {
  const [, width, height] = pgm.toString('latin1', 0, 40).split(/\s+/).map(Number);
  const pixels = pgm.subarray(pgm.length - width! * height!);
  return pixels.filter((value) => value < 200).length / pixels.length;
}

const recapJson = async (session: string): Promise<Recap> => JSON.parse((await runCli(['recap', '--db', file, '--session', session, '--json'])).stdout) as Recap;

describe('the recap exported', () => {
  it('as XLSX: a sheet per table, numbers as numbers, money in yuan, frozen headers, equal to the JSON', async () => {
    const recap = await recapJson('session-3');
    const out = tmp.file('recap.xlsx');
    const result = await runCli(['recap', '--db', file, '--session', 'session-3', '--format', 'xlsx', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^wrote .*recap\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总', '分钟', '商品', '峰谷', '提问', '话术', '用户分层']);
    const summary = workbook.getWorksheet('汇总')!;
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rowOf = (label: string) => summary.getColumn(1).values.indexOf(label);
    const gmv = summary.getRow(rowOf('成交金额')).getCell(2);
    expect(gmv.value).toBe(recap.totals.gmv! / 100);
    expect(gmv.numFmt).toBe('0.00');
    expect(summary.getRow(rowOf('累计观看人数')).getCell(2).value).toBe(recap.totals.uv);
    expect(summary.getRow(rowOf('观看-成交转化率')).getCell(2)).toMatchObject({ value: recap.totals.viewerConversion, numFmt: '0.00%' });
    const minutes = workbook.getWorksheet('分钟')!;
    expect(minutes.rowCount).toBe(recap.minutes.length + 1);
    const orders = minutes.getColumn(9).values.slice(2);
    expect(orders).toEqual(recap.minutes.map((m) => m.paidOrders));
    const questions = workbook.getWorksheet('提问')!;
    expect(questions.getRow(2).values).toEqual([undefined, '规格', '全场', '多大码？', 6, 6, 0]);
  });

  it('as CSV: UTF-8 with a BOM, one file per table, read back as written', async () => {
    const dir = tmp.file('csv');
    const result = await runCli(['recap', '--db', file, '--session', 'session-3', '--format', 'csv', '--out', dir, '--lang', 'en']);
    expect(result.stdout).toBe(`wrote 7 tables to ${dir}\n`);
    expect(readdirSync(dir).sort()).toEqual(['layers.csv', 'minutes.csv', 'peaks.csv', 'products.csv', 'questions.csv', 'summary.csv', 'talkingPoints.csv']);
    const bytes = readFileSync(join(dir, 'summary.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Metric', 'This session', 'Plan goal', 'Recent average', 'vs average']);
    const recap = await recapJson('session-3');
    expect(rows.find((r) => r[0] === 'GMV')?.[1]).toBe((recap.totals.gmv! / 100).toFixed(2));
    // One table to stdout: the same bytes as the file.
    const one = await runCli(['recap', '--db', file, '--session', 'session-3', '--format', 'csv', '--table', 'summary', '--lang', 'en']);
    expect(one.stdout).toBe(bytes.toString('utf8'));
  });

  it('as PDF: pages, its charts, and Chinese text in a CJK font (first page rendered to PNG)', async () => {
    const out = tmp.file('recap.pdf');
    const result = await runCli(['recap', '--db', file, '--session', 'session-3', '--format', 'pdf', '--out', out], 90_000);
    expect(result.stderr).toBe('');
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(execFileSync('pdftotext', ['-l', '1', out, '-'], { encoding: 'utf8' })).toMatch(/直播复盘 · Demo room/);
    expect(execFileSync('pdffonts', [out], { encoding: 'utf8' })).toMatch(/WenQuanYi|Noto|CJK|Hei/i);
    // Its figures are written as every UI writes them (the files keep raw numbers): ¥ and 万, rates with one decimal.
    const recap = await recapJson('session-3');
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    const zh = numberFormats('zh-CN');
    expect(text).toContain(zh.money(recap.totals.gmv));
    expect(text).toContain(zh.rate(recap.totals.viewerConversion));
    // The first page is not blank: a good share of its pixels are ink.
    const gray = tmp.file('page');
    execFileSync('pdftoppm', ['-gray', '-r', '40', '-f', '1', '-l', '1', '-singlefile', out, gray]);
    expect(inkShare(readFileSync(`${gray}.pgm`))).toBeGreaterThan(0.01);
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', out, join(ARTIFACTS, 'recap-pdf-page1')]);
    expect(existsSync(join(ARTIFACTS, 'recap-pdf-page1.png'))).toBe(true);
  }, 120_000);

  it('fails with one clear line, and writes nothing, when no Chromium can print the PDF', async () => {
    const out = tmp.file('none.pdf');
    const result = await runCli(['recap', '--db', file, '--format', 'pdf', '--out', out], 30_000, { LIVECUE_CHROMIUM: '/nowhere/chromium' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^livecue recap: a PDF needs Chromium or Chrome/);
    expect(existsSync(out)).toBe(false);
  });
});
