// @vitest-environment happy-dom
/**
 * Settings → 设备与访问 over TLS: beside the pairing link and its QR code the
 * console shows the host certificate's fingerprint, which is what the phone's
 * browser asks the user to trust; over plain HTTP there is none to show.
 */
import { describe, expect, it } from 'vitest';
import type { DevicePairing } from '../../../../shared/api/devices-api.js';
import { FakeBridge } from '../../../testing/fake-bridge.js';
import { snapshot } from '../../../testing/fixtures.js';
import { renderView } from '../../../testing/render-view.js';

const FINGERPRINT = 'B3:75:AB:A7:12:FC:2E:1E:58:EE:0F:69:21:63:A7:7C:29:79:C2:FC:45:26:7D:1A:D4:0C:D7:FC:6C:31:75:48';

async function pairOBS(certificateFingerprint: string | null) {
  const bridge = new FakeBridge('web');
  bridge.handlers.listDevices = () => ({ ok: true, value: [] });
  const pairing: DevicePairing = {
    name: 'OBS',
    role: 'view',
    url: `${certificateFingerprint === null ? 'http' : 'https'}://192.168.1.20:4800/obs/card?pair=code`,
    qrCode: 'data:image/svg+xml;base64,',
    expiresAt: Date.UTC(2026, 11, 7, 12, 10),
    certificateFingerprint,
  };
  bridge.handlers.addDevice = () => ({ ok: true, value: pairing });
  const v = await renderView('console', bridge);
  await v.push({ kind: 'snapshot', snapshot: snapshot({}) });
  await v.act(() => v.store.getState().showScreen('settings'));
  await v.act(() => (v.byTestId('devices-obs-link') as HTMLButtonElement).click());
  return v;
}

describe('settings → 设备与访问: the certificate to compare', () => {
  it('shows the SHA-256 fingerprint beside a pairing link served over TLS', async () => {
    const v = await pairOBS(FINGERPRINT);
    expect(v.byTestId('devices-pairing-fingerprint')!.textContent).toBe(FINGERPRINT);
    expect(v.byTestId('devices-pairing')!.textContent).toContain('SHA-256 指纹');
  });

  it('shows none over plain HTTP', async () => {
    const v = await pairOBS(null);
    expect(v.byTestId('devices-pairing')).not.toBeNull();
    expect(v.byTestId('devices-pairing-fingerprint')).toBeNull();
  });
});
