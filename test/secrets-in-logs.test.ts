/**
 * No secret in a log line: `livecue serve` recording a gateway, run with a
 * known access token, gateway token and rewriter key, through the failures
 * that make it talk — wrong access tokens (each one the real token with a
 * suffix, so a log of the presented secret would show the real one), a
 * rewriter endpoint that refuses, the gateway going away. Its whole stdout
 * and stderr are then searched: the access token only in the addresses
 * `serve` prints on purpose, the gateway token and the key nowhere.
 */
import { createServer, type AddressInfo } from 'node:net';
import { io as connect } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '../shared/api/bridge.js';
import { startSimulator } from '../main/simulator/index.js';
import { collect, spawnCli, tempDir, waitFor } from './helpers.js';

const tmp = tempDir('livecue-secrets-in-logs-');
afterAll(() => tmp.remove());

const ACCESS_TOKEN = 'log-probe-access-token-5b1f0c7e9a2d4e68';
const GATEWAY_TOKEN = 'log-probe-gateway-token-c3d9e1f7';
const REWRITER_KEY = 'sk-log-probe-rewriter-key-8e2a';
/** The lines that carry the access token by design: the addresses to open, printed once at start. */
const ADDRESS_LINE = new RegExp(`^(?: {2}(?:console|overlay|network) {3}|LIVECUE_URL=)https?://\\S+\\?token=${ACCESS_TOKEN}$`);

const closedPort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

describe('the logs of livecue serve', () => {
  it('carry the access token only in the printed addresses, and the gateway token and the rewriter key nowhere', async () => {
    const simulator = await startSimulator({ port: 0, token: GATEWAY_TOKEN, seed: 5, speed: 100 });
    const child = spawnCli([
      'serve', '--gateway', simulator.url, '--room', simulator.room, '--token', GATEWAY_TOKEN,
      '--port', '0', '--access-token', ACCESS_TOKEN, '--db', tmp.file('data/live.db'),
    ]);
    const result = collect(child, 60_000);
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    let simulatorOpen = true;
    try {
      const url = await waitFor(() => /^LIVECUE_URL=(\S+)$/m.exec(stdout)?.[1], 20_000);
      const base = url.replace(/\?.*$/, '');

      // Wrong access tokens, by HTTP and by socket.io.
      for (const wrong of [`${ACCESS_TOKEN}-x`, `${ACCESS_TOKEN}0`]) {
        expect((await fetch(base, { headers: { authorization: `Bearer ${wrong}` } })).status).toBe(401);
        expect((await fetch(`${base}?token=${wrong}`, { redirect: 'manual' })).status).toBe(401);
      }
      const intruder = connect(`${base}ui`, { reconnection: false, forceNew: true, auth: { token: `${ACCESS_TOKEN}-socket` } });
      await new Promise<void>((resolve) => intruder.on('connect_error', () => resolve()));
      intruder.close();

      // A rewriter endpoint that nothing answers, with a key.
      const socket = connect(`${base}ui`, { reconnection: false, forceNew: true, extraHeaders: { authorization: `Bearer ${ACCESS_TOKEN}` } });
      try {
        const ask = (name: string, payload: unknown) => socket.timeout(30_000).emitWithAck(BRIDGE_CHANNELS.request, name, payload) as Promise<{ ok: boolean }>;
        const baseUrl = `http://127.0.0.1:${await closedPort()}/v1`;
        expect(await ask('updateSettings', { rewriter: { enabled: true, baseUrl, model: 'm' }, rewriterKey: REWRITER_KEY })).toMatchObject({ ok: true });
        const line = { audience: '', scenario: '', pain: '', benefit: '', proof: '', line: '试一下' };
        expect(await ask('rewriteLine', { product: { title: '精华', category: 'skincare', sellingPoints: [] }, point: line })).toMatchObject({
          ok: true,
          value: { rewritten: false },
        });
      } finally {
        socket.close();
      }

      // The gateway goes away: the recorder warns and retries.
      await simulator.close();
      simulatorOpen = false;
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    } finally {
      child.kill('SIGTERM');
      if (simulatorOpen) await simulator.close();
    }
    const { stderr } = await result;
    const lines = `${stdout}\n${stderr}`.split('\n');

    expect(lines.filter((line) => line.includes(GATEWAY_TOKEN))).toEqual([]);
    expect(lines.filter((line) => line.includes(REWRITER_KEY))).toEqual([]);
    const withAccessToken = lines.filter((line) => line.includes(ACCESS_TOKEN));
    expect(withAccessToken.length).toBeGreaterThan(0);
    expect(withAccessToken.filter((line) => !ADDRESS_LINE.test(line))).toEqual([]);
    // The failures were there to be logged: the run said something on stderr, without any of them.
    expect(stderr.trim()).not.toBe('');
  });
});
