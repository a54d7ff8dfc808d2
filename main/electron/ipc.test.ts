import { describe, expect, it } from 'vitest';
import { bridgeRequestHandler, isBridgeRequestName, type InvokeEvent } from './ipc.js';

const event = (url: string | null, id = 7): InvokeEvent => ({ sender: { id }, senderFrame: url === null ? null : { url } });

function handler() {
  const forwarded: [string, unknown][] = [];
  const refusals: string[] = [];
  const handle = bridgeRequestHandler({
    request: async (name, payload) => {
      forwarded.push([name, payload]);
      return { ok: true, value: { commentId: 'c', answered: true } };
    },
    isAppWindow: (id) => id === 7,
    onRefused: (reason) => refusals.push(reason),
  });
  return { handle, forwarded, refusals };
}

describe('bridge IPC handler', () => {
  it('forwards a known request from our page to the core, payload untouched (the app validates it)', async () => {
    const { handle, forwarded } = handler();
    const payload = { commentId: 'c', answered: true };
    expect(await handle(event('app://livecue/'), 'markComment', payload)).toMatchObject({ ok: true });
    expect(forwarded).toEqual([['markComment', payload]]);
  });

  it('refuses senders that are not our app:// page in our window', async () => {
    const { handle, forwarded, refusals } = handler();
    for (const [from, id] of [
      ['https://evil.example/', 7],
      ['file:///tmp/x.html', 7],
      ['app://other/', 7],
      [null, 7],
      ['app://livecue/', 99],
    ] as const) {
      expect(await handle(event(from, id), 'getSettings', {})).toEqual({ ok: false, error: { code: 'bad_request', message: 'request refused' } });
    }
    expect(forwarded).toEqual([]);
    expect(refusals).toHaveLength(5);
  });

  it('refuses names the bridge does not know, including inherited ones', async () => {
    const { handle, forwarded } = handler();
    for (const name of ['toString', '__proto__', 'constructor', 'shell', 42, null]) {
      expect(await handle(event('app://livecue/overlay'), name, {})).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(forwarded).toEqual([]);
    expect(isBridgeRequestName('updateSettings')).toBe(true);
  });
});
