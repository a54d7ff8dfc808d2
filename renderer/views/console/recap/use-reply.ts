import { useEffect, useState } from 'react';
import type { BridgeRequest, BridgeRequestName, BridgeResponses } from '../../../../shared/api/bridge.js';
import { useBridge } from '../../app-context.js';

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; error: string } | { state: 'ready'; value: T };

/** One request's reply, asked again whenever the request changes; a reply to an earlier request is never shown for a later one. */
export function useReply<N extends BridgeRequestName>(name: N, payload: BridgeRequest<N>): Loaded<BridgeResponses[N]> {
  const bridge = useBridge();
  const body = JSON.stringify(payload);
  const [reply, setReply] = useState<{ body: string; loaded: Loaded<BridgeResponses[N]> } | null>(null);
  useEffect(() => {
    let mounted = true;
    void bridge.request(name, JSON.parse(body) as BridgeRequest<N>).then((r) => {
      if (mounted) setReply({ body, loaded: r.ok ? { state: 'ready', value: r.value } : { state: 'failed', error: r.error.message } });
    });
    return () => {
      mounted = false;
    };
  }, [bridge, name, body]);
  return reply?.body === body ? reply.loaded : { state: 'loading' };
}
