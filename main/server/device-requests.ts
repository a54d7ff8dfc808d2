/**
 * The device requests of the bridge (设备与访问), served by the web host
 * itself: only it knows the devices, its address and its connections.
 */
import type { BridgeReply, BridgeRequestName } from '../../shared/api/bridge.js';
import type { z } from 'zod';
import { deviceRequestSchemas, type DeviceResponses } from '../../shared/api/devices-api.js';
import { DeviceNameTakenError, DeviceNotFoundError } from '../core/store/devices.js';
import type { DeviceDirectory } from './device-directory.js';
import { pairingLink, qrCodeDataUrl } from './pairing-link.js';

type DeviceRequestName = keyof typeof deviceRequestSchemas;
type Reply = BridgeReply<BridgeRequestName>;

export const isDeviceRequest = (name: string): name is DeviceRequestName => Object.hasOwn(deviceRequestSchemas, name);

/** Serves one device request; `linkBase` is the address the asking console reaches this host at. */
export async function serveDeviceRequest(
  name: DeviceRequestName,
  payload: unknown,
  directory: DeviceDirectory,
  linkBase: string,
  certificateFingerprint: string | null,
): Promise<Reply> {
  const parsed = deviceRequestSchemas[name].safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: { code: 'bad_request', message: `${name}: ${issue?.path.join('.') || 'payload'}: ${issue?.message ?? 'invalid'}` } };
  }
  try {
    // The schema of `name` produced `parsed.data`, so it is the payload its handler takes.
    const handler = handlers[name] as (payload: unknown, directory: DeviceDirectory, linkBase: string, certificateFingerprint: string | null) => unknown;
    return { ok: true, value: await handler(parsed.data, directory, linkBase, certificateFingerprint) } as Reply;
  } catch (error) {
    if (error instanceof DeviceNameTakenError) return { ok: false, error: { code: 'bad_request', message: error.message } };
    if (error instanceof DeviceNotFoundError) return { ok: false, error: { code: 'not_found', message: error.message } };
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
}

const handlers: {
  [N in DeviceRequestName]: (
    payload: z.output<(typeof deviceRequestSchemas)[N]>,
    directory: DeviceDirectory,
    linkBase: string,
    certificateFingerprint: string | null,
  ) => Promise<DeviceResponses[N]> | DeviceResponses[N];
} = {
  listDevices: (_payload, directory) => directory.list(),
  async addDevice({ name, role, path }, directory, linkBase, certificateFingerprint) {
    const { code, expiresAt } = directory.createPairing(name, role);
    const url = pairingLink(linkBase, path, code);
    return { name, role, url, qrCode: await qrCodeDataUrl(url), expiresAt, certificateFingerprint };
  },
  revokeDevice: ({ name }, directory) => directory.revoke(name),
  renameDevice: ({ name, newName }, directory) => directory.rename(name, newName),
};
