import { describe, expect, it } from 'vitest';
import { shortcutFor, type ShortcutKeyEvent } from './keymap.js';

const press = (key: string, extra: Partial<ShortcutKeyEvent> = {}) =>
  shortcutFor({ key, ctrlKey: false, metaKey: false, altKey: false, isComposing: false, repeat: false, target: null, ...extra });
const field = (tagName: string) => ({ tagName }) as unknown as EventTarget;

describe('shortcutFor', () => {
  it('maps 1–9 to the product at that position and 0 to unpin', () => {
    expect(press('1')).toEqual({ kind: 'pinProduct', position: 1 });
    expect(press('9')).toEqual({ kind: 'pinProduct', position: 9 });
    expect(press('0')).toEqual({ kind: 'unpin' });
  });

  it('maps M (either case) to a moment and ? to the help', () => {
    expect(press('m')).toEqual({ kind: 'markMoment' });
    expect(press('M')).toEqual({ kind: 'markMoment' });
    expect(press('u')).toEqual({ kind: 'markSuggestion', outcome: 'used' });
    expect(press('D')).toEqual({ kind: 'markSuggestion', outcome: 'dismissed' });
    expect(press('?')).toEqual({ kind: 'toggleHelp' });
    expect(press('x')).toBeNull();
  });

  it('stays off while typing in a field or composing with an input method', () => {
    expect(press('1', { target: field('INPUT') })).toBeNull();
    expect(press('m', { target: field('TEXTAREA') })).toBeNull();
    expect(press('0', { target: { tagName: 'DIV', isContentEditable: true } as unknown as EventTarget })).toBeNull();
    expect(press('1', { isComposing: true })).toBeNull();
    expect(press('1', { target: field('BUTTON') })).toEqual({ kind: 'pinProduct', position: 1 });
  });

  it('leaves modified and held keys alone', () => {
    expect(press('1', { ctrlKey: true })).toBeNull();
    expect(press('m', { metaKey: true })).toBeNull();
    expect(press('1', { repeat: true })).toBeNull();
  });

  it('closes the help with Escape, even from a field', () => {
    expect(press('Escape', { target: field('INPUT') })).toEqual({ kind: 'closeHelp' });
  });
});
