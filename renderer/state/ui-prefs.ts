/**
 * Preferences of this page only (not the host's settings), kept in
 * localStorage. Storage can be missing or refuse writes (private windows,
 * locked-down profiles): preferences then last for the page's life.
 */
export type UpColor = 'red' | 'green';

const UP_COLOR_KEY = 'livecue.upColor';

export function loadUpColor(storage: Storage | undefined): UpColor {
  try {
    return storage?.getItem(UP_COLOR_KEY) === 'green' ? 'green' : 'red';
  } catch {
    return 'red';
  }
}

export function saveUpColor(storage: Storage | undefined, color: UpColor): void {
  try {
    storage?.setItem(UP_COLOR_KEY, color);
  } catch {
    // Not persisted; the choice still applies to this page.
  }
}
