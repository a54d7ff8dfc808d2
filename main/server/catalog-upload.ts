/**
 * The web host's catalog upload: `POST /api/catalog/previewCatalogImport`
 * or `…/importCatalog`, the file's bytes as the body and the rest of the
 * request (format, mode, fileName, revision) as the query. A file does not
 * travel in a socket.io message: socket.io would parse a message whole before
 * anything could judge it, so its limit stays small (web-host.ts) and a file
 * has this route, its own byte limit counted as the body streams in, and the
 * same dispatcher (zod, then the core's reader in a worker thread) as every
 * other request. The access gate has admitted the request before it gets here;
 * this route meters, judges the role and audits it like the socket bridge does
 * (socket-bridge.ts), and answers every refusal as a JSON BridgeReply the
 * console can show.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { REQUEST_ROLES, roleAllows } from '../../shared/api/access.js';
import type { BridgeErrorCode, BridgeReply, BridgeRequestName } from '../../shared/api/bridge.js';
import { CATALOG_UPLOAD_PATH, catalogUploadRequests, MAX_IMPORT_BYTES, type CatalogUploadRequest } from '../../shared/catalog/catalog-api.js';
import type { LiveCueApp } from '../app/app.js';
import type { DeviceDirectory, Principal } from './device-directory.js';
import type { RateLimiter } from './request-rate.js';

type Reply = BridgeReply<BridgeRequestName>;

const isUploadRequest = (name: string): name is CatalogUploadRequest => (catalogUploadRequests as readonly string[]).includes(name);
const failure = (message: string, code: BridgeErrorCode = 'bad_request'): Reply => ({ ok: false, error: { code, message } });
const TOO_LARGE = `the file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB`;

export interface CatalogUploadRoute {
  handles(url: URL): boolean;
  /** `principal`: who the access gate admitted. */
  serve(request: IncomingMessage, response: ServerResponse, url: URL, principal: Principal): void;
}

/** What the route shares with the socket bridge: the same per-device buckets, forbidden counts and audit trail. */
export interface UploadAccess {
  directory: Pick<DeviceDirectory, 'forbidden' | 'audit'>;
  rate: RateLimiter;
}

export function catalogUploadRoute(app: Pick<LiveCueApp, 'handle'>, access: UploadAccess, maxBytes = MAX_IMPORT_BYTES): CatalogUploadRoute {
  const { directory } = access;
  return {
    handles: (url) => url.pathname.startsWith(CATALOG_UPLOAD_PATH),
    serve(request, response, url, principal) {
      // Metered before anything else, like a bridge request: a flood of uploads costs a map lookup each.
      if (!access.rate.take(principal.name)) return replyJson(response, 429, failure('too many requests from this device: slow down and try again', 'rate_limited'));
      const name = url.pathname.slice(CATALOG_UPLOAD_PATH.length);
      if (!isUploadRequest(name)) return replyJson(response, 404, failure(`no upload ${name.slice(0, 60)}`));
      const record = (status: number, reply: Reply, headers: Record<string, string> = {}): void => {
        if (REQUEST_ROLES[name] === 'control') directory.audit({ at: Date.now(), device: principal.name, request: name, result: reply.ok ? 'ok' : reply.error.code });
        replyJson(response, status, reply, headers);
      };
      if (!roleAllows(principal.role, name)) {
        directory.forbidden(principal);
        return record(403, failure(`${principal.name} is a view device: ${name} needs a control device`, 'forbidden'));
      }
      if (request.method !== 'POST') return record(405, failure('send the file with POST'), { Allow: 'POST' });
      // A declared length over the limit is refused before a byte of the body is read.
      if (Number(request.headers['content-length'] ?? 0) > maxBytes) return refuseTooLarge(request, response);
      readBody(request, maxBytes)
        .then(async (body) => {
          if (body === 'aborted') return;
          if (body === 'too-large') return refuseTooLarge(request, response);
          // Each query value is a string field of the request; the dispatcher's zod schema judges them all (unknown ones included).
          record(200, await app.handle(name, { ...Object.fromEntries(url.searchParams), data: body }));
        })
        .catch((error: unknown) => {
          // app.handle promises never to throw; should that break, the client still gets an answer and the server lives on.
          if (response.headersSent) return response.destroy();
          record(500, failure(error instanceof Error ? error.message : String(error), 'internal'));
        });
    },
  };
}

/** The body, counted as it arrives: past the limit reading stops; an upload the client gave up on is 'aborted'. */
function readBody(request: IncomingMessage, maxBytes: number): Promise<Uint8Array | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    request.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > maxBytes) {
        request.removeAllListeners('data');
        request.pause();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks, length)));
    request.on('error', () => resolve('aborted'));
    request.on('close', () => resolve(request.complete ? Buffer.concat(chunks, length) : 'aborted'));
  });
}

/** The rest of the body is not read: the connection is closed after the answer, so the client stops sending. */
function refuseTooLarge(request: IncomingMessage, response: ServerResponse): void {
  replyJson(response, 413, failure(TOO_LARGE), { Connection: 'close' });
  response.on('finish', () => request.destroy());
}

function replyJson(response: ServerResponse, status: number, reply: Reply, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(reply);
  response.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  response.end(body);
}
