/**
 * The web host as a browser, a script and an attacker meet it: real HTTP on
 * 127.0.0.1, a real socket.io client, the real app recording the demo room
 * into a temporary SQLite file. The renderer is a stand-in folder, so these
 * tests do not need the vite build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS, type BridgeReply, type StateUpdate } from '../shared/api/bridge.js';
import type { CoreSnapshot } from '../shared/api/contract.js';
import type { SettingsView } from '../shared/api/settings.js';
import { startApp, type LiveCueApp } from '../main/app/app.js';
import { memorySecretStore } from '../main/app/secrets.js';
import { CONTENT_SECURITY_POLICY } from '../shared/web/content-security-policy.js';
import { startWebHost, type WebHost } from '../main/server/index.js';
import { openDeviceStore, type DeviceStore } from '../main/core/store/devices.js';
import { tempDir, waitFor } from './helpers.js';

const TOKEN = 'test-access-token-0123456789abcdefghij';
const SHELL = '<!doctype html><title>LiveCue</title><script type="module" src="/assets/app.js"></script>';
const ASSET = 'console.log("renderer");';
/** Beside the renderer folder, where a traversal would land: it must never be served. */
const SECRET = '{"secret": "outside the renderer folder"}';

const tmp = tempDir('livecue-server-');
const rendererDir = tmp.file('renderer');
let app: LiveCueApp;
let host: WebHost;
let devices: DeviceStore;

beforeAll(async () => {
  mkdirSync(`${rendererDir}/assets`, { recursive: true });
  writeFileSync(`${rendererDir}/index.html`, SHELL);
  writeFileSync(`${rendererDir}/assets/app.js`, ASSET);
  writeFileSync(tmp.file('package.json'), SECRET);
  app = await startApp({
    dataFolder: tmp.file('data'),
    secrets: memorySecretStore(),
    sourceOverride: { kind: 'demo', scenario: 'skincare', speed: 200 },
  });
  devices = await openDeviceStore(app.dbFile);
  host = await startWebHost({ app, port: 0, accessToken: TOKEN, devices, rendererDir });
});

afterAll(async () => {
  await host?.close();
  devices?.close();
  await app?.stop();
  tmp.remove();
});

interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw GET: the path goes on the wire exactly as written (fetch would normalise `..` away first). */
function get(path: string, headers: Record<string, string> = {}, port = host.port): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const bearer = { authorization: `Bearer ${TOKEN}` };
const cookie = (token: string) => ({ cookie: `livecue_token_${host.port}=${token}` });

