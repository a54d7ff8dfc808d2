/**
 * The console's own keys (active while the console window has focus):
 * 1–9 pin the Nth product, 0 unpins, M marks a moment, U / D mark the top
 * talking point used / dismissed, N moves the plan's rundown on, ? toggles the help.
 * They are single keys for speed, so they stay off while the user types.
 */
import type { MessageKey } from '../i18n/i18n.js';

export type ShortcutAction =
  | { kind: 'pinProduct'; position: number }
  | { kind: 'unpin' }
  | { kind: 'markMoment' }
  | { kind: 'markSuggestion'; outcome: 'used' | 'dismissed' }
  | { kind: 'advanceSegment' }
  | { kind: 'toggleHelp' }
  | { kind: 'closeHelp' };

/** The fields of a keydown the mapping reads. */
export type ShortcutKeyEvent = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'isComposing' | 'repeat' | 'target'>;

/** The keys as the help and the UI labels show them. */
export const shortcutHelp: readonly { keys: string; label: MessageKey }[] = [
  { keys: '1 – 9', label: 'shortcuts.pinProduct' },
  { keys: '0', label: 'shortcuts.unpin' },
  { keys: 'M', label: 'shortcuts.markMoment' },
  { keys: 'U', label: 'shortcuts.suggestionUsed' },
  { keys: 'D', label: 'shortcuts.suggestionDismiss' },
  { keys: 'N', label: 'shortcuts.advanceSegment' },
  { keys: '?', label: 'shortcuts.help' },
];

/** Products beyond the ninth have no key. */
export const MAX_PRODUCT_HOTKEY = 9;

export function shortcutFor(event: ShortcutKeyEvent): ShortcutAction | null {
  // Modified keys belong to the browser and the global hotkeys; an IME composing Chinese is typing; a held key must not re-pin.
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.repeat) return null;
  if (event.key === 'Escape') return { kind: 'closeHelp' };
  if (isTypingTarget(event.target)) return null;
  if (/^[1-9]$/.test(event.key)) return { kind: 'pinProduct', position: Number(event.key) };
  if (event.key === '0') return { kind: 'unpin' };
  if (event.key === 'm' || event.key === 'M') return { kind: 'markMoment' };
  if (event.key === 'u' || event.key === 'U') return { kind: 'markSuggestion', outcome: 'used' };
  if (event.key === 'd' || event.key === 'D') return { kind: 'markSuggestion', outcome: 'dismissed' };
  if (event.key === 'n' || event.key === 'N') return { kind: 'advanceSegment' };
  if (event.key === '?') return { kind: 'toggleHelp' };
  return null;
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (target === null || !('tagName' in target)) return false;
  const element = target as { tagName: string; isContentEditable?: boolean };
  return element.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}
