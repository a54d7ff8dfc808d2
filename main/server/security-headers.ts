/**
 * Headers on every response of the web host. The page may load only its own
 * scripts and talk only to its own server; product images are the one thing
 * it shows from elsewhere (shops host them on their CDNs). Nothing it serves
 * is cacheable: every byte is behind the access token.
 */
import type { ServerResponse } from 'node:http';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React writes style attributes; inline styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  'img-src \'self\' data: https: http:',
  // 'self' covers this server's own WebSocket (ws: and wss: to the same host and port).
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // frame-ancestors for browsers that predate it.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** Set before anything else writes: socket.io's own responses keep them too (writeHead merges set headers). */
export function setSecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
}