describe('without the access token, every path answers 401 and nothing else', () => {
  const paths = ['/', '/overlay', '/obs/card', '/assets/app.js', '/socket.io/?EIO=4&transport=polling', '/no-such-page'];

  it.each(paths)('%s', async (path) => {
    const attempts: Record<string, string>[] = [{}, cookie('wrong-token-0123456789'), { authorization: 'Bearer wrong-token-0123456789' }];
    for (const headers of attempts) {
      const response = await get(path, headers);
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(response.body).toMatch(/^unauthorized/);
      expect(response.body).not.toContain('<');
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('a wrong token in the URL is refused and sets no cookie', async () => {
    const response = await get('/?token=wrong-token-0123456789');
    expect(response.status).toBe(401);
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});

describe('with the access token', () => {
  it('?token= sets an HttpOnly, SameSite=Strict cookie and redirects to the same place without the token', async () => {
    const response = await get(`/obs/card?token=${TOKEN}&theme=dark`);
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/obs/card?theme=dark');
    const [setCookie] = response.headers['set-cookie'] ?? [];
    // Named for the port: another server on 127.0.0.1 is never sent it.
    expect(setCookie).toBe(`livecue_token_${host.port}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`);

    const cookieValue = setCookie!.split(';')[0]!;
    const page = await get('/obs/card?theme=dark', { cookie: `other=1; ${cookieValue}` });
    expect(page.status).toBe(200);
    expect(page.body).toBe(SHELL);
    // The same token under the cookie name of another port is not this server's cookie.
    expect((await get('/', { cookie: `livecue_token_1=${TOKEN}` })).status).toBe(401);
  });

  it('the redirect never leaves this server, whatever the path looks like', async () => {
    const response = await get(`//evil.example/?token=${TOKEN}`);
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/');
  });

  it('serves the app shell on the app paths and the assets with their content types', async () => {
    for (const path of ['/', '/overlay', '/obs/card']) {
      const page = await get(path, bearer);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).toBe(SHELL);
    }
    const asset = await get('/assets/app.js', bearer);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.body).toBe(ASSET);
    expect((await get('/settings', bearer)).status).toBe(404);
    expect((await get('/assets/missing.js', bearer)).status).toBe(404);
  });

  it('puts the security headers on every response', async () => {
    for (const response of [await get('/', bearer), await get('/assets/app.js', bearer), await get('/'), await get('/nope', bearer)]) {
      expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cache-control']).toBe('no-store');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/assets/%2e%2e%5c..%5cpackage.json', '/assets/app.js%00.html', '/%2e%2e%2fpackage.json'])(
    'a traversal attempt (%s) never reaches a file outside the renderer folder',
    async (path) => {
      const response = await get(path, bearer);
      expect(response.status).toBe(404);
      expect(response.body).not.toContain('secret');
    },
  );

  it('refuses a Host name that is not this machine (DNS rebinding), even with the token', async () => {
    const rebound = await get('/', { ...bearer, host: `evil.example:${host.port}` });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain('<');
    expect((await get('/', { ...bearer, host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('refuses a request from another site', async () => {
    const response = await get('/socket.io/?EIO=4&transport=polling', { ...bearer, origin: 'http://127.0.0.1:9999' });
    expect(response.status).toBe(403);
    const sameOrigin = await get('/socket.io/?EIO=4&transport=polling', { ...bearer, origin: `http://127.0.0.1:${host.port}` });
    expect(sameOrigin.status).toBe(200);
  });
});

describe('where it listens', () => {
  it('listens on 127.0.0.1 only by default', () => {
    expect(host.host).toBe('127.0.0.1');
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
  });

  it('with --lan it listens on every interface and accepts any Host name', async () => {
    const lanHost = await startWebHost({ app, port: 0, accessToken: TOKEN, devices, rendererDir, lan: true });
    try {
      expect(lanHost.host).toBe('0.0.0.0');
      const response = await get('/', { ...bearer, host: `livecue.lan:${lanHost.port}` }, lanHost.port);
      expect(response.status).toBe(200);
      expect((await get('/', { host: `livecue.lan:${lanHost.port}` }, lanHost.port)).status).toBe(401);
    } finally {
      await lanHost.close();
    }
  });

  it('answers 503 with what to do when the renderer is not built (after the token check)', async () => {
    const unbuilt = await startWebHost({ app, port: 0, accessToken: TOKEN, devices, rendererDir: tmp.file('not-built') });
    try {
      const response = await get('/', bearer, unbuilt.port);
      expect(response.status).toBe(503);
      expect(response.body).toMatch(/npm run build/);
      expect((await get('/', {}, unbuilt.port)).status).toBe(401);
    } finally {
      await unbuilt.close();
    }
  });

  it('refuses a short access token', async () => {
    await expect(startWebHost({ app, port: 0, accessToken: 'a'.repeat(31), devices, rendererDir })).rejects.toThrow(/at least 32/);
  });
});

describe('the bridge over socket.io (/ui)', () => {
  const open: Socket[] = [];
  afterAll(() => open.forEach((socket) => socket.close()));

  const socketTo = (options: Parameters<typeof connect>[1]): Socket => {
    const socket = connect(`${host.url}ui`, { reconnection: false, forceNew: true, ...options });
    open.push(socket);
    return socket;
  };

  const connectError = (socket: Socket) =>
    new Promise<Error & { description?: unknown }>((resolve, reject) => {
      socket.on('connect', () => reject(new Error('connected without a valid token')));
      socket.on('connect_error', resolve);
    });

  it('a transport without the token is refused with 401 before socket.io sees it', async () => {
    const polling = await connectError(socketTo({ transports: ['polling'] }));
    expect(polling.description).toBe(401);
    const websocket = await connectError(socketTo({ transports: ['websocket'], auth: { token: TOKEN } }));
    expect(websocket.message).toBe('websocket error');
  });

  it('a socket stating a wrong token is refused with "unauthorized", even beside a good transport token', async () => {
    const error = await connectError(socketTo({ extraHeaders: bearer, auth: { token: 'wrong-token-0123456789' } }));
    expect(error.message).toBe('unauthorized');
  });

  it('streams a snapshot then patches, and serves requests', async () => {
    // A browser's cookie, over a WebSocket from the first packet: the upgrade path of the gate.
    const socket = socketTo({ transports: ['websocket'], extraHeaders: cookie(TOKEN) });
    const updates: StateUpdate[] = [];
    let state: Partial<CoreSnapshot> = {};
    socket.on(BRIDGE_CHANNELS.state, (update: StateUpdate) => {
      updates.push(update);
      state = update.kind === 'snapshot' ? update.snapshot : { ...state, ...update.patch };
    });
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', resolve);
      socket.on('connect_error', reject);
    });

    await waitFor(() => updates.length >= 2 && (state.products?.length ?? 0) > 0, 15_000);
    expect(updates[0]!.kind).toBe('snapshot');
    expect(updates.slice(1).every((update) => update.kind === 'patch')).toBe(true);

    const request = (name: unknown, payload: unknown) => socket.timeout(5_000).emitWithAck(BRIDGE_CHANNELS.request, name, payload) as Promise<BridgeReply<'getSettings'>>;

    const settings = await request('getSettings', {});
    expect(settings.ok).toBe(true);
    expect((settings as { value: SettingsView }).value.source).toEqual({ kind: 'demo', scenario: 'skincare', speed: 200 });

    expect(await request('getSettings', { extra: true })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await request('dropTables', {})).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await request(42, {})).toMatchObject({ ok: false, error: { code: 'bad_request' } });

    const product = state.products!.find((p) => p.id !== state.onAir?.productId)!;
    const pinned = await request('command', { name: 'pinProduct', input: { productId: product.id } });
    expect(pinned).toEqual({ ok: true, value: { ok: true } });
    await waitFor(() => state.onAir?.productId === product.id, 10_000);
  });

  // A catalog file has its own HTTP upload (test/catalog-upload.test.ts); a bridge message is at most 256 KB.
  it('refuses a message larger than 256 KB by closing that socket', async () => {
    // On the WebSocket from the start: a message sent while polling is mid-upgrade could wait for the upgrade.
    const socket = socketTo({ extraHeaders: bearer, transports: ['websocket'] });
    await new Promise<void>((resolve) => socket.on('connect', resolve));
    const disconnected = new Promise<string>((resolve) => socket.on('disconnect', resolve));
    socket.emit(BRIDGE_CHANNELS.request, 'markMoment', { note: 'x'.repeat(300_000) }, () => {});
    expect(await disconnected).toMatch(/transport/);
  });
});
