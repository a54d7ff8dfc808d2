/** Selectors shared by several views; each returns a primitive or a part of the state as held, never a new object. */
import type { Language } from '../../shared/api/settings.js';
import type { WanDecimals } from '../../shared/format/numbers.js';
import type { ProductView } from '../../shared/api/contract.js';
import type { AppState } from './app-state.js';

export const selectLanguage = (s: AppState): Language => s.settings?.language ?? 'zh-CN';
/** Decimals of compact figures (1.2万 or 1.23万), a display setting. */
export const selectWanDecimals = (s: AppState): WanDecimals => s.settings?.wanDecimals ?? 1;

export const selectOnAirProduct = (s: AppState): ProductView | null => {
  const onAir = s.snapshot?.onAir;
  return onAir ? (s.snapshot!.products.find((p) => p.id === onAir.productId) ?? null) : null;
};

export const selectOnAirSince = (s: AppState): number | null => s.snapshot?.onAir?.since ?? null;
export const selectNow = (s: AppState): number | null => s.snapshot?.now ?? null;

/**
 * How long the session has been on air by the live room's own clock (its latest
 * event time against the session's start), the whole duration once it has ended.
 */
export const selectTimeOnAir = (s: AppState): number | null => {
  const session = s.snapshot?.session;
  return session ? Math.max(0, (session.endedAt ?? s.snapshot!.now) - session.startedAt) : null;
};

/** What a whole view should show instead of live figures, if anything. */
export type ViewPhase = 'unauthorized' | 'loading' | 'waiting' | 'live' | 'ended';

export const selectViewPhase = (s: AppState): ViewPhase => {
  if (s.transport.state === 'unauthorized') return 'unauthorized';
  if (s.snapshot === null) return 'loading';
  if (s.snapshot.session === null) return 'waiting';
  return s.snapshot.session.endedAt !== null || s.snapshot.connection.state === 'ended' ? 'ended' : 'live';
};
