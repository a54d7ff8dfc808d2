import { useEffect, useState } from 'react';
import type { BridgeRequest, BridgeRequestName, BridgeResponses } from '../../../../shared/api/bridge.js';
import { useBridge } from '../../app-context.js';

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; error: string } | { state: 'ready'; value: T };

/**
 * One request's reply, asked again whenever the request changes or `retry` is called (after a failure: the host
 * was busy or not connected yet); a reply to an earlier request is never shown for a later one.
 */
export function useReply<N extends BridgeRequestName>(name: N, payload: BridgeRequest<N>): Loaded<BridgeResponses[N]> & { retry(): void } {
  const bridge = useBridge();
  const [attempt, setAttempt] = useState(0);
  const body = `${attempt}:${JSON.stringify(payload)}`;
  const [reply, setReply] = useState<{ body: string; loaded: Loaded<BridgeResponses[N]> } | null>(null);
  useEffect(() => {
    let mounted = true;
    void bridge.request(name, JSON.parse(body.slice(body.indexOf(':') + 1)) as BridgeRequest<N>).then((r) => {
      if (mounted) setReply({ body, loaded: r.ok ? { state: 'ready', value: r.value } : { state: 'failed', error: r.error.message } });
    });
    return () => {
      mounted = false;
    };
  }, [bridge, name, body]);
  const retry = () => setAttempt((n) => n + 1);
  return { ...(reply?.body === body ? reply.loaded : { state: 'loading' as const }), retry };
}
