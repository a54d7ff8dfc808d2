import type { BridgeReply, BridgeRequest, BridgeRequestName, StateUpdate } from '../../shared/api/bridge.js';
import type { ClientBridge, TransportStatus } from '../bridge/client-bridge.js';
import { settingsView, T0 } from './fixtures.js';

type Handlers = { [N in BridgeRequestName]?: (payload: BridgeRequest<N>) => BridgeReply<N> };

/** A host in memory: records every request, answers from handlers a test can replace, pushes state on demand. */
export class FakeBridge implements ClientBridge {
  /** 'web' unless a test needs the Electron transport (a catalog file then travels in the request itself). */
  constructor(readonly transport: ClientBridge['transport'] = 'web') {}

  readonly requests: { name: BridgeRequestName; payload: unknown }[] = [];
  private readonly stateListeners = new Set<(update: StateUpdate) => void>();
  private readonly statusListeners = new Set<(status: TransportStatus) => void>();
  private status: TransportStatus = { state: 'connected' };

  readonly handlers: Handlers = {
    getSettings: () => ({ ok: true, value: settingsView() }),
    command: () => ({ ok: true, value: { ok: true } }),
    commentHistory: () => ({ ok: true, value: [] }),
    markComment: ({ commentId, answered }) => ({ ok: true, value: { commentId, answered } }),
    markMoment: () => ({ ok: true, value: { id: 1, at: T0, note: null } }),
    markSuggestion: ({ suggestionId, outcome }) => ({ ok: true, value: { suggestionId, kind: 'buyingPoint', line: '', reason: '', outcome, at: T0, text: null } }),
  };

  request<N extends BridgeRequestName>(name: N, payload: BridgeRequest<N>): Promise<BridgeReply<N>> {
    this.requests.push({ name, payload });
    const handler = this.handlers[name] as ((p: BridgeRequest<N>) => BridgeReply<N>) | undefined;
    return Promise.resolve(handler ? handler(payload) : { ok: false, error: { code: 'not_found', message: `no fake reply for ${name}` } });
  }

  onState(listener: (update: StateUpdate) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onTransportStatus(listener: (status: TransportStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  push(update: StateUpdate): void {
    for (const listener of this.stateListeners) listener(update);
  }

  setStatus(status: TransportStatus): void {
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }

  requestsNamed(name: BridgeRequestName): unknown[] {
    return this.requests.filter((r) => r.name === name).map((r) => r.payload);
  }
}
