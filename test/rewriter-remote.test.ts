/**
 * Who may aim the AI rewriter: a real `livecue serve`-style web host on every
 * interface and real socket.io clients, one from 127.0.0.1 and one from this
 * machine's network address (what a phone on the Wi-Fi would be). Only the
 * loopback one may change the endpoint or the key.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS, type BridgeReply } from '../shared/api/bridge.js';
import type { SettingsView } from '../shared/api/settings.js';
import { startApp, type LiveCueApp } from '../main/app/app.js';
import { memorySecretStore } from '../main/app/secrets.js';
import { isLoopbackAddress } from '../main/server/loopback-address.js';
import { lanAddresses, startWebHost, type WebHost } from '../main/server/index.js';
import { openDeviceStore, type DeviceStore } from '../main/core/store/devices.js';
import { tempDir } from './helpers.js';

const TOKEN = 'rewriter-remote-token-0123456789abcdef';
const tmp = tempDir('livecue-rewriter-remote-');
let app: LiveCueApp;
let host: WebHost;
let devices: DeviceStore;
const sockets: Socket[] = [];

beforeAll(async () => {
  app = await startApp({ dataFolder: tmp.file('data'), secrets: memorySecretStore(), sourceOverride: { kind: 'demo', scenario: 'skincare', speed: 50 } });
  devices = await openDeviceStore(app.dbFile);
  host = await startWebHost({ app, port: 0, accessToken: TOKEN, devices, lan: true, rendererDir: tmp.file('renderer') });
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await host?.close();
  devices?.close();
  await app?.stop();
  tmp.remove();
});

async function bridgeFrom(address: string): Promise<Socket> {
  const socket = connect(`${host.url.replace('127.0.0.1', address)}ui`, {
    reconnection: false,
    forceNew: true,
    transports: ['websocket'],
    extraHeaders: { authorization: `Bearer ${TOKEN}` },
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.on('connect', resolve);
    socket.on('connect_error', reject);
  });
  return socket;
}

const updateSettings = (socket: Socket, update: unknown) =>
  socket.timeout(20_000).emitWithAck(BRIDGE_CHANNELS.request, 'updateSettings', update) as Promise<BridgeReply<'updateSettings'>>;

describe('the rewriter endpoint over the web host', () => {
  it('is changed from a browser on this machine', async () => {
    const local = await bridgeFrom('127.0.0.1');
    const reply = await updateSettings(local, { rewriter: { baseUrl: 'http://127.0.0.1:11434/v1' }, rewriterKey: 'sk-local' });
    expect(reply).toMatchObject({ ok: true, value: { rewriter: { baseUrl: 'http://127.0.0.1:11434/v1' }, hasRewriterKey: true } });
  });

  const lan = lanAddresses()[0];
  it.skipIf(lan === undefined)(`is refused from a device on the network (${lan ?? 'skipped: this machine has no network address besides loopback'})`, async () => {
    const before: SettingsView = app.settings();
    const remote = await bridgeFrom(lan!);
    for (const update of [{ rewriter: { baseUrl: 'http://127.0.0.1:6379/v1' } }, { rewriterKey: 'sk-theirs' }]) {
      expect(await updateSettings(remote, update)).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining("host's own machine") } });
    }
    expect(app.settings()).toEqual(before);
  });
});

describe('isLoopbackAddress', () => {
  it('knows loopback in every spelling Node reports, and nothing else', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '::FFFF:127.0.0.1']) expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ['192.168.1.20', '::ffff:192.168.1.20', '0.0.0.0', '::', 'fd00::2', '', 'localhost']) expect(isLoopbackAddress(address), address).toBe(false);
  });
});
