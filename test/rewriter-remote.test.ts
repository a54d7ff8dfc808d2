/**
 * Who may aim the AI rewriter: a real `livecue serve`-style web host on every
 * interface and real socket.io clients, one from 127.0.0.1 and one from this
 * machine's network address (what a phone on the Wi-Fi would be). Only the
 * loopback one may change the endpoint or the key.
 */
import { describe, expect, it } from 'vitest';
import { useRemoteBridge } from './remote-bridge.js';
import type { SettingsView } from '../shared/api/settings.js';
import { isLoopbackAddress } from '../main/server/loopback-address.js';
import { lanAddresses } from '../main/server/index.js';

const host = useRemoteBridge('rewriter');
const { bridgeFrom, updateSettings } = host;

describe('the rewriter endpoint over the web host', () => {
  it('is changed from a browser on this machine', async () => {
    const local = await bridgeFrom('127.0.0.1');
    const reply = await updateSettings(local, { rewriter: { baseUrl: 'http://127.0.0.1:11434/v1' }, rewriterKey: 'sk-local' });
    expect(reply).toMatchObject({ ok: true, value: { rewriter: { baseUrl: 'http://127.0.0.1:11434/v1' }, hasRewriterKey: true } });
  });

  const lan = lanAddresses()[0];
  it.skipIf(lan === undefined)(`is refused from a device on the network (${lan ?? 'skipped: this machine has no network address besides loopback'})`, async () => {
    const before: SettingsView = host.app.settings();
    const remote = await bridgeFrom(lan!);
    for (const update of [{ rewriter: { baseUrl: 'http://127.0.0.1:6379/v1' } }, { rewriterKey: 'sk-theirs' }]) {
      expect(await updateSettings(remote, update)).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining("host's own machine") } });
    }
    expect(host.app.settings()).toEqual(before);
  });
});

describe('isLoopbackAddress', () => {
  it('knows loopback in every spelling Node reports, and nothing else', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '::FFFF:127.0.0.1']) expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ['192.168.1.20', '::ffff:192.168.1.20', '0.0.0.0', '::', 'fd00::2', '', 'localhost']) expect(isLoopbackAddress(address), address).toBe(false);
  });
});
