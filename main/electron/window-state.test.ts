import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultBounds,
  displayKey,
  emptyWindowState,
  isReachable,
  loadWindowState,
  rememberBounds,
  restoreBounds,
  saveWindowState,
  type DisplayLike,
} from './window-state.js';

const laptop: DisplayLike = { id: 1, workArea: { x: 0, y: 0, width: 1440, height: 876 } };
const monitor: DisplayLike = { id: 2, workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };
const overlayDefaults = { width: 420, height: 640, place: 'top-right' as const };
const consoleDefaults = { width: 1440, height: 900, place: 'center' as const };

describe('window places', () => {
  it('default: the overlay top-right, the console centred and no larger than the work area', () => {
    expect(defaultBounds(monitor, overlayDefaults)).toEqual({ x: 1440 + 2560 - 420 - 24, y: 24, width: 420, height: 640 });
    expect(defaultBounds(laptop, consoleDefaults)).toEqual({ x: 0, y: 0, width: 1440, height: 876 });
    expect(defaultBounds(monitor, consoleDefaults)).toEqual({ x: 1440 + 560, y: 250, width: 1440, height: 900 });
  });

  it('are remembered per display and restored on the display the window was last on', () => {
    let state = rememberBounds(emptyWindowState(), 'overlay', { x: 100, y: 100, width: 400, height: 600 }, laptop);
    state = rememberBounds(state, 'overlay', { x: 3000, y: 200, width: 380, height: 500 }, monitor);
    expect(state.overlay?.lastDisplay).toBe(displayKey(monitor));
    expect(restoreBounds(state.overlay, [laptop, monitor], laptop, overlayDefaults)).toEqual({ x: 3000, y: 200, width: 380, height: 500 });
    // Undocked: the monitor is gone, so the laptop's own place is used.
    expect(restoreBounds(state.overlay, [laptop], laptop, overlayDefaults)).toEqual({ x: 100, y: 100, width: 400, height: 600 });
  });

  it('treat a display whose work area changed size as another display', () => {
    const state = rememberBounds(emptyWindowState(), 'console', { x: 10, y: 10, width: 1000, height: 700 }, laptop);
    const resized = { id: 1, workArea: { x: 0, y: 0, width: 1280, height: 760 } };
    expect(restoreBounds(state.console, [resized], resized, consoleDefaults)).toEqual(defaultBounds(resized, consoleDefaults));
  });

  it('are not restored where the window could not be grabbed', () => {
    const offScreen = { x: 5000, y: 5000, width: 400, height: 600 };
    const sliver = { x: 1440 - 20, y: 100, width: 400, height: 600 };
    expect(isReachable(offScreen, [laptop])).toBe(false);
    expect(isReachable(sliver, [laptop])).toBe(false);
    expect(isReachable({ ...sliver, x: 1440 - 80 }, [laptop])).toBe(true);
    // A window left off the edge of the (still attached) laptop opens in its default place.
    const state = rememberBounds(emptyWindowState(), 'overlay', offScreen, laptop);
    expect(restoreBounds(state.overlay, [laptop], laptop, overlayDefaults)).toEqual(defaultBounds(laptop, overlayDefaults));
  });

  it('round-trip through the file, and a damaged or foreign file is the empty state', () => {
    const dir = mkdtempSync(join(tmpdir(), 'livecue-window-state-'));
    try {
      const file = join(dir, 'window-state.json');
      expect(loadWindowState(file)).toEqual(emptyWindowState());
      const state = rememberBounds(emptyWindowState(), 'console', { x: 1.4, y: 2.6, width: 1200, height: 800 }, laptop, true);
      saveWindowState(file, state);
      expect(loadWindowState(file)).toEqual(state);
      expect(loadWindowState(file).console?.byDisplay[displayKey(laptop)]).toEqual({ x: 1, y: 3, width: 1200, height: 800 });
      writeFileSync(file, '{"version":1,"console":{"byDisplay":{"1:1x1":{"x":"left"}}}}');
      expect(loadWindowState(file)).toEqual(emptyWindowState());
      writeFileSync(file, 'not json');
      expect(loadWindowState(file)).toEqual(emptyWindowState());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

