/**
 * Sends a catalog file's bytes to the host with the request that reads it
 * (previewCatalogImport, importCatalog). Electron's IPC carries the bytes in
 * the request itself. The web host takes no file in a socket.io message (its
 * messages are kept small): the bytes go as the body of an HTTP POST to the
 * host's upload route, with the same cookie that admits the page, and the
 * rest of the request in the query. Either way the reply is a BridgeReply:
 * the upload route answers one even when it refuses (forbidden, rate_limited);
 * a refusal the access gate writes in plain text (signed out, too many wrong
 * tokens, the host busy) is made one here, its text the message.
 */
import { z } from 'zod';
import type { BridgeErrorCode, BridgeReply, BridgeRequest } from '../../../../shared/api/bridge.js';
import { CATALOG_UPLOAD_PATH, type CatalogUploadRequest } from '../../../../shared/catalog/catalog-api.js';
import type { ClientBridge } from '../../../bridge/client-bridge.js';

/** A file of the largest size on a slow Wi-Fi, and the host reading it. */
const UPLOAD_TIMEOUT_MS = 60_000;

/** The envelope only: the host is ours and types its values, but a broken reply must read as an error. */
const replySchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

export type FetchFile = (url: string, init: RequestInit) => Promise<Pick<Response, 'status' | 'text'>>;

/** What a plain-text answer's status says, in the bridge's terms. */
function codeOfStatus(status: number): BridgeErrorCode {
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 429) return 'rate_limited';
  if (status === 404) return 'not_found';
  if (status === 413 || (status >= 400 && status < 500)) return 'bad_request';
  return status === 503 ? 'unavailable' : 'internal';
}

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function sendCatalogFile<N extends CatalogUploadRequest>(
  bridge: ClientBridge,
  name: N,
  payload: BridgeRequest<N>,
  fetchFile: FetchFile = (url, init) => fetch(url, init),
): Promise<BridgeReply<N>> {
  if (bridge.transport === 'ipc') return bridge.request(name, payload);
  const { data, ...rest } = payload;
  const query = new URLSearchParams(Object.entries(rest).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])));
  try {
    const response = await fetchFile(`${CATALOG_UPLOAD_PATH}${name}?${query.toString()}`, {
      method: 'POST',
      // A copy on an ArrayBuffer of its own, as a Blob takes it.
      body: new Blob([new Uint8Array(data)]),
      headers: { 'Content-Type': 'application/octet-stream' },
      credentials: 'same-origin',
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
    const text = await response.text();
    const reply = replySchema.safeParse(parsedJson(text));
    // The schema checked the envelope; the value (and the code) are the host's reply to `name`.
    if (reply.success) return reply.data as BridgeReply<N>;
    if (response.status >= 400 && text.trim() !== '') return { ok: false, error: { code: codeOfStatus(response.status), message: text.trim().slice(0, 500) } };
    return { ok: false, error: { code: 'internal', message: 'the host sent a malformed reply' } };
  } catch (error) {
    return { ok: false, error: { code: 'unavailable', message: error instanceof Error ? error.message : String(error) } };
  }
}
