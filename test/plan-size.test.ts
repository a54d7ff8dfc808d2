/**
 * A plan as large as LiveCue allows travels the web host's socket.io bridge
 * (256 KB a message), even written to escape as badly as JSON can; a bigger
 * one is refused with its size by the core, on save and on import, with the
 * socket left open. Real HTTP on 127.0.0.1, the real app on a temporary SQLite file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS, type BridgeReply, type BridgeRequestName } from '../shared/api/bridge.js';
import { MAX_PLAN_FILE_BYTES } from '../shared/plan/plan-api.js';
import { utf8Bytes, writePlanFile } from '../shared/plan/plan-file.js';
import { planInputSchema, type PlanBody } from '../shared/plan/plan.js';
import { startApp, type LiveCueApp } from '../main/app/app.js';
import { memorySecretStore } from '../main/app/secrets.js';
import { startWebHost, type WebHost } from '../main/server/index.js';
import { openDeviceStore, type DeviceStore } from '../main/core/store/devices.js';
import { tempDir } from './helpers.js';

const TOKEN = 'test-access-token-0123456789abcdefghij';
const tmp = tempDir('livecue-plan-size-');
let app: LiveCueApp;
let host: WebHost;
let devices: DeviceStore;
let socket: Socket;
/** A request as the console's web bridge sends it (renderer/bridge/web-bridge.ts, tested there for its own size check). */
const bridge = {
  request: <N extends BridgeRequestName>(name: N, payload: unknown) =>
    socket.timeout(10_000).emitWithAck(BRIDGE_CHANNELS.request, name, payload) as Promise<BridgeReply<N>>,
};

beforeAll(async () => {
  const rendererDir = tmp.file('renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(`${rendererDir}/index.html`, '<!doctype html><title>LiveCue</title>');
  app = await startApp({ dataFolder: tmp.file('data'), secrets: memorySecretStore(), sourceOverride: { kind: 'demo', scenario: 'skincare', speed: 200 } });
  devices = await openDeviceStore(app.dbFile);
  host = await startWebHost({ app, port: 0, accessToken: TOKEN, devices, rendererDir });
  socket = connect(`${host.url}ui`, { reconnection: false, forceNew: true, extraHeaders: { authorization: `Bearer ${TOKEN}` } });
  await new Promise<void>((resolve) => socket.on('connect', resolve));
});

afterAll(async () => {
  socket?.close();
  await host?.close();
  devices?.close();
  await app?.stop();
  tmp.remove();
});

/**
 * A plan whose notes are all double quotes and backslashes: each is 2 bytes
 * in the file and 4 once the file is a JSON string in a bridge message, the
 * worst JSON does. Segments are added until the next would pass `maxBytes`.
 */
function quotedPlan(maxBytes: number, note = '"\\'.repeat(500)): PlanBody {
  const segment = (i: number) => ({ id: `s${i}`, kind: 'custom' as const, plannedStartSec: i * 60, plannedDurationSec: 60, note });
  const plan = (count: number) => planInputSchema.parse({ title: '引号计划', durationMin: 120, segments: Array.from({ length: count }, (_, i) => segment(i)) });
  let count = 1;
  while (count < 100 && utf8Bytes(writePlanFile(plan(count + 1))) <= maxBytes) count++;
  return plan(count);
}

describe('a plan as large as allowed, over the web host', () => {
  it('imports and saves over socket.io, and its export imports back', async () => {
    const file = writePlanFile(quotedPlan(MAX_PLAN_FILE_BYTES));
    expect(utf8Bytes(file)).toBeGreaterThan(MAX_PLAN_FILE_BYTES - 4_000);
    // The message really is close to the socket's limit: the escaping doubled it.
    expect(utf8Bytes(JSON.stringify({ data: file }))).toBeGreaterThan(1.9 * MAX_PLAN_FILE_BYTES);

    const imported = await bridge.request('importPlan', { data: file });
    expect(imported).toMatchObject({ ok: true, value: { imported: true } });
    const id = (imported as { value: { plan: { id: number } } }).value.plan.id;

    const detail = await bridge.request('getPlan', { id });
    expect(detail.ok).toBe(true);
    const stored = (detail as { value: { plan: PlanBody } }).value.plan;
    const { format: _format, ...body } = JSON.parse(writePlanFile(stored)) as Record<string, unknown>;
    expect(await bridge.request('savePlan', { id, plan: { ...body, title: '引号计划（改）' } })).toMatchObject({ ok: true, value: { saved: true } });

    const exported = await bridge.request('exportPlan', { id });
    expect(await bridge.request('importPlan', { data: (exported as { value: { data: string } }).value.data })).toMatchObject({ ok: true, value: { imported: true } });
    expect(socket.connected).toBe(true);
  });

  it('refuses a plan file over the limit with its size, on import and on save', async () => {
    // Chinese notes: 3 bytes a character, so the file is over the limit in bytes while its string is not in characters.
    const over = quotedPlan(1.2 * MAX_PLAN_FILE_BYTES, '讲解要点'.repeat(250));
    const file = writePlanFile(over);
    expect(utf8Bytes(file)).toBeGreaterThan(MAX_PLAN_FILE_BYTES);
    expect(file.length).toBeLessThan(MAX_PLAN_FILE_BYTES);
    const imported = await bridge.request('importPlan', { data: file });
    expect(imported).toMatchObject({ ok: true, value: { imported: false, problems: [{ code: 'tooLarge', params: { limit: MAX_PLAN_FILE_BYTES } }] } });

    const created = await bridge.request('createPlan', { from: null, title: '空计划' });
    const id = (created as { value: { id: number } }).value.id;
    const saved = await bridge.request('savePlan', { id, plan: over });
    expect(saved).toMatchObject({ ok: true, value: { saved: false, problems: [{ code: 'tooLarge' }] } });
    expect(socket.connected).toBe(true);
  });
});
