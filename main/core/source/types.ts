/**
 * What every producer of live-room events looks like to the core: the
 * socket.io gateway client today, platform adapters later.
 */
import type { Command, CommandReply, End, Gap, Hello, Product } from '../../../shared/protocol/index.js';

import type { ConnectionStateName } from '../../../shared/api/contract.js';

/** The API's list of states: the source publishes exactly what hosts show. */
export type ConnectionState = ConnectionStateName;

export interface ConnectionStatus {
  state: ConnectionState;
  /** Reconnect attempts since the last time the source was live. */
  attempt: number;
  /** The last error, in words a user can act on (e.g. "wrong access token"). */
  error?: string;
  /** Machine-readable reason when state is `failed`. */
  code?: 'unauthorized' | 'unknown_room' | 'unreachable' | 'protocol' | 'store';
}

export interface ResumePoint {
  session: string;
  afterSeq: number;
}

/** Callbacks from a source. Payloads are validated except `events`, which the ingest pipeline validates in bulk. */
export interface SourceListener {
  hello(hello: Hello): void;
  /** One raw `events` payload, untrusted, as received. */
  events(payload: unknown, receivedAt: number): void;
  products(products: Product[]): void;
  gap(gap: Gap): void;
  end(end: End): void;
  /** Server time from a heartbeat: time passing while no events come. */
  serverTime(serverTime: number): void;
  status(status: ConnectionStatus): void;
  /** A message that failed validation (other than events): logged, never fatal. */
  protocolError(message: string, detail: string): void;
}

/**
 * Codes a source itself puts in a `CommandReply` when the gateway gave no
 * usable answer (the gateway's own codes pass through unchanged).
 */
export type SourceCommandErrorCode = 'offline' | 'timeout' | 'bad_reply';

export interface LiveSource {
  /**
   * Connects and keeps connected. `resumePoint` is asked before every
   * (re)connection so a reconnect resumes after the last *stored* seq.
   */
  start(listener: SourceListener, resumePoint: () => ResumePoint | undefined): void;
  /** Tells the gateway everything up to `seq` of `session` is durably stored. */
  ack(session: string, seq: number): void;
  /** Sends a command and resolves with the gateway's answer (or a timeout error reply). */
  command(command: Command): Promise<CommandReply>;
  stop(): Promise<void>;
}
