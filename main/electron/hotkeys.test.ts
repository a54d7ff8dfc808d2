import { describe, expect, it } from 'vitest';
import type { CoreSnapshot, ProductView } from '../../shared/api/contract.js';
import { defaultSettings, type Hotkeys } from '../../shared/api/settings.js';
import {
  describeFailure,
  hotkeyBindings,
  hotkeyFailureNotice,
  hotkeyRequest,
  normalizeAccelerator,
  registerHotkeys,
  type HotkeyAction,
  type ShortcutRegistry,
} from './hotkeys.js';

const hotkeys = defaultSettings.hotkeys;

const product = (id: string): ProductView => ({ id, title: id, price: 100, coupon: null, exposureUsers: 0, clickUsers: 0, paidOrders: 0, buyers: 0, gmv: 0 });
const snapshotWith = (ids: string[]): CoreSnapshot => ({ products: ids.map(product) }) as unknown as CoreSnapshot;

describe('hotkey bindings', () => {
  it('map the prefix plus 1-9 to the product slots and the rest to their actions', () => {
    const bindings = hotkeyBindings(hotkeys);
    expect(bindings).toHaveLength(16);
    expect(bindings[0]).toEqual({ accelerator: 'CommandOrControl+Alt+1', action: { kind: 'pinProduct', slot: 1 } });
    expect(bindings[8]).toEqual({ accelerator: 'CommandOrControl+Alt+9', action: { kind: 'pinProduct', slot: 9 } });
    expect(bindings.slice(9)).toEqual([
      { accelerator: 'CommandOrControl+Alt+0', action: { kind: 'unpinProduct' } },
      { accelerator: 'CommandOrControl+Alt+M', action: { kind: 'markMoment' } },
      { accelerator: 'CommandOrControl+Alt+O', action: { kind: 'toggleOverlay' } },
      { accelerator: 'CommandOrControl+Alt+T', action: { kind: 'toggleClickThrough' } },
      { accelerator: 'CommandOrControl+Alt+U', action: { kind: 'markTopSuggestion', outcome: 'used' } },
      { accelerator: 'CommandOrControl+Alt+D', action: { kind: 'markTopSuggestion', outcome: 'dismissed' } },
      { accelerator: 'CommandOrControl+Alt+N', action: { kind: 'advanceSegment' } },
    ]);
  });

  it('advance the plan only while a rundown runs', () => {
    const settings = { overlay: defaultSettings.overlay };
    expect(hotkeyRequest({ kind: 'advanceSegment' }, snapshotWith([]), settings)).toBeNull();
    const running = { ...snapshotWith([]), plan: { runs: [{ segmentId: 's1', startedAt: 1, endedAt: null, by: 'clock' }] } } as unknown as CoreSnapshot;
    expect(hotkeyRequest({ kind: 'advanceSegment' }, running, settings)).toEqual({ name: 'advanceSegment', payload: {} });
  });

  it('leave out hotkeys set to nothing', () => {
    const bindings = hotkeyBindings({ ...hotkeys, pinProductPrefix: '', markMoment: '' });
    expect(bindings.map((b) => b.action.kind)).toEqual(['unpinProduct', 'toggleOverlay', 'toggleClickThrough', 'markTopSuggestion', 'markTopSuggestion', 'advanceSegment']);
  });

  it('spell one combination one way', () => {
    expect(normalizeAccelerator('Ctrl+Alt+m')).toBe(normalizeAccelerator('Alt+Control+M'));
    expect(normalizeAccelerator('CmdOrCtrl+Shift+1')).toBe('commandorcontrol+shift+1');
    expect(normalizeAccelerator('Option+F5')).toBe('alt+f5');
    for (const bad of ['', 'M', 'Ctrl+', '+M', 'Ctrl++M', 'Ctrl+Alt', 'M+Ctrl', 'Hyper+M']) expect(normalizeAccelerator(bad), bad).toBeNull();
  });
});

