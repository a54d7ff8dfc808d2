/**
 * The preload: the bridge it builds (with a fake ipcRenderer), and the file
 * Electron actually loads — build/preload.mjs is run into a temporary folder
 * and the bundle is evaluated the way a sandboxed preload is: a plain
 * script with a `require` that knows only 'electron'.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bridge, StateUpdate } from '../../shared/api/bridge.js';
import { BRIDGE_CHANNELS } from '../../shared/api/bridge.js';
import type { CoreSnapshot } from '../../shared/api/contract.js';
import { CHANNELS, createIpcBridge, type IpcRendererLike } from './preload-bridge.js';

class FakeIpc implements IpcRendererLike {
  readonly invoked: unknown[][] = [];
  private readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, ...args]);
    return { ok: true, value: 'reply' };
  }
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): this {
    this.handlers.set(channel, listener);
    return this;
  }
  emit(channel: string, ...args: unknown[]): void {
    this.handlers.get(channel)?.({ sender: 'the raw IPC event', ports: [] }, ...args);
  }
}

const snapshot = (now: number): CoreSnapshot => ({ now, products: [] }) as unknown as CoreSnapshot;

describe('preload bridge', () => {
  it('uses the channel names of the shared contract', () => {
    expect(CHANNELS).toEqual({ request: BRIDGE_CHANNELS.request, state: BRIDGE_CHANNELS.state });
  });

  it('sends requests over invoke and nothing else', async () => {
    const ipc = new FakeIpc();
    const bridge = createIpcBridge(ipc);
    expect(bridge.transport).toBe('ipc');
    expect(Object.keys(bridge).sort()).toEqual(['onState', 'request', 'transport']);
    expect(await bridge.request('markMoment', { note: 'hi' })).toEqual({ ok: true, value: 'reply' });
    expect(ipc.invoked).toEqual([['livecue:request', 'markMoment', { note: 'hi' }]]);
  });

  it('gives every listener a full snapshot first, patches after, and never the IPC event', () => {
    const ipc = new FakeIpc();
    const bridge = createIpcBridge(ipc);
    const early: unknown[][] = [];
    bridge.onState((...args) => early.push(args));
    ipc.emit('livecue:state', { kind: 'patch', patch: { now: 1 } } satisfies StateUpdate);
    expect(early).toEqual([]);
    ipc.emit('livecue:state', { kind: 'snapshot', snapshot: snapshot(2) } satisfies StateUpdate);
    ipc.emit('livecue:state', { kind: 'patch', patch: { now: 3 } } satisfies StateUpdate);
    expect(early).toEqual([[{ kind: 'snapshot', snapshot: snapshot(2) }], [{ kind: 'patch', patch: { now: 3 } }]]);

    const late: StateUpdate[] = [];
    const unsubscribe = bridge.onState((update) => late.push(update));
    expect(late).toEqual([{ kind: 'snapshot', snapshot: snapshot(3) }]);
    unsubscribe();
    ipc.emit('livecue:state', { kind: 'patch', patch: { now: 4 } } satisfies StateUpdate);
    expect(late).toHaveLength(1);
    expect(early).toHaveLength(3);
  });

  it('keeps serving the other listeners when one throws', () => {
    const ipc = new FakeIpc();
    const bridge = createIpcBridge(ipc);
    const seen: StateUpdate[] = [];
    const original = console.error;
    console.error = () => {};
    try {
      bridge.onState(() => {
        throw new Error('page bug');
      });
      bridge.onState((update) => seen.push(update));
      ipc.emit('livecue:state', { kind: 'snapshot', snapshot: snapshot(1) } satisfies StateUpdate);
    } finally {
      console.error = original;
    }
    expect(seen).toHaveLength(1);
  });
});

describe('preload bundle', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  let folder: string;
  let code: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'livecue-preload-'));
    const outfile = join(folder, 'preload.cjs');
    execFileSync(process.execPath, [join(root, 'build', 'preload.mjs'), outfile], { stdio: 'pipe' });
    code = readFileSync(outfile, 'utf8');
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is one CommonJS script that requires electron and nothing else', () => {
    const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    // No zod or other shared code: only the bridge itself.
    expect(code.length).toBeLessThan(4_000);
  });

  it('exposes exactly one object, window.livecue, implementing the bridge', async () => {
    const exposed = new Map<string, unknown>();
    const ipc = new FakeIpc();
    const electron = { contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) }, ipcRenderer: ipc };
    const requireInSandbox = (name: string): unknown => {
      if (name !== 'electron') throw new Error(`module not found: ${name}`);
      return electron;
    };
    runInNewContext(code, { require: requireInSandbox, console });
    expect([...exposed.keys()]).toEqual(['livecue']);
    const bridge = exposed.get('livecue') as Bridge;
    expect(Object.keys(bridge).sort()).toEqual(['onState', 'request', 'transport']);
    await bridge.request('getSettings', {});
    expect(ipc.invoked).toEqual([['livecue:request', 'getSettings', {}]]);
  });
});
