/**
 * The devices that may open the web host (设备与访问): each has its own
 * token, a name and a role. Spread into `bridgeRequestSchemas` /
 * `BridgeResponses` of bridge.ts; only the web host (`livecue serve`) serves
 * them, the desktop app answers `unavailable`.
 */
import { z } from 'zod';

/** view: the state stream and read-only requests (an OBS card, an overlay elsewhere, a viewer). control: everything. */
export const deviceRoles = ['view', 'control'] as const;
export type DeviceRole = (typeof deviceRoles)[number];

/** Shown in lists and recorded in the audit trail: printable, short, no control characters. */
export const deviceNameSchema = z
  .string()
  .trim()
  .min(1, 'a device needs a name')
  .max(40, 'at most 40 characters')
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, 'no control characters');

export const deviceRequestSchemas = {
  /** Every device, the revoked ones included, oldest first. */
  listDevices: z.object({}).strict(),
  /** A one-time pairing code (QR code and link) for a new device of that role. */
  addDevice: z.object({ name: deviceNameSchema, role: z.enum(deviceRoles), path: z.enum(['/', '/overlay', '/obs/card']).default('/') }).strict(),
  /** Its token stops working at once and its open connections are cut. */
  revokeDevice: z.object({ name: deviceNameSchema }).strict(),
  renameDevice: z.object({ name: deviceNameSchema, newName: deviceNameSchema }).strict(),
} as const;

export interface DeviceView {
  name: string;
  role: DeviceRole;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms of its last request or connection; null before it was ever used. */
  lastSeenAt: number | null;
  revokedAt: number | null;
  /** Requests its role does not allow that it asked for anyway. */
  forbiddenCount: number;
}

export interface DevicePairing {
  name: string;
  role: DeviceRole;
  /** The link a phone or another PC opens; it carries the one-time code. */
  url: string;
  /** The same link as a QR code, an SVG data URL to show in an <img>. */
  qrCode: string;
  /** Epoch ms after which the code is worth nothing (it is also spent by its first use). */
  expiresAt: number;
  /**
   * The SHA-256 fingerprint of the host's TLS certificate as browsers show it
   * (colon-separated hex), to compare with what the other device's browser
   * shows when it warns about the self-signed certificate; null over plain HTTP.
   */
  certificateFingerprint: string | null;
}

export interface DeviceResponses {
  listDevices: DeviceView[];
  addDevice: DevicePairing;
  revokeDevice: DeviceView;
  renameDevice: DeviceView;
}
