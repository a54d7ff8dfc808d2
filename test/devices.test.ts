/**
 * Roles and devices against a real `livecue serve` (demo room, a real SQLite
 * file): devices made with `livecue access`, paired over HTTP, speaking
 * socket.io like the console does.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_ROLES } from '../shared/api/access.js';
import { BRIDGE_CHANNELS, type BridgeReply, type BridgeRequestName, type StateUpdate } from '../shared/api/bridge.js';
import { readDeviceAudit } from '../main/core/store/testing/device-audit.js';
import { openDeviceStore } from '../main/core/store/devices.js';
import { collect, runCli, spawnCli, tempDir, waitFor } from './helpers.js';

const TOKEN = 'devices-test-access-token-0123456789abcdef';
const tmp = tempDir('livecue-devices-');
const db = tmp.file('live.db');
let stop: () => Promise<unknown>;
let base: string;
let serveStderr = '';
const sockets: Socket[] = [];

async function addDevice(name: string, role: 'view' | 'control') {
  const result = await runCli(['access', 'add', name, '--role', role, '--db', db, '--json', '--url', base]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { name: string; role: string; token: string; url: string };
}

function socketWith(token: string): Promise<Socket> {
  const socket = connect(`${base}ui`, { reconnection: false, forceNew: true, transports: ['websocket'], extraHeaders: { authorization: `Bearer ${token}` } });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

const ask = (socket: Socket, name: string, payload: unknown = {}) =>
  socket.timeout(15_000).emitWithAck(BRIDGE_CHANNELS.request, name, payload) as Promise<BridgeReply<BridgeRequestName>>;

beforeAll(async () => {
  const child = spawnCli(['serve', '--demo', '--speed', '50', '--port', '0', '--db', db, '--access-token', TOKEN]);
  const result = collect(child, 170_000);
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (serveStderr += chunk.toString()));
  const url = await waitFor(() => /^LIVECUE_URL=(\S+)$/m.exec(stdout)?.[1], 30_000);
  base = url.replace(/\?.*$/, '');
  stop = () => {
    child.kill('SIGTERM');
    return result;
  };
}, 60_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await stop?.();
  tmp.remove();
});

describe('a view device', () => {
  it('gets the live state and the read-only requests, and every other request is forbidden and counted', async () => {
    const { token } = await addDevice('OBS studio', 'view');
    const socket = await socketWith(token);
    const updates: StateUpdate[] = [];
    socket.on(BRIDGE_CHANNELS.state, (update: StateUpdate) => updates.push(update));
    await waitFor(() => updates.length >= 2, 20_000);
    expect(updates[0]!.kind).toBe('snapshot');

    expect(await ask(socket, 'getSettings')).toMatchObject({ ok: true });
    expect(await ask(socket, 'getCatalog')).toMatchObject({ ok: true });
    const controlRequests = Object.entries(REQUEST_ROLES).filter(([, role]) => role === 'control').map(([name]) => name);
    for (const name of controlRequests) {
      expect(await ask(socket, name, {}), name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // The pin really did not happen: the server refused before the core saw it.
    expect(await ask(socket, 'command', { name: 'pinProduct', input: { productId: 'p1' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const store = await openDeviceStore(db);
    try {
      await waitFor(() => (store.find('OBS studio')?.forbiddenCount ?? 0) === controlRequests.length + 1, 5_000);
      const audit = readDeviceAudit(db, 500);
      expect(audit.filter((entry) => entry.device === 'OBS studio' && entry.result === 'forbidden')).toHaveLength(controlRequests.length + 1);
      expect(store.find('OBS studio')?.lastSeenAt).not.toBeNull();
    } finally {
      store.close();
    }
  });
});

describe('a control device', () => {
  it('may act, and what it does is in the audit trail', async () => {
    const { token } = await addDevice('Assistant', 'control');
    const socket = await socketWith(token);
    const reply = await ask(socket, 'markMoment', { note: 'audit me' });
    expect(reply).toMatchObject({ ok: true });
    const store = await openDeviceStore(db);
    try {
      await waitFor(() => readDeviceAudit(db, 100).some((entry) => entry.device === 'Assistant' && entry.request === 'markMoment' && entry.result === 'ok'), 5_000);
    } finally {
      store.close();
    }
  });

  it('is cut within a second when revoked, and its token opens nothing after', async () => {
    const { token } = await addDevice('Phone', 'control');
    const socket = await socketWith(token);
    const admin = await socketWith(TOKEN);
    const cut = new Promise<number>((resolve) => socket.on('disconnect', () => resolve(Date.now())));
    const revokedAt = Date.now();
    expect(await ask(admin, 'revokeDevice', { name: 'Phone' })).toMatchObject({ ok: true, value: { name: 'Phone' } });
    expect((await cut) - revokedAt).toBeLessThan(1_000);
    const again = await fetch(base, { headers: { authorization: `Bearer ${token}` } });
    expect(again.status).toBe(401);
  });

  it('revoked from the command line while connected, is cut within a second too', async () => {
    const { token } = await addDevice('Tablet', 'view');
    const socket = await socketWith(token);
    const cut = new Promise<number>((resolve) => socket.on('disconnect', () => resolve(Date.now())));
    const revoke = await runCli(['access', 'revoke', 'Tablet', '--db', db]);
    const revokedAt = Date.now();
    expect(revoke.code, revoke.stderr).toBe(0);
    expect((await cut) - revokedAt).toBeLessThan(1_000);
  });
});

describe('pairing', () => {
  it('a pairing link works once and then never, and sets a port-bound HttpOnly cookie', async () => {
    const admin = await socketWith(TOKEN);
    const made = await ask(admin, 'addDevice', { name: 'Boss phone', role: 'view', path: '/obs/card' });
    expect(made).toMatchObject({ ok: true, value: { name: 'Boss phone', role: 'view' } });
    const { url, qrCode } = (made as { value: { url: string; qrCode: string } }).value;
    expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    const link = new URL(url);
    const first = await fetch(`${base}${link.pathname.slice(1)}${link.search}`, { redirect: 'manual' });
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/obs/card');
    const cookie = first.headers.get('set-cookie') ?? '';
    // 400 days (a browser's most): a phone's browser or OBS restarting keeps the pairing.
    expect(cookie).toMatch(new RegExp(`^livecue_token_${new URL(base).port}=[\\w-]{43}; HttpOnly; SameSite=Strict; Path=/; Max-Age=34560000$`));
    const page = await fetch(`${base}obs/card`, { headers: { cookie: cookie.split(';')[0]! } });
    expect([200, 503]).toContain(page.status);

    const second = await fetch(`${base}${link.pathname.slice(1)}${link.search}`, { redirect: 'manual' });
    expect(second.status).toBe(401);
    expect(second.headers.get('set-cookie')).toBeNull();
  });

  it('the spent pairing link reloaded with the cookie it gave (OBS at every start) goes to the page, not 401', async () => {
    const admin = await socketWith(TOKEN);
    const made = await ask(admin, 'addDevice', { name: 'OBS scene', role: 'view', path: '/obs/card' });
    const link = new URL((made as { value: { url: string } }).value.url);
    const pairingUrl = `${base}${link.pathname.slice(1)}${link.search}`;
    const first = await fetch(pairingUrl, { redirect: 'manual' });
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie, `${first.status} ${JSON.stringify(made)}`).toContain('livecue_token_');

    for (let start = 0; start < 3; start++) {
      const reload = await fetch(pairingUrl, { redirect: 'manual', headers: { cookie } });
      expect(reload.status).toBe(302);
      expect(reload.headers.get('location')).toBe('/obs/card');
      expect(reload.headers.get('set-cookie')).toBeNull();
    }
    const page = await fetch(pairingUrl, { headers: { cookie } });
    expect([200, 503]).toContain(page.status);
    // Without the cookie the spent link is still refused.
    expect((await fetch(pairingUrl, { redirect: 'manual' })).status).toBe(401);
  });

  it('a device token never works in ?token=, which is for the --access-token only', async () => {
    const { token } = await addDevice('Script', 'control');
    expect((await fetch(`${base}?token=${token}`, { redirect: 'manual' })).status).toBe(401);
    expect((await fetch(`${base}?token=${TOKEN}`, { redirect: 'manual' })).status).toBe(302);
  });
});

// Last: it blocks this address for a minute.
describe('guessing', () => {
  it('11 different wrong tokens from one address: 429 for that address, even with the right token, and no secret in the log', async () => {
    const wrong = Array.from({ length: 11 }, (_, i) => `guess-${i}-${'x'.repeat(40)}`);
    const statuses: number[] = [];
    for (const guess of wrong) statuses.push((await fetch(base, { headers: { authorization: `Bearer ${guess}` } })).status);
    // The earlier tests' wrong secrets (a revoked token, a spent code) count too: the 11th is refused whatever came before.
    expect(statuses[0]).toBe(401);
    expect(statuses.at(-1)).toBe(429);
    expect((await fetch(base, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(429);
    expect(serveStderr).toMatch(/wrong token from/);
    for (const guess of wrong) expect(serveStderr).not.toContain(guess);
  });
});
