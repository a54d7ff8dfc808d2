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
import { runCli, tempDir } from './helpers.js';

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
    };
    expect(Object.keys(result).sort()).toEqual(['gaps', 'minutes', 'moments', 'products', 'rejects', 'session', 'totals']);
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
