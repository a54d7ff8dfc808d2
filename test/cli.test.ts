/**
 * The `livecue` command as a user meets it: a session recorded end to end,
 * its recap, and mistakes answered with one clear line and a non-zero exit,
 * never a stack trace.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../main/simulator/index.js';
import { metricKeys } from '../shared/metrics/index.js';
import { runCli, runScript, tempDir } from './helpers.js';

const tmp = tempDir();
const token = 'cli-token';
let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, token, seed: 5, speed: 'max', maxEvents: 20_000 });
});
afterAll(async () => {
  await simulator.close();
  tmp.remove();
});

const oneLine = (stderr: string) => stderr.trim().split('\n');

/** A mistake must end the process by itself: a CLI still running after this long has hung (runCli then kills it and fails). */
const HANG_MS = 20_000;

describe('livecue record and recap', () => {
  it('records a session until the gateway ends it, then recaps it as JSON with every metric', async () => {
    const db = tmp.file('session.db');
    const recorded = await runCli(['record', '--gateway', simulator.url, '--room', simulator.room, '--token', token, '--db', db]);
    expect(recorded.stderr).toBe('');
    expect(recorded.code).toBe(0);

    const recap = await runCli(['recap', '--db', db, '--json']);
    expect(recap.code).toBe(0);
    const result = JSON.parse(recap.stdout) as {
      session: { id: string; events: number };
      totals: Record<string, number | null>;
      minutes: unknown[];
      products: { productId: string }[];
      rejects: number;
      gaps: unknown[];
      plan: unknown;
    };
    expect(Object.keys(result).sort()).toEqual(['advice', 'baseline', 'cards', 'counters', 'funnel', 'gaps', 'layers', 'minutes', 'moments', 'peaks', 'plan', 'products', 'questions', 'rejects', 'session', 'suggestions', 'talkingPoints', 'totals', 'traffic']);
    // No plan was chosen for this session.
    expect(result.plan).toBeNull();
    expect(result.session.id).toBe(simulator.sessionId);
    expect(result.session.events).toBe(20_000);
    expect(Object.keys(result.totals)).toEqual([...metricKeys]);
    expect(result.totals.uv).toBeGreaterThan(0);
    expect(result.minutes.length).toBeGreaterThan(0);
    expect(result.products.length).toBeGreaterThan(0);
    expect(result.rejects).toBe(0);
    expect(result.gaps).toEqual([]);

    const bySession = await runCli(['recap', '--db', db, '--session', simulator.sessionId, '--json']);
    expect(JSON.parse(bySession.stdout)).toEqual(result);
    const table = await runCli(['recap', '--db', db]);
    expect(table.stdout).toMatch(/累计观看人数/);
  });
});

describe('mistakes get one clear line and a non-zero exit', () => {
  it('a wrong token', async () => {
    const result = await runCli(['record', '--gateway', simulator.url, '--room', simulator.room, '--token', 'nope', '--db', tmp.file('a.db')]);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toEqual(['livecue record: the gateway refused the token']);
  });

  it('an unreachable gateway', async () => {
    const result = await runCli(['record', '--gateway', 'http://127.0.0.1:9', '--room', 'r', '--token', 't', '--db', tmp.file('b.db')], 90_000);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toEqual(['livecue record: cannot reach the gateway at http://127.0.0.1:9']);
  }, 90_000);

  it('an unreadable database', async () => {
    const notADb = tmp.file('notes.txt');
    writeFileSync(notADb, 'these are my notes, not a database\n'.repeat(100));
    const result = await runCli(['recap', '--db', notADb, '--json']);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/^livecue recap: cannot open database .*notes\.txt: not a LiveCue database/);
    const missing = await runCli(['recap', '--db', tmp.file('missing.db')]);
    expect(missing.code).toBe(1);
    expect(oneLine(missing.stderr)).toEqual([`livecue recap: cannot open database ${tmp.file('missing.db')}: no such file`]);
  });

  it('a bad flag or a missing one', async () => {
    const badPort = await runCli(['sim', '--port', 'abc', '--token', 't']);
    expect(badPort.code).toBe(2);
    expect(oneLine(badPort.stderr)).toHaveLength(1);
    expect(badPort.stderr).toMatch(/--port/);
    const noToken = await runCli(['record', '--gateway', simulator.url, '--room', 'r', '--db', tmp.file('c.db')]);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/--token is required/);
    const unknown = await runCli(['fly']);
    expect(unknown.code).toBe(2);
  });
});

