/**
 * The one request/stream contract between a UI and a host, whatever carries
 * it: Electron IPC through the preload, or socket.io from a browser. The
 * host validates every request against `bridgeRequestSchemas` before the
 * core sees it; the renderer types its calls with `BridgeResponses`.
 *
 * Envelope on both transports:
 *   request  → (name: BridgeRequestName, payload: unknown) → BridgeReply
 *   push     ← StateUpdate (a full snapshot first, then patches, ≤ 10 Hz)
 */
import { z } from 'zod';
import { LIMITS } from '../protocol/index.js';
import { catalogRequestSchemas, type CatalogResponses } from '../catalog/catalog-api.js';
import { planRequestSchemas, type PlanResponses } from '../plan/plan-api.js';
import {
  apiCommandSchemas,
  suggestionOutcomes,
  type ApiCommandResult,
  type CommentView,
  type CorePatch,
  type CoreSnapshot,
  type Moment,
  type Recap,
  type SessionSummary,
  type SuggestionMark,
} from './contract.js';
import { recapRequestSchemas, type RecapResponses } from '../recap/recap-api.js';
import { rewriterRequestSchemas, type RewriterResponses } from './rewriter-api.js';
import { dataRequestSchemas, type DataResponses } from './data-api.js';
import { deviceRequestSchemas, type DeviceResponses } from './devices-api.js';
import { settingsUpdateSchema, type SettingsView } from './settings.js';

const id = z.string().min(1).max(LIMITS.maxIdLength);
const commandNames = Object.keys(apiCommandSchemas) as [keyof typeof apiCommandSchemas, ...(keyof typeof apiCommandSchemas)[]];

export const bridgeRequestSchemas = {
  /** A gateway command (pin a card, push a coupon...); `input` is checked against apiCommandSchemas[name]. */
  command: z.object({ name: z.enum(commandNames), input: z.unknown() }).strict(),
  /** Every stored session, newest first, with its headline figures (复盘's list). */
  listSessions: z.object({}).strict(),
  /** The recap of a stored session, the latest when no id is given. */
  recap: z.object({ sessionId: id.optional() }).strict(),
  /** Older comments of the current session, newest first, for scrolling back past the live window. */
  commentHistory: z.object({ beforeSeq: z.number().int().positive().optional(), afterSeq: z.number().int().nonnegative().optional(), limit: z.number().int().min(1).max(5_000) }).strict(),
  /** Marks a buyer's comment as answered (or not); kept in the store for the recap. */
  markComment: z.object({ commentId: id, answered: z.boolean() }).strict(),
  /** Marks a moment of the live session (a hotkey press, a note) for the recap. */
  markMoment: z.object({ note: z.string().max(200).optional() }).strict(),
  /** Marks a co-pilot talking point used or dismissed: it leaves the list and is kept for the recap. */
  markSuggestion: z.object({ suggestionId: z.string().min(1).max(300), outcome: z.enum(suggestionOutcomes) }).strict(),
  getSettings: z.object({}).strict(),
  updateSettings: settingsUpdateSchema,
  /** The catalog (商品库): see catalog-api.ts. */
  ...catalogRequestSchemas,
  /** The live plan (直播计划): see plan-api.ts. */
  ...planRequestSchemas,
  /** The recap's exports and its suggestions applied to the next plan (复盘): see recap-api.ts. */
  ...recapRequestSchemas,
  /** The optional AI line rewriter (润色): see rewriter-api.ts. */
  ...rewriterRequestSchemas,
  /** Backup and restore of the database (设置 → 数据), desktop only: see data-api.ts. */
  ...dataRequestSchemas,
  /** The devices that may open the web host (设备与访问): see devices-api.ts. */
  ...deviceRequestSchemas,
} as const;

export type BridgeRequestName = keyof typeof bridgeRequestSchemas;
export type BridgeRequest<N extends BridgeRequestName> = z.input<(typeof bridgeRequestSchemas)[N]>;

export interface BridgeResponses extends CatalogResponses, PlanResponses, RecapResponses, RewriterResponses, DeviceResponses, DataResponses {
  command: ApiCommandResult;
  recap: Recap;
  listSessions: SessionSummary[];
  commentHistory: CommentView[];
  markComment: { commentId: string; answered: boolean };
  markMoment: Moment;
  markSuggestion: SuggestionMark;
  getSettings: SettingsView;
  updateSettings: SettingsView;
}

/** Every reply is a value or a clear error; a host never throws across the transport. */
export type BridgeReply<N extends BridgeRequestName> =
  | { ok: true; value: BridgeResponses[N] }
  | { ok: false; error: { code: BridgeErrorCode; message: string } };
/** `forbidden`: the device's role does not allow the request; `rate_limited`: the device asked too often, ask again later. */
export type BridgeErrorCode = 'bad_request' | 'not_found' | 'unavailable' | 'internal' | 'forbidden' | 'rate_limited';

export type StateUpdate = { kind: 'snapshot'; snapshot: CoreSnapshot } | { kind: 'patch'; patch: CorePatch };

/** What a UI holds: the only way the renderer reaches a host. */
export interface Bridge {
  readonly transport: 'ipc' | 'web';
  request<N extends BridgeRequestName>(name: N, payload: BridgeRequest<N>): Promise<BridgeReply<N>>;
  /** Receives a full snapshot first (and again after a reconnect), then patches. */
  onState(listener: (update: StateUpdate) => void): () => void;
}

/**
 * The most one socket.io message may carry, in bytes (the web host's
 * maxHttpBufferSize): the server parses a message whole before anything judges
 * it, so it refuses a bigger one by closing the socket. The web bridge refuses
 * such a request itself, with a reason, before sending it.
 */
export const MAX_BRIDGE_MESSAGE_BYTES = 256 * 1024;

/** Names on the wire, shared by the Electron preload, the socket.io server and the web bridge. */
export const BRIDGE_CHANNELS = {
  request: 'livecue:request',
  state: 'livecue:state',
  /** Electron only: the main process tells the overlay window about its own options (click-through on/off). */
  window: 'livecue:window',
} as const;
