/**
 * Where each window was, per display: userData/window-state.json keeps the
 * bounds of the console and the overlay for every display they were on
 * (keyed by display id and work-area size, so a laptop docked to a
 * different monitor does not inherit another screen's place). Bounds are
 * restored only where they still overlap a display's work area enough to
 * grab the window; otherwise the window gets its default place. Pure
 * functions plus a small file store; no Electron.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayLike {
  id: number;
  workArea: Rect;
}

export type WindowRole = 'console' | 'overlay';

const rectSchema = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
});
const windowEntrySchema = z.object({
  lastDisplay: z.string().max(100).optional(),
  byDisplay: z.record(z.string().max(100), rectSchema),
  maximized: z.boolean().optional(),
});
export const windowStateSchema = z.object({
  version: z.literal(1),
  console: windowEntrySchema.optional(),
  overlay: windowEntrySchema.optional(),
});
export type WindowState = z.infer<typeof windowStateSchema>;
export type WindowEntry = z.infer<typeof windowEntrySchema>;

export const emptyWindowState = (): WindowState => ({ version: 1 });

/** A window must keep at least this much inside a work area to be restored there (enough to grab it). */
export const MIN_VISIBLE = { width: 64, height: 48 };

export const displayKey = (display: DisplayLike): string => `${display.id}:${display.workArea.width}x${display.workArea.height}`;

export function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

export function isReachable(bounds: Rect, displays: readonly DisplayLike[]): boolean {
  return displays.some((display) => {
    const visible = overlap(bounds, display.workArea);
    return visible.width >= Math.min(MIN_VISIBLE.width, bounds.width) && visible.height >= Math.min(MIN_VISIBLE.height, bounds.height);
  });
}

export interface DefaultPlace {
  width: number;
  height: number;
  /** The console opens centred; the overlay in the top-right corner, clear of the streaming software's centre. */
  place: 'center' | 'top-right';
}

export function defaultBounds(primary: DisplayLike, defaults: DefaultPlace, margin = 24): Rect {
  const area = primary.workArea;
  const width = Math.min(defaults.width, area.width);
  const height = Math.min(defaults.height, area.height);
  if (defaults.place === 'top-right') {
    return { x: area.x + Math.max(0, area.width - width - margin), y: area.y + Math.min(margin, area.height - height), width, height };
  }
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
}

/**
 * The bounds to open a window with: those saved for the display it was last
 * on, if that display is still attached; else those saved for any attached
 * display (the primary first); else the default place on the primary.
 * Saved bounds that are no longer reachable are skipped.
 */
export function restoreBounds(entry: WindowEntry | undefined, displays: readonly DisplayLike[], primary: DisplayLike, defaults: DefaultPlace): Rect {
  if (entry) {
    const attached = new Set(displays.map(displayKey));
    const order = [entry.lastDisplay, displayKey(primary), ...displays.map(displayKey)];
    for (const key of order) {
      if (key === undefined || !attached.has(key)) continue;
      const saved = entry.byDisplay[key];
      if (saved && isReachable(saved, displays)) return saved;
    }
  }
  return defaultBounds(primary, defaults);
}

/** Records where a window is now, on the display it is (mostly) on. */
export function rememberBounds(state: WindowState, role: WindowRole, bounds: Rect, display: DisplayLike, maximized = false): WindowState {
  const key = displayKey(display);
  const entry = state[role] ?? { byDisplay: {} };
  const rounded = { x: Math.round(bounds.x), y: Math.round(bounds.y), width: Math.round(bounds.width), height: Math.round(bounds.height) };
  return { ...state, [role]: { lastDisplay: key, byDisplay: { ...entry.byDisplay, [key]: rounded }, maximized } };
}

/** Reads the file; a missing, damaged or foreign file is the empty state (window places are not worth a warning). */
export function loadWindowState(file: string): WindowState {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : emptyWindowState();
  } catch {
    return emptyWindowState();
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temporary, file);
}