describe('hotkey requests', () => {
  const settings = { overlay: { opacity: 0.9, clickThrough: false, visible: true } };

  it('pin the Nth product of the line-up, and nothing when the slot is empty', () => {
    const snapshot = snapshotWith(['p-a', 'p-b', 'p-c']);
    expect(hotkeyRequest({ kind: 'pinProduct', slot: 2 }, snapshot, settings)).toEqual({
      name: 'command',
      payload: { name: 'pinProduct', input: { productId: 'p-b' } },
    });
    expect(hotkeyRequest({ kind: 'pinProduct', slot: 4 }, snapshot, settings)).toBeNull();
    expect(hotkeyRequest({ kind: 'pinProduct', slot: 1 }, null, settings)).toBeNull();
  });

  it('mark the top talking point (the one the overlay shows), and nothing when there is none', () => {
    const snapshot = { suggestions: [{ id: 'qa:price' }, { id: 'welcome' }] } as unknown as CoreSnapshot;
    expect(hotkeyRequest({ kind: 'markTopSuggestion', outcome: 'used' }, snapshot, settings)).toEqual({
      name: 'markSuggestion',
      payload: { suggestionId: 'qa:price', outcome: 'used' },
    });
    expect(hotkeyRequest({ kind: 'markTopSuggestion', outcome: 'dismissed' }, { suggestions: [] } as unknown as CoreSnapshot, settings)).toBeNull();
  });

  it('unpin, mark a moment, and flip the overlay settings', () => {
    expect(hotkeyRequest({ kind: 'unpinProduct' }, null, settings)).toEqual({ name: 'command', payload: { name: 'unpinProduct', input: {} } });
    expect(hotkeyRequest({ kind: 'markMoment' }, null, settings)).toEqual({ name: 'markMoment', payload: {} });
    expect(hotkeyRequest({ kind: 'toggleOverlay' }, null, settings)).toEqual({ name: 'updateSettings', payload: { overlay: { visible: false } } });
    expect(hotkeyRequest({ kind: 'toggleClickThrough' }, null, settings)).toEqual({
      name: 'updateSettings',
      payload: { overlay: { clickThrough: true } },
    });
  });
});

class FakeRegistry implements ShortcutRegistry {
  readonly active = new Map<string, () => void>();
  constructor(
    private readonly taken: string[] = [],
    private readonly unparsable: string[] = [],
  ) {}
  register(accelerator: string, callback: () => void): boolean {
    if (this.unparsable.includes(accelerator)) throw new Error(`conversion failure from ${accelerator}`);
    if (this.taken.includes(accelerator) || this.active.has(accelerator)) return false;
    this.active.set(accelerator, callback);
    return true;
  }
  unregister(accelerator: string): void {
    this.active.delete(accelerator);
  }
}

describe('hotkey registration', () => {
  it('registers every binding and runs its action', () => {
    const registry = new FakeRegistry();
    const ran: HotkeyAction[] = [];
    const registration = registerHotkeys(registry, hotkeys, (action) => ran.push(action));
    expect(registration.failed).toEqual([]);
    expect(registry.active.size).toBe(16);
    registry.active.get('CommandOrControl+Alt+3')?.();
    registry.active.get('CommandOrControl+Alt+T')?.();
    expect(ran).toEqual([{ kind: 'pinProduct', slot: 3 }, { kind: 'toggleClickThrough' }]);
    registration.dispose();
    expect(registry.active.size).toBe(0);
  });

  it('reports taken, invalid and duplicate accelerators and registers the rest', () => {
    const registry = new FakeRegistry(['CommandOrControl+Alt+M'], ['Ctrl+Alt+Bogus']);
    const custom: Hotkeys = { ...hotkeys, toggleOverlay: 'Ctrl+Alt+Bogus', toggleClickThrough: 'Alt+CommandOrControl+0', unpin: 'CommandOrControl+Alt+0' };
    const { failed, registered } = registerHotkeys(registry, { ...custom, markMoment: 'CommandOrControl+Alt+M' }, () => {});
    expect(failed.map((f) => [f.accelerator, f.reason])).toEqual([
      ['CommandOrControl+Alt+M', 'taken'],
      ['Ctrl+Alt+Bogus', 'invalid'],
      ['Alt+CommandOrControl+0', 'duplicate'],
    ]);
    expect(registered).toHaveLength(13);
    expect(describeFailure(failed[0]!)).toBe('hotkey CommandOrControl+Alt+M (markMoment) is used by another application');
    expect(hotkeyFailureNotice('zh-CN', failed)).toContain('CommandOrControl+Alt+M');
    expect(hotkeyFailureNotice('en', failed)).toMatch(/^These hotkeys do not work/);
  });

  it('reports a malformed accelerator without asking the registry', () => {
    const registry = new FakeRegistry();
    const { failed } = registerHotkeys(registry, { ...hotkeys, markMoment: 'Ctrl+' }, () => {});
    expect(failed).toEqual([{ accelerator: 'Ctrl+', action: { kind: 'markMoment' }, reason: 'invalid' }]);
    expect(registry.active.has('Ctrl+')).toBe(false);
  });
});
