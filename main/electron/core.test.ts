/**
 * The main process ↔ utility process exchange, under plain Node: the client
 * against a scripted fake process, then client and host joined by a real
 * MessageChannel (structured clone, like Electron's port) around a real app
 * recording the demo room into a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { StateUpdate } from '../../shared/api/bridge.js';
import type { CoreSnapshot } from '../../shared/api/contract.js';
import { memorySecretStore, type SecretStore } from '../app/secrets.js';
import { applyStateUpdate, startCoreClient, type CoreProcess } from './core-client.js';
import { relayedSecretStore, serveCore } from './core-host.js';
import type { FromCore, ToCore } from './core-protocol.js';

class FakeProcess implements CoreProcess {
  readonly received: ToCore[] = [];
  private listener: (message: FromCore) => void = () => {};
  private exitListener: (code: number) => void = () => {};
  killed = false;
  post(message: ToCore): void {
    this.received.push(message);
  }
  onMessage(listener: (message: FromCore) => void): void {
    this.listener = listener;
  }
  onExit(listener: (code: number) => void): void {
    this.exitListener = listener;
  }
  kill(): void {
    this.killed = true;
  }
  send(message: FromCore): void {
    this.listener(message);
  }
  exit(code: number): void {
    this.exitListener(code);
  }
}

const settingsView = { tokenStorage: 'os-keychain', hasGatewayToken: false } as never;
const snapshot = (now: number): CoreSnapshot => ({ now, products: [] }) as unknown as CoreSnapshot;

function recordingSecrets(initial: string | null): SecretStore & { writes: (string | null)[] } {
  const store = memorySecretStore(initial);
  const writes: (string | null)[] = [];
  return { kind: 'os-keychain', read: store.read, write: (token) => (writes.push(token), store.write(token)), writes };
}

describe('core client', () => {
  it('starts the core with the stored token and matches replies to requests by id', async () => {
    const processes: FakeProcess[] = [];
    const secrets = recordingSecrets('tok-1');
    const rewriterKey = recordingSecrets('key-1');
    const client = startCoreClient({ spawn: () => (processes.push(new FakeProcess()), processes.at(-1)!), dataFolder: '/data', secrets, rewriterKey });
    const child = processes[0]!;
    expect(child.received[0]).toEqual({ type: 'start', dataFolder: '/data', token: 'tok-1', rewriterKey: 'key-1', tokenStorage: 'os-keychain' });

    const first = client.request('getSettings', {});
    const second = client.request('markMoment', {});
    const [a, b] = child.received.slice(1) as Extract<ToCore, { type: 'request' }>[];
    child.send({ type: 'reply', id: b!.id, reply: { ok: false, error: { code: 'unavailable', message: 'no session' } } });
    child.send({ type: 'reply', id: a!.id, reply: { ok: true, value: settingsView } });
    expect(await first).toEqual({ ok: true, value: settingsView });
    expect(await second).toMatchObject({ ok: false, error: { code: 'unavailable' } });

    child.send({ type: 'ready', settings: settingsView });
    expect(await client.ready).toBe(settingsView);
    child.send({ type: 'token', token: 'tok-2' });
    expect(secrets.writes).toEqual(['tok-2']);
    child.send({ type: 'rewriterKey', key: null });
    expect(rewriterKey.writes).toEqual([null]);
  });

  it('keeps the latest state: a snapshot, then patches over it', () => {
    const child = new FakeProcess();
    const client = startCoreClient({ spawn: () => child, dataFolder: '/data', secrets: recordingSecrets(null), rewriterKey: recordingSecrets(null) });
    const seen: StateUpdate[] = [];
    client.onState((update) => seen.push(update));
    child.send({ type: 'state', update: { kind: 'patch', patch: { now: 5 } } });
    expect(client.snapshot()).toBeNull();
    child.send({ type: 'state', update: { kind: 'snapshot', snapshot: snapshot(10) } });
    child.send({ type: 'state', update: { kind: 'patch', patch: { now: 11 } } });
    expect(client.snapshot()?.now).toBe(11);
    expect(seen).toHaveLength(3);
    expect(applyStateUpdate(null, { kind: 'patch', patch: { now: 1 } })).toBeNull();
  });

  it('answers pending requests when the core dies, and restarts it a bounded number of times', async () => {
    const processes: FakeProcess[] = [];
    const warnings: string[] = [];
    const client = startCoreClient({
      spawn: () => (processes.push(new FakeProcess()), processes.at(-1)!),
      dataFolder: '/data',
      secrets: recordingSecrets('t'),
      rewriterKey: recordingSecrets(null),
      onWarning: (message) => warnings.push(message),
      maxRestarts: 1,
      restartDelayMs: 1,
    });
    const pending = client.request('getSettings', {});
    processes[0]!.exit(139);
    expect(await pending).toEqual({ ok: false, error: { code: 'unavailable', message: 'the core process exited (code 139)' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(processes).toHaveLength(2);
    expect(processes[1]!.received[0]).toMatchObject({ type: 'start', token: 't' });
    processes[1]!.exit(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(processes).toHaveLength(2);
    await expect(client.ready).rejects.toThrow(/exited/);
    expect(await client.request('getSettings', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(warnings).toHaveLength(2);
  });

  it('stops the core cleanly, or kills it when it does not answer in time', async () => {
    const polite = new FakeProcess();
    const client = startCoreClient({ spawn: () => polite, dataFolder: '/d', secrets: recordingSecrets(null), rewriterKey: recordingSecrets(null) });
    const stopping = client.stop();
    expect(polite.received.at(-1)).toEqual({ type: 'stop' });
    polite.send({ type: 'stopped' });
    await stopping;
    expect(polite.killed).toBe(false);
    expect(await client.request('getSettings', {})).toMatchObject({ ok: false, error: { message: 'the app is closing' } });

    const stuck = new FakeProcess();
    const other = startCoreClient({ spawn: () => stuck, dataFolder: '/d', secrets: recordingSecrets(null), rewriterKey: recordingSecrets(null), stopTimeoutMs: 10 });
    await other.stop();
    expect(stuck.killed).toBe(true);
  });
});

describe('relayed secret store', () => {
  it('holds the token in memory and posts every change to the main process', () => {
    const posted: (string | null)[] = [];
    const store = relayedSecretStore('private-file', 'a', (token) => posted.push(token));
    expect(store.kind).toBe('private-file');
    expect(store.read()).toBe('a');
    store.write('b');
    store.write(null);
    expect(store.read()).toBeNull();
    expect(posted).toEqual(['b', null]);
  });
});

describe('core host', () => {
  it('answers unavailable when the app cannot start, and still stops cleanly', async () => {
    const posted: FromCore[] = [];
    let deliver: (message: ToCore) => void = () => {};
    let stopped = 0;
    serveCore(
      { post: (message) => posted.push(message), onMessage: (listener) => (deliver = listener) },
      () => stopped++,
      async () => {
        throw new Error('NODE_MODULE_VERSION mismatch');
      },
    );
    deliver({ type: 'request', id: 1, name: 'getSettings', payload: {} });
    deliver({ type: 'start', dataFolder: '/nowhere', token: null, rewriterKey: null, tokenStorage: 'none' });
    deliver({ type: 'request', id: 2, name: 'getSettings', payload: {} });
    deliver({ type: 'stop' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(posted).toEqual([
      { type: 'reply', id: 1, reply: { ok: false, error: { code: 'unavailable', message: 'the core is not started' } } },
      { type: 'failed', message: 'NODE_MODULE_VERSION mismatch' },
      { type: 'reply', id: 2, reply: { ok: false, error: { code: 'unavailable', message: 'the core did not start: NODE_MODULE_VERSION mismatch' } } },
      { type: 'stopped' },
    ]);
    expect(stopped).toBe(1);
  });
});

describe('core host and client over a message channel', () => {
  const cleanups: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('serves the real app: settings, state, validation, token hand-over and stop', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'livecue-core-host-'));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    const { port1, port2 } = new MessageChannel();
    cleanups.push(() => {
      port1.close();
      port2.close();
    });
    let stoppedCount = 0;
    serveCore(
      { post: (message) => port2.postMessage(message), onMessage: (listener) => port2.on('message', listener) },
      () => stoppedCount++,
    );
    const secrets = recordingSecrets(null);
    const rewriterKey = recordingSecrets(null);
    const client = startCoreClient({
      spawn: () => ({
        post: (message) => port1.postMessage(message),
        onMessage: (listener) => port1.on('message', listener),
        onExit: () => {},
        kill: () => port1.close(),
      }),
      dataFolder: folder,
      secrets,
      rewriterKey,
    });

    const first = new Promise<StateUpdate>((resolve) => {
      const stop = client.onState((update) => (stop(), resolve(update)));
    });
    const settings = await client.ready;
    expect(settings).toMatchObject({ source: { kind: 'demo' }, tokenStorage: 'os-keychain', hasGatewayToken: false, dataFolder: folder });
    expect((await first).kind).toBe('snapshot');
    expect(client.snapshot()?.connection.gateway).toMatch(/^http:\/\/127\.0\.0\.1:/);

    expect(await client.request('getSettings', {})).toMatchObject({ ok: true, value: { language: 'zh-CN' } });
    expect(await client.request('getSettings', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await client.request('noSuchRequest', {})).toMatchObject({ ok: false, error: { code: 'bad_request' } });

    const changed = new Promise((resolve) => client.onSettings(resolve));
    const reply = await client.request('updateSettings', { gatewayToken: 'secret-token', overlay: { opacity: 0.5 } });
    expect(reply).toMatchObject({ ok: true, value: { hasGatewayToken: true, overlay: { opacity: 0.5 } } });
    expect(JSON.stringify(reply)).not.toContain('secret-token');
    expect(await changed).toMatchObject({ overlay: { opacity: 0.5 } });
    expect(secrets.writes).toEqual(['secret-token']);

    const keyed = await client.request('updateSettings', { rewriter: { baseUrl: 'https://llm.example.com/v1' }, rewriterKey: 'sk-secret' });
    expect(keyed).toMatchObject({ ok: true, value: { hasRewriterKey: true, rewriter: { baseUrl: 'https://llm.example.com/v1' } } });
    expect(JSON.stringify(keyed)).not.toContain('sk-secret');
    expect(rewriterKey.writes).toEqual(['sk-secret']);

    await client.stop();
    expect(stoppedCount).toBe(1);
  });

  it('prints the recap\'s PDF in main: the core sends the report, main answers with the bytes or the reason', async () => {
    const { port1, port2 } = new MessageChannel();
    cleanups.push(() => {
      port1.close();
      port2.close();
    });
    let rendered: Promise<Buffer> | null = null;
    serveCore(
      { post: (message) => port2.postMessage(message), onMessage: (listener) => port2.on('message', listener) },
      () => {},
      async (options) => {
        rendered = options.renderPdf!('<html>复盘</html>');
        const unused = (): never => {
          throw new Error('not used here');
        };
        const data = { backupTo: unused, inspect: unused, restoreFrom: unused };
        return { dbFile: '', handle: async () => ({ ok: true, value: null }) as never, onState: () => () => {}, settings: () => settingsView, onSettings: () => () => {}, data, stop: async () => {} };
      },
    );
    const printed: string[] = [];
    const client = startCoreClient({
      spawn: () => ({ post: (m) => port1.postMessage(m), onMessage: (l) => port1.on('message', l), onExit: () => {}, kill: () => port1.close() }),
      dataFolder: '/d',
      secrets: recordingSecrets(null),
      rewriterKey: recordingSecrets(null),
      printPdf: async (html) => {
        printed.push(html);
        return Buffer.from('%PDF-1.7 fake');
      },
    });
    await client.ready;
    expect((await rendered!).toString()).toBe('%PDF-1.7 fake');
    expect(printed).toEqual(['<html>复盘</html>']);
    await client.stop();
  });
});
