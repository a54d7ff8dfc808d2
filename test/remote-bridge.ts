/**
 * A `livecue serve`-style web host on every interface (the demo room behind
 * it) and real socket.io clients from a chosen address: 127.0.0.1 for the
 * host's own machine, this machine's network address for a phone on the
 * Wi-Fi. Shared by the tests of what only the host's own machine may change.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll } from 'vitest';
import { BRIDGE_CHANNELS, type BridgeReply } from '../shared/api/bridge.js';
import { startApp, type LiveCueApp } from '../main/app/app.js';
import { memorySecretStore } from '../main/app/secrets.js';
import { startWebHost, type WebHost } from '../main/server/index.js';
import { openDeviceStore, type DeviceStore } from '../main/core/store/devices.js';
import { tempDir } from './helpers.js';

export interface RemoteBridge {
  /** The app behind the host (set in beforeAll). */
  readonly app: LiveCueApp;
  /** A connected bridge socket whose peer address is `address`. */
  bridgeFrom(address: string): Promise<Socket>;
  updateSettings(socket: Socket, update: unknown): Promise<BridgeReply<'updateSettings'>>;
}

export function useRemoteBridge(name: string): RemoteBridge {
  const token = `${name}-remote-token-0123456789abcdef`;
  const tmp = tempDir(`livecue-${name}-remote-`);
  let app: LiveCueApp | undefined;
  let host: WebHost | undefined;
  let devices: DeviceStore | undefined;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await startApp({ dataFolder: tmp.file('data'), secrets: memorySecretStore(), sourceOverride: { kind: 'demo', scenario: 'skincare', speed: 50 } });
    devices = await openDeviceStore(app.dbFile);
    host = await startWebHost({ app, port: 0, accessToken: token, devices, lan: true, rendererDir: tmp.file('renderer') });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await host?.close();
    devices?.close();
    await app?.stop();
    tmp.remove();
  });

  return {
    get app() {
      if (!app) throw new Error('the app starts in beforeAll');
      return app;
    },
    async bridgeFrom(address) {
      const socket = connect(`${host!.url.replace('127.0.0.1', address)}ui`, {
        reconnection: false,
        forceNew: true,
        transports: ['websocket'],
        extraHeaders: { authorization: `Bearer ${token}` },
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.on('connect', resolve);
        socket.on('connect_error', reject);
      });
      return socket;
    },
    updateSettings: (socket, update) =>
      socket.timeout(20_000).emitWithAck(BRIDGE_CHANNELS.request, 'updateSettings', update) as Promise<BridgeReply<'updateSettings'>>,
  };
}
