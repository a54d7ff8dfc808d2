/**
 * The app:// protocol: serves the built renderer (dist/renderer) to the
 * windows, with the CSP on every response. The pages get an origin of their
 * own (app://livecue) instead of file://, which would let any page read any
 * file. Electron-free: `protocol.handle` in main.ts passes requests here.
 */
import { readFile } from 'node:fs/promises';
import { contentTypeOf } from '../../shared/web/content-types.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/web/content-security-policy.js';
import { resolveAppPath } from './security.js';

const baseHeaders = (): Record<string, string> => ({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
});

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
}

export type ReadFile = (file: string) => Promise<Uint8Array>;

export async function serveAppRequest(request: { url: string; method: string }, rootDir: string, read: ReadFile = readFile): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'method not allowed');
  const file = resolveAppPath(request.url, rootDir);
  if (file === null) return refusal(404, 'not found');
  let body: Uint8Array;
  try {
    body = await read(file);
  } catch {
    // A missing file and an unreadable one look the same to the page.
    return refusal(404, 'not found');
  }
  const headers = { ...baseHeaders(), 'Content-Type': contentTypeOf(file) };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
