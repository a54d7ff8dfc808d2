/**
 * Whether a peer's address is this machine's loopback: what a socket's
 * remote address says, not a header a client could write. Node reports
 * IPv4 peers of a dual-stack socket as IPv4-mapped IPv6 (::ffff:127.0.0.1).
 */
import { isIPv4 } from 'node:net';

export function isLoopbackAddress(address: string): boolean {
  const ipv4 = address.toLowerCase().startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  if (isIPv4(ipv4)) return ipv4.startsWith('127.');
  return address === '::1';
}
