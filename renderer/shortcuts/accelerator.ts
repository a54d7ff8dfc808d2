/**
 * Global hotkeys are stored in Electron's accelerator syntax
 * ("CommandOrControl+Alt+M"). The settings screen records them from a key
 * press rather than asking users to type that syntax.
 */

export type AcceleratorKeyEvent = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

const MODIFIER_KEYS = new Set(['Control', 'Meta', 'Alt', 'Shift', 'AltGraph']);

/**
 * The accelerator a key press stands for, or null while only modifiers are
 * down. With `modifiersOnly` (the pin prefix, to which 1–9 are appended) the
 * modifiers are the whole accelerator and the key itself is ignored.
 */
export function acceleratorFromKey(event: AcceleratorKeyEvent, modifiersOnly = false): string | null {
  const parts: string[] = [];
  // Ctrl on Windows and Linux, Cmd on macOS: one setting for both.
  if (event.ctrlKey || event.metaKey) parts.push('CommandOrControl');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey) parts.push('Shift');
  if (modifiersOnly) return parts.length > 0 ? parts.join('+') : null;
  if (MODIFIER_KEYS.has(event.key)) return null;
  const key = keyName(event);
  return key === null ? null : [...parts, key].join('+');
}

/** The key as Electron names it, from the physical key so Shift or Alt do not change it ("Alt+M", not "Alt+µ"). */
function keyName({ code }: AcceleratorKeyEvent): string | null {
  const letterOrDigit = /^(?:Key([A-Z])|Digit([0-9])|Numpad([0-9]))$/.exec(code);
  if (letterOrDigit) return letterOrDigit[1] ?? letterOrDigit[2] ?? `num${letterOrDigit[3]}`;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  const named: Record<string, string> = { Space: 'Space', Tab: 'Tab', Enter: 'Enter', ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right', Home: 'Home', End: 'End', PageUp: 'PageUp', PageDown: 'PageDown', Insert: 'Insert', Delete: 'Delete' };
  return named[code] ?? null;
}

/** An accelerator as a person reads it: "Ctrl/⌘ + Alt + M". */
export function acceleratorLabel(accelerator: string): string {
  return accelerator === '' ? '—' : accelerator.replace(/CommandOrControl/g, 'Ctrl/⌘').split('+').join(' + ');
}
