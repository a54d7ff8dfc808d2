/**
 * The web host when its device list cannot be asked, and what its log says
 * of wrong handshake tokens: a real web host on a real SQLite file, real
 * socket.io clients, another program holding the database's write lock.
 */
import Database from 'better-sqlite3';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS, type BridgeReply } from '../shared/api/bridge.js';
import { startApp, type LiveCueApp } from '../main/app/app.js';
import { memorySecretStore } from '../main/app/secrets.js';
import { startWebHost, type WebHost } from '../main/server/index.js';
import { openDeviceStore, type DeviceStore } from '../main/core/store/devices.js';
import { tempDir } from './helpers.js';

const TOKEN = 'device-list-trouble-token-0123456789abcdef';
const tmp = tempDir('livecue-device-list-');
let app: LiveCueApp;
let host: WebHost;
let devices: DeviceStore;
const warnings: string[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  app = await startApp({ dataFolder: tmp.file('data'), secrets: memorySecretStore(), sourceOverride: { kind: 'demo', scenario: 'skincare', speed: 50 } });
  devices = await openDeviceStore(app.dbFile);
  host = await startWebHost({ app, port: 0, accessToken: TOKEN, devices, rendererDir: tmp.file('renderer'), onWarning: (message) => warnings.push(message) });
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await host?.close();
  devices?.close();
  await app?.stop();
  tmp.remove();
});

/** Resolves with the connected socket, or rejects with the handshake's error. */
function socketWith(options: { bearer: string; auth?: { token: string } }): Promise<Socket> {
  const socket = connect(`${host.url}ui`, {
    reconnection: false,
    forceNew: true,
    transports: ['websocket'],
    extraHeaders: { authorization: `Bearer ${options.bearer}` },
    auth: options.auth ?? {},
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

async function pairingPath(name: string): Promise<string> {
  const admin = await socketWith({ bearer: TOKEN });
  const reply = (await admin.timeout(15_000).emitWithAck(BRIDGE_CHANNELS.request, 'addDevice', { name, role: 'view', path: '/obs/card' })) as BridgeReply<'addDevice'>;
  if (!reply.ok) throw new Error(reply.error.message);
  const link = new URL(reply.value.url);
  return `${link.pathname}${link.search}`;
}

describe('a wrong token in the socket.io handshake', () => {
  it('is logged with the address, never the token', async () => {
    const wrong = `wrong-${'y'.repeat(40)}`;
    // The Bearer header passes the HTTP gate; the token stated in `auth` is the one the handshake judges.
    await expect(socketWith({ bearer: TOKEN, auth: { token: wrong } })).rejects.toThrow('unauthorized');
    expect(warnings.some((line) => /a wrong token from (::ffff:)?127\.0\.0\.1/.test(line))).toBe(true);
    expect(warnings.join('\n')).not.toContain(wrong);
  });
});

describe('the device list busy or gone', () => {
  it('a pairing link while another program holds the write lock: 503 fast, and the link still works after', async () => {
    const path = await pairingPath('Busy phone');
    const other = new Database(app.dbFile);
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    let busy: Response;
    try {
      busy = await fetch(`${host.url}${path.slice(1)}`, { redirect: 'manual' });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(busy.status).toBe(503);
    expect(await busy.text()).toContain('device list is busy');
    // The store's usual 5 s would have held every other request on the serving thread as long.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(warnings.some((line) => line.includes('SQLITE_BUSY') && line.includes('503'))).toBe(true);
    expect(warnings.join('\n')).not.toContain(new URL(path, host.url).searchParams.get('pair'));

    const after = await fetch(`${host.url}${path.slice(1)}`, { redirect: 'manual' });
    expect(after.status).toBe(302);
  });

  // Last: it closes the device list.
  it('the database gone: 503 over HTTP, an error to the handshake, and the server goes on serving', async () => {
    const path = await pairingPath('Gone phone');
    const paired = await fetch(`${host.url}${path.slice(1)}`, { redirect: 'manual' });
    const cookie = (paired.headers.get('set-cookie') ?? '').split(';')[0]!;
    const deviceToken = cookie.slice(cookie.indexOf('=') + 1);
    devices.close();

    const page = await fetch(`${host.url}obs/card`, { headers: { cookie } });
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('device list');
    await expect(socketWith({ bearer: TOKEN, auth: { token: deviceToken } })).rejects.toThrow('device list is busy or unavailable');
    expect(warnings.join('\n')).not.toContain(deviceToken);

    // Still alive: the access token needs no database.
    const admin = await socketWith({ bearer: TOKEN });
    expect(await admin.timeout(15_000).emitWithAck(BRIDGE_CHANNELS.request, 'getSettings', {})).toMatchObject({ ok: true });
  });
});
