/**
 * The link and QR code "add device" shows: the host's address as the other
 * device will reach it, the page, and the one-time code.
 */
import QRCode from 'qrcode';
import { PAIR_QUERY_PARAMETER } from './access-gate.js';
import { lanAddresses } from './lan-addresses.js';

export interface LinkBaseInput {
  /** The Host header the console was opened with (checked by the gate already). */
  hostHeader: string | undefined;
  port: number;
  secure: boolean;
  lan: boolean;
}

const isLoopbackName = (hostname: string) => hostname === 'localhost' || hostname.startsWith('127.') || hostname === '[::1]';

/**
 * A console opened on 127.0.0.1 would hand a phone a link to the phone
 * itself: with --lan, the link names this machine's network address instead.
 */
export function pairingLinkBase({ hostHeader, port, secure, lan }: LinkBaseInput): string {
  const scheme = secure ? 'https' : 'http';
  const given = hostHeader ?? `127.0.0.1:${port}`;
  const hostname = new URL(`${scheme}://${given}`).hostname;
  const [network] = lan && isLoopbackName(hostname) ? lanAddresses() : [];
  return network === undefined ? `${scheme}://${given}/` : `${scheme}://${network}:${port}/`;
}

export function pairingLink(base: string, path: string, code: string): string {
  const url = new URL(path, base);
  url.searchParams.set(PAIR_QUERY_PARAMETER, code);
  return url.href;
}

/** The link as a QR code: an SVG data URL, for an <img> (never markup in the page). */
export async function qrCodeDataUrl(link: string): Promise<string> {
  const svg = await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
