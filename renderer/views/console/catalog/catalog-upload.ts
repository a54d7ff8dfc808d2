/**
 * Sends a catalog file's bytes to the host with the request that reads it
 * (previewCatalogImport, importCatalog). Electron's IPC carries the bytes in
 * the request itself. The web host takes no file in a socket.io message (its
 * messages are kept small): the bytes go as the body of an HTTP POST to the
 * host's upload route, with the same cookie that admits the page, and the
 * rest of the request in the query. Either way the reply is a BridgeReply.
 */
import { z } from 'zod';
import type { BridgeReply, BridgeRequest } from '../../../../shared/api/bridge.js';
import { CATALOG_UPLOAD_PATH, type CatalogUploadRequest } from '../../../../shared/catalog/catalog-api.js';
import type { ClientBridge } from '../../../bridge/client-bridge.js';

/** A file of the largest size on a slow Wi-Fi, and the host reading it. */
const UPLOAD_TIMEOUT_MS = 60_000;

/** The envelope only: the host is ours and types its values, but a broken reply must read as an error. */
const replySchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

export type FetchFile = (url: string, init: RequestInit) => Promise<Pick<Response, 'json'>>;

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
    const reply = replySchema.safeParse(await response.json());
    // The schema checked the envelope; the value (and the code) are the host's reply to `name`.
    if (reply.success) return reply.data as BridgeReply<N>;
    return { ok: false, error: { code: 'internal', message: 'the host sent a malformed reply' } };
  } catch (error) {
    return { ok: false, error: { code: 'unavailable', message: error instanceof Error ? error.message : String(error) } };
  }
}
