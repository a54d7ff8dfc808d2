/**
 * Global hotkeys from settings.hotkeys: pin product 1-9 (the prefix plus a
 * digit), unpin, mark a moment, show/hide the overlay, click-through on/off,
 * mark the top talking point used or dismissed, and advance the plan's rundown.
 * Which accelerator means what, and what each action asks of the core, are
 * pure functions; registration goes through an injected registry
 * (Electron's globalShortcut), and what could not be registered (taken by
 * another app, malformed, a duplicate) is returned so the host can say so.
 */
import type { BridgeRequest, BridgeRequestName } from '../../shared/api/bridge.js';
import type { CoreSnapshot } from '../../shared/api/contract.js';
import type { Hotkeys, Language, Settings } from '../../shared/api/settings.js';

export type HotkeyAction =
  | { kind: 'pinProduct'; slot: number }
  | { kind: 'unpinProduct' }
  | { kind: 'markMoment' }
  | { kind: 'toggleOverlay' }
  | { kind: 'toggleClickThrough' }
  /** The host's top talking point (the one the overlay shows), marked without leaving the stream software. */
  | { kind: 'markTopSuggestion'; outcome: 'used' | 'dismissed' }
  /** The live plan's rundown: on to the next segment, as the console's button does. */
  | { kind: 'advanceSegment' };

export interface HotkeyBinding {
  accelerator: string;
  action: HotkeyAction;
}

export interface HotkeyFailure extends HotkeyBinding {
  reason: 'taken' | 'invalid' | 'duplicate';
}

export const PIN_SLOTS = 9;

const MODIFIERS: Record<string, string> = {
  command: 'command',
  cmd: 'command',
  control: 'control',
  ctrl: 'control',
  commandorcontrol: 'commandorcontrol',
  cmdorctrl: 'commandorcontrol',
  alt: 'alt',
  option: 'alt',
  altgr: 'altgr',
  shift: 'shift',
  super: 'super',
  meta: 'super',
};

/**
 * One spelling per key combination ("Ctrl+Alt+m" = "Alt+Control+M"), or
 * null when it is not an accelerator: empty parts, no key, a modifier as
 * the key, or a key before a modifier.
 */
export function normalizeAccelerator(accelerator: string): string | null {
  const parts = accelerator.split('+').map((part) => part.toLowerCase());
  const key = parts.pop();
  if (!key || MODIFIERS[key] || parts.length === 0 || parts.some((part) => !MODIFIERS[part])) return null;
  const modifiers = [...new Set(parts.map((part) => MODIFIERS[part] as string))].sort();
  return [...modifiers, key].join('+');
}

/** Every binding the settings ask for, in a fixed order; an empty accelerator turns its hotkey off. */
export function hotkeyBindings(hotkeys: Hotkeys): HotkeyBinding[] {
  const bindings: HotkeyBinding[] = [];
  if (hotkeys.pinProductPrefix !== '') {
    for (let slot = 1; slot <= PIN_SLOTS; slot++) {
      bindings.push({ accelerator: `${hotkeys.pinProductPrefix}+${slot}`, action: { kind: 'pinProduct', slot } });
    }
  }
  const single: [keyof Omit<Hotkeys, 'pinProductPrefix'>, HotkeyAction][] = [
    ['unpin', { kind: 'unpinProduct' }],
    ['markMoment', { kind: 'markMoment' }],
    ['toggleOverlay', { kind: 'toggleOverlay' }],
    ['toggleClickThrough', { kind: 'toggleClickThrough' }],
    ['suggestionUsed', { kind: 'markTopSuggestion', outcome: 'used' }],
    ['suggestionDismissed', { kind: 'markTopSuggestion', outcome: 'dismissed' }],
    ['advanceSegment', { kind: 'advanceSegment' }],
  ];
  for (const [name, action] of single) if (hotkeys[name] !== '') bindings.push({ accelerator: hotkeys[name], action });
  return bindings;
}

