/**
 * Who may aim the live source: a real `livecue serve`-style web host on every
 * interface and real socket.io clients from this machine's network address
 * (what a phone on the Wi-Fi would be). A gateway address is where the host
 * connects, and its status messages tell a closed port from an open one, so
 * only the host's own machine may change the source's kind, its address or
 * the gateway token; a settings form saved whole with the source unchanged
 * still saves.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS, type BridgeReply } from '../shared/api/bridge.js';
import type { SettingsView } from '../shared/api/settings.js';
import { startApp, type LiveCueApp } from '../main/app/app.js';
import { memorySecretStore } from '../main/app/secrets.js';
import { lanAddresses, startWebHost, type WebHost } from '../main/server/index.js';
import { openDeviceStore, type DeviceStore } from '../main/core/store/devices.js';
import { tempDir } from './helpers.js';

const TOKEN = 'gateway-remote-token-0123456789abcdef';
const tmp = tempDir('livecue-gateway-remote-');
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

const lan = lanAddresses()[0];
describe.skipIf(lan === undefined)(`the live source from a device on the network (${lan ?? 'skipped: this machine has no network address besides loopback'})`, () => {
  it('may not point the host at a gateway, nor send it a gateway token', async () => {
    const before: SettingsView = app.settings();
    const remote = await bridgeFrom(lan!);
    const refused = [
      { source: { kind: 'gateway', url: 'ws://127.0.0.1:6379', room: 'probe' } },
      { source: { kind: 'gateway', url: 'ws://127.0.0.1:6379', room: 'probe' }, language: 'en' },
      { gatewayToken: 'their-token' },
      { gatewayToken: '' },
    ];
    for (const update of refused) {
      expect(await updateSettings(remote, update), JSON.stringify(update)).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringContaining("host's own machine") },
      });
    }
    expect(app.settings()).toEqual(before);
  });

  it('still saves a settings form with the source unchanged, and the demo room’s own options', async () => {
    const remote = await bridgeFrom(lan!);
    const { source } = app.settings();
    expect(await updateSettings(remote, { source, language: 'en' })).toMatchObject({ ok: true, value: { language: 'en', source } });
    expect(await updateSettings(remote, { source: { kind: 'demo', scenario: 'apparel', speed: 50 } })).toMatchObject({
      ok: true,
      value: { source: { kind: 'demo', scenario: 'apparel' } },
    });
  });
});
