import { describe, expect, it } from 'vitest';
import { acceleratorFromKey, acceleratorLabel, type AcceleratorKeyEvent } from './accelerator.js';

const key = (k: string, code: string, mods: Partial<AcceleratorKeyEvent> = {}): AcceleratorKeyEvent => ({
  key: k,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('acceleratorFromKey', () => {
  it('records a combination in Electron’s syntax from the physical key', () => {
    expect(acceleratorFromKey(key('µ', 'KeyM', { ctrlKey: true, altKey: true }))).toBe('CommandOrControl+Alt+M');
    expect(acceleratorFromKey(key('!', 'Digit1', { metaKey: true, shiftKey: true }))).toBe('CommandOrControl+Shift+1');
    expect(acceleratorFromKey(key('F5', 'F5'))).toBe('F5');
  });

  it('waits while only modifiers are down, unless modifiers are the whole accelerator', () => {
    expect(acceleratorFromKey(key('Control', 'ControlLeft', { ctrlKey: true }))).toBeNull();
    expect(acceleratorFromKey(key('Alt', 'AltLeft', { ctrlKey: true, altKey: true }), true)).toBe('CommandOrControl+Alt');
  });

  it('reads back for people', () => {
    expect(acceleratorLabel('CommandOrControl+Alt+M')).toBe('Ctrl/⌘ + Alt + M');
    expect(acceleratorLabel('')).toBe('—');
  });
});