export type CoreRequest = { [N in BridgeRequestName]: { name: N; payload: BridgeRequest<N> } }[BridgeRequestName];

/** What a hotkey asks of the core, or null when there is nothing to do (no product in that slot yet). */
export function hotkeyRequest(action: HotkeyAction, snapshot: CoreSnapshot | null, settings: Pick<Settings, 'overlay'>): CoreRequest | null {
  switch (action.kind) {
    case 'pinProduct': {
      // Slots follow the session's product line-up, as the console lists it.
      const product = snapshot?.products[action.slot - 1];
      return product ? { name: 'command', payload: { name: 'pinProduct', input: { productId: product.id } } } : null;
    }
    case 'unpinProduct':
      return { name: 'command', payload: { name: 'unpinProduct', input: {} } };
    case 'markMoment':
      return { name: 'markMoment', payload: {} };
    case 'toggleOverlay':
      return { name: 'updateSettings', payload: { overlay: { visible: !settings.overlay.visible } } };
    case 'toggleClickThrough':
      return { name: 'updateSettings', payload: { overlay: { clickThrough: !settings.overlay.clickThrough } } };
    case 'markTopSuggestion': {
      const top = snapshot?.suggestions[0];
      return top ? { name: 'markSuggestion', payload: { suggestionId: top.id, outcome: action.outcome } } : null;
    }
    case 'advanceSegment':
      return snapshot?.plan?.runs.length ? { name: 'advanceSegment', payload: {} } : null;
  }
}

/** Electron's globalShortcut fits this. */
export interface ShortcutRegistry {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export interface HotkeyRegistration {
  readonly registered: readonly HotkeyBinding[];
  readonly failed: readonly HotkeyFailure[];
  dispose(): void;
}

export function registerHotkeys(registry: ShortcutRegistry, hotkeys: Hotkeys, run: (action: HotkeyAction) => void): HotkeyRegistration {
  const registered: HotkeyBinding[] = [];
  const failed: HotkeyFailure[] = [];
  const seen = new Set<string>();
  for (const binding of hotkeyBindings(hotkeys)) {
    const normal = normalizeAccelerator(binding.accelerator);
    if (normal === null) {
      failed.push({ ...binding, reason: 'invalid' });
      continue;
    }
    if (seen.has(normal)) {
      failed.push({ ...binding, reason: 'duplicate' });
      continue;
    }
    seen.add(normal);
    let ok: boolean;
    try {
      ok = registry.register(binding.accelerator, () => run(binding.action));
    } catch {
      // Electron throws on accelerators it cannot parse (an unknown key name).
      failed.push({ ...binding, reason: 'invalid' });
      continue;
    }
    if (ok) registered.push(binding);
    else failed.push({ ...binding, reason: 'taken' });
  }
  return {
    registered,
    failed,
    dispose() {
      for (const { accelerator } of registered) registry.unregister(accelerator);
      registered.length = 0;
    },
  };
}

export function describeFailure(failure: HotkeyFailure): string {
  const why = { taken: 'is used by another application', invalid: 'is not a valid key combination', duplicate: 'is already used by another LiveCue hotkey' };
  return `hotkey ${failure.accelerator} (${failure.action.kind}${failure.action.kind === 'pinProduct' ? ` ${failure.action.slot}` : ''}) ${why[failure.reason]}`;
}

/** One line for a desktop notification, in the settings' language: which hotkeys do nothing, and where to change them. */
export function hotkeyFailureNotice(language: Language, failed: readonly HotkeyFailure[]): string {
  const keys = failed.map((failure) => failure.accelerator).join(', ');
  return language === 'zh-CN'
    ? `以下快捷键不可用（被其他程序占用、重复或无效）：${keys}。可在设置中修改。`
    : `These hotkeys do not work (used by another app, duplicated or invalid): ${keys}. Change them in Settings.`;
}
