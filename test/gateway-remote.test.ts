/**
 * Who may aim the live source: a real `livecue serve`-style web host on every
 * interface and real socket.io clients from this machine's network address
 * (what a phone on the Wi-Fi would be). A gateway address is where the host
 * connects, and its status messages tell a closed port from an open one, so
 * only the host's own machine may change the source's kind, its address or
 * the gateway token; a settings form saved whole with the source unchanged
 * still saves.
 */
import { describe, expect, it } from 'vitest';
import { useRemoteBridge } from './remote-bridge.js';
import type { SettingsView } from '../shared/api/settings.js';
import { lanAddresses } from '../main/server/index.js';

const host = useRemoteBridge('gateway');
const { bridgeFrom, updateSettings } = host;

const lan = lanAddresses()[0];
describe.skipIf(lan === undefined)(`the live source from a device on the network (${lan ?? 'skipped: this machine has no network address besides loopback'})`, () => {
  it('may not point the host at a gateway, nor send it a gateway token', async () => {
    const before: SettingsView = host.app.settings();
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
    expect(host.app.settings()).toEqual(before);
  });

  it('still saves a settings form with the source unchanged, and the demo room’s own options', async () => {
    const remote = await bridgeFrom(lan!);
    const { source } = host.app.settings();
    expect(await updateSettings(remote, { source, language: 'en' })).toMatchObject({ ok: true, value: { language: 'en', source } });
    expect(await updateSettings(remote, { source: { kind: 'demo', scenario: 'apparel', speed: 50 } })).toMatchObject({
      ok: true,
      value: { source: { kind: 'demo', scenario: 'apparel' } },
    });
  });
});
