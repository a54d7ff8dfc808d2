/**
 * `livecue serve` as a user runs it: it prints the addresses, answers only
 * with the token, stops cleanly on SIGTERM, and a mistake is one line.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { io as connect } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS, type StateUpdate } from '../shared/api/bridge.js';
import type { CoreSnapshot } from '../shared/api/contract.js';
import { startSimulator } from '../main/simulator/index.js';
import { collect, runCli, spawnCli, tempDir, waitFor } from './helpers.js';

const tmp = tempDir('livecue-serve-cli-');
afterAll(() => tmp.remove());

const TOKEN = 'cli-access-token-0123456789abcdefghij';
const HANG_MS = 20_000;
const oneLine = (stderr: string) => stderr.trim().split('\n');

/** Starts `livecue serve` and waits for the address it prints for scripts. */
async function startServe(args: string[]) {
  const child = spawnCli(['serve', ...args, '--port', '0', '--access-token', TOKEN]);
  const result = collect(child, HANG_MS);
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const url = await waitFor(() => /^LIVECUE_URL=(\S+)$/m.exec(stdout)?.[1], 15_000);
  return { child, result, url, stdout: () => stdout };
}

describe('livecue serve', () => {
  it('prints its addresses, admits only the token, and stops cleanly on SIGTERM', async () => {
    const { child, result, url, stdout } = await startServe(['--demo', '--speed', '50', '--db', tmp.file('data/live.db')]);

    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?token=${TOKEN}$`));
    const base = url.replace(/\?.*$/, '');
    expect(stdout()).toContain(`${base}overlay?token=${TOKEN}`);
    // The OBS card gets a one-time pairing link for a view device, never the control token.
    expect(stdout()).toMatch(new RegExp(`${base}obs/card\\?pair=[\\w-]{43} `));
    expect(stdout()).not.toContain(`obs/card?token=`);

    const withToken = await fetch(url, { redirect: 'manual' });
    expect(withToken.status).toBe(302);
    expect(withToken.headers.get('set-cookie')).toContain(`livecue_token_${new URL(base).port}=${TOKEN}`);
    const withoutToken = await fetch(base);
    expect(withoutToken.status).toBe(401);
    // Built or not (the renderer may be built by then), the page is not refused once the token is there.
    const admitted = await fetch(base, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect([200, 503]).toContain(admitted.status);

    child.kill('SIGTERM');
    const { code, stderr } = await result;
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).not.toMatch(/Error/);
  });

  it('makes the OBS card a new pairing link once the paired OBS device is revoked, and says "paired" only of a live one', async () => {
    const db = tmp.file('obs/live.db');
    const obsLink = (stdout: string) => /(http\S+\/obs\/card\?pair=[\w-]{43}) /.exec(stdout)?.[1];
    const serveOnce = async (andThen: (stdout: string) => Promise<void>) => {
      const { child, result, stdout } = await startServe(['--demo', '--db', db]);
      await waitFor(() => stdout().includes('/obs/card'), 15_000);
      await andThen(stdout());
      child.kill('SIGTERM');
      expect((await result).code).toBe(0);
    };
    const pair = async (stdout: string) => {
      const link = obsLink(stdout);
      expect(link, stdout).toBeDefined();
      expect((await fetch(link!, { redirect: 'manual' })).status).toBe(302);
    };

    await serveOnce(pair);
    await serveOnce(async (stdout) => expect(stdout).toContain('device "OBS" is paired'));
    expect((await runCli(['access', 'revoke', 'OBS', '--db', db])).code).toBe(0);
    // Revoked, its token opens nothing: a new link, not "is paired".
    await serveOnce(async (stdout) => {
      expect(stdout).not.toContain('is paired');
      await pair(stdout);
    });
    await serveOnce(async (stdout) => expect(stdout).toContain('device "OBS 2" is paired'));
  });

  it('takes its access token from LIVECUE_ACCESS_TOKEN, keeping it out of the process list', async () => {
    const fromEnvironment = 'env-access-token-9876543210abcdefghij';
    process.env.LIVECUE_ACCESS_TOKEN = fromEnvironment;
    try {
      const child = spawnCli(['serve', '--demo', '--port', '0', '--db', tmp.file('env/live.db')]);
      const result = collect(child, HANG_MS);
      let stdout = '';
      child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const url = await waitFor(() => /^LIVECUE_URL=(\S+)$/m.exec(stdout)?.[1], 15_000);
      expect(url).toMatch(new RegExp(`\\?token=${fromEnvironment}$`));
      expect(child.spawnargs.join(' ')).not.toContain(fromEnvironment);
      child.kill('SIGTERM');
      expect((await result).code).toBe(0);
    } finally {
      delete process.env.LIVECUE_ACCESS_TOKEN;
    }
  });

  it('records a gateway given on the command line, keeping its token in memory only', async () => {
    const gatewayToken = 'gateway-token-for-serve';
    const simulator = await startSimulator({ port: 0, token: gatewayToken, seed: 3, speed: 100 });
    const dataFolder = tmp.file('gateway-data');
    const { child, result, url } = await startServe(['--gateway', simulator.url, '--room', simulator.room, '--token', gatewayToken, '--db', `${dataFolder}/live.db`]);
    const socket = connect(new URL('/ui', url).href, { reconnection: false, extraHeaders: { authorization: `Bearer ${TOKEN}` } });
    try {
      let state: Partial<CoreSnapshot> = {};
      socket.on(BRIDGE_CHANNELS.state, (update: StateUpdate) => {
        state = update.kind === 'snapshot' ? update.snapshot : { ...state, ...update.patch };
      });
      await waitFor(() => state.connection?.state === 'live' && state.session?.id === simulator.sessionId, 15_000);
      const settings = await socket.timeout(5_000).emitWithAck(BRIDGE_CHANNELS.request, 'getSettings', {});
      expect(settings).toMatchObject({
        ok: true,
        value: { source: { kind: 'gateway', url: simulator.url, room: simulator.room }, hasGatewayToken: true, tokenStorage: 'none' },
      });
      expect(JSON.stringify(settings)).not.toContain(gatewayToken);
    } finally {
      socket.close();
      child.kill('SIGTERM');
      await simulator.close();
    }
    expect((await result).code).toBe(0);
    expect(existsSync(`${dataFolder}/gateway-token`)).toBe(false);
  });

  it('a gateway needs its room and token, and is not the demo', async () => {
    const partial = await runCli(['serve', '--gateway', 'http://127.0.0.1:7700', '--db', tmp.file('a.db')], HANG_MS);
    expect(partial.code).toBe(2);
    expect(oneLine(partial.stderr)).toEqual(['livecue serve: --room: is required with --gateway and --token (see livecue --help)']);

    const both = await runCli(['serve', '--demo', '--gateway', 'http://127.0.0.1:7700', '--room', 'r', '--token', 't', '--db', tmp.file('a.db')], HANG_MS);
    expect(both.code).toBe(2);
    expect(oneLine(both.stderr)).toHaveLength(1);
    expect(both.stderr).toMatch(/not both/);

    const ftp = await runCli(['serve', '--gateway', 'ftp://127.0.0.1/', '--room', 'r', '--token', 't', '--db', tmp.file('a.db')], HANG_MS);
    expect(ftp.code).toBe(2);
    expect(oneLine(ftp.stderr)).toHaveLength(1);
    expect(ftp.stderr).toMatch(/^livecue serve: --gateway: /);

    const weak = await runCli(['serve', '--access-token', 'aaaaaaaaaaaaaaaa', '--db', tmp.file('a.db')], HANG_MS);
    expect(weak.code).toBe(2);
    expect(oneLine(weak.stderr)).toEqual(['livecue serve: --access-token: must be at least 32 characters (see livecue --help)']);
  });

  it('a port already in use is one line, exit 1, and the process ends', async () => {
    const occupant = createServer();
    await new Promise<void>((resolve) => occupant.listen(0, '127.0.0.1', resolve));
    const { port } = occupant.address() as AddressInfo;
    try {
      const result = await runCli(['serve', '--demo', '--port', String(port), '--db', tmp.file('b.db')], HANG_MS);
      expect(result.code).toBe(1);
      expect(oneLine(result.stderr)).toEqual([`livecue serve: port ${port} is already in use`]);
    } finally {
      await new Promise((resolve) => occupant.close(resolve));
    }
  });

  it('an unreadable database is one line, exit 1, and the process ends', async () => {
    const notADb = tmp.file('notes.txt');
    writeFileSync(notADb, 'these are my notes, not a database\n'.repeat(100));
    const result = await runCli(['serve', '--demo', '--port', '0', '--db', notADb], HANG_MS);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/^livecue serve: cannot open database .*notes\.txt: not a LiveCue database/);
  });
});