describe('a system problem (busy port, missing file, unusable folder) is one line, exit 1, and the process ends', () => {
  it('sim on a port that is already in use', async () => {
    const occupant = createServer();
    await new Promise<void>((resolve) => occupant.listen(0, '127.0.0.1', resolve));
    const { port } = occupant.address() as AddressInfo;
    try {
      const result = await runCli(['sim', '--port', String(port), '--token', 't'], HANG_MS);
      expect(result.code).toBe(1);
      expect(oneLine(result.stderr)).toEqual([`livecue sim: port ${port} is already in use`]);
    } finally {
      await new Promise((resolve) => occupant.close(resolve));
    }
  });

  it('sim replaying a recording that does not exist', async () => {
    const missing = tmp.file('missing.jsonl');
    const result = await runCli(['sim', '--port', '0', '--token', 't', '--replay', missing], HANG_MS);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toEqual([`livecue sim: no such file: ${missing}`]);
  });

  it('demo with a database whose folder cannot be created', async () => {
    const plainFile = tmp.file('plain-file');
    writeFileSync(plainFile, 'not a folder\n');
    const result = await runCli(['demo', '--db', `${plainFile}/sub/live.db`], HANG_MS);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toEqual([`livecue demo: cannot create folder ${plainFile}/sub: part of the path is a file, not a folder`]);
  });

  it('demo with an unreadable database stops its simulator and exits', async () => {
    const notADb = tmp.file('demo-notes.txt');
    writeFileSync(notADb, 'these are my notes, not a database\n'.repeat(100));
    const result = await runCli(['demo', '--db', notADb], HANG_MS);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/^livecue demo: cannot open database .*demo-notes\.txt: not a LiveCue database/);
  });
});

describe('livecue classify', () => {
  const comments = ['5号多少钱', '已拍，什么时候发货？', '', '這個敏感肌能用嗎', '主播晚上好🌙'].join('\n');

  it('labels each line of stdin as one JSON object with the cues that fired', async () => {
    const result = await runScript('main/cli/index.ts', ['classify', '--json'], `${comments}\n`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const labels = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(labels.map((l) => Object.keys(l))).toEqual(Array(4).fill(['text', 'intent', 'question', 'productRef', 'cues', 'confidence']));
    expect(labels.map(({ text, intent, question, productRef }) => ({ text, intent, question, productRef }))).toEqual([
      { text: '5号多少钱', intent: 'price', question: true, productRef: 5 },
      { text: '已拍，什么时候发货？', intent: 'shipping', question: true, productRef: null },
      { text: '這個敏感肌能用嗎', intent: 'suitability', question: true, productRef: null },
      { text: '主播晚上好🌙', intent: 'other', question: false, productRef: null },
    ]);
    expect(labels[0]!.cues).toEqual(expect.arrayContaining(['price:多少钱', 'ref:5号']));
  });

  it('prints a readable line per comment without --json, and reads Windows line ends', async () => {
    const result = await runScript('main/cli/index.ts', ['classify'], '3号还有吗\r\n666\r\n');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^stock\s+\?\s+#3\s+3号还有吗\s+← /);
    expect(lines[1]).toMatch(/^other\s+666/);
  });

  it('refuses an unknown flag with one line and exit 2', async () => {
    const result = await runScript('main/cli/index.ts', ['classify', '--xml'], '');
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/^livecue classify: /);
  });
});

describe('npm run eval:comments', () => {
  const evalScript = 'main/cli/eval-comments-entry.ts';

  it('prints the figures and the confusion matrix of the in-project holdout set, and passes its bars', async () => {
    const result = await runScript(evalScript, ['shared/comments/testing/holdout.jsonl']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/intent accuracy\s+\d\.\d{3}/);
    expect(result.stdout).toMatch(/confusion matrix/);
    expect(result.stdout).toMatch(/all quality bars met/);
    const json = await runScript(evalScript, ['shared/comments/testing/holdout.jsonl', '--json']);
    const figures = JSON.parse(json.stdout) as { total: number; accuracy: number; macroF1: number; question: { f1: number }; productRefExact: number };
    expect(figures.total).toBeGreaterThanOrEqual(60);
    expect(figures.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('names each bad line and evaluates nothing', async () => {
    const file = tmp.file('labelled.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ text: '多少钱', intent: 'price', question: true, productRef: null }),
        '{not json',
        JSON.stringify({ text: '包不包邮', intent: 'delivery', question: true, productRef: null }),
        JSON.stringify({ text: '3号', intent: 'link', question: 'yes', productRef: 3 }),
      ].join('\n'),
    );
    const result = await runScript(evalScript, [file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = oneLine(result.stderr);
    expect(lines[0]).toMatch(/line 2: not JSON/);
    expect(lines[1]).toMatch(/line 3: intent: /);
    expect(lines[2]).toMatch(/line 4: question: /);
    expect(lines[3]).toBe(`eval:comments: ${file}: 3 bad lines; nothing evaluated`);
  });

  it('fails below the quality bars, saying which', async () => {
    const file = tmp.file('mislabelled.jsonl');
    writeFileSync(file, `${JSON.stringify({ text: '多少钱', intent: 'stock', question: false, productRef: 1 })}\n`);
    const result = await runScript(evalScript, [file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/MISSED: intent accuracy 0\.000 < 0\.90/);
    expect(oneLine(result.stderr)).toEqual([expect.stringMatching(/^eval:comments: below the quality bars: intent accuracy 0\.000 < 0\.90, /)]);
  });

  it('a missing file is one line and exit 1', async () => {
    const missing = tmp.file('nope.jsonl');
    const result = await runScript(evalScript, [missing]);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toEqual([`eval:comments: no such file: ${missing}`]);
  });
});
