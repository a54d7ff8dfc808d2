import { selectNow, selectOnAirProduct, selectOnAirSince } from '../../state/selectors.js';
import { useAppStore } from '../app-context.js';

/** The product on air and for how long (event time), or null. */
export function useOnAir() {
  const product = useAppStore(selectOnAirProduct);
  const since = useAppStore(selectOnAirSince);
  const now = useAppStore(selectNow);
  if (product === null || since === null || now === null) return null;
  return { product, onAirMs: now - since };
}
