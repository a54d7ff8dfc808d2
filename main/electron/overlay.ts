/**
 * Applies settings.overlay to the overlay window: opacity, click-through
 * (mouse events pass to the streaming software beneath; `forward` keeps
 * hover effects working) and whether it is shown. Shown without focus, so
 * toggling it never takes the keyboard from the streaming software.
 */
import type { Settings } from '../../shared/api/settings.js';

/** The BrowserWindow methods used; Electron's BrowserWindow fits it. */
export interface OverlayControls {
  setOpacity(opacity: number): void;
  setIgnoreMouseEvents(ignore: boolean, options?: { forward?: boolean }): void;
  isVisible(): boolean;
  showInactive(): void;
  hide(): void;
}

export function applyOverlaySettings(window: OverlayControls, overlay: Settings['overlay']): void {
  window.setOpacity(overlay.opacity);
  window.setIgnoreMouseEvents(overlay.clickThrough, overlay.clickThrough ? { forward: true } : undefined);
  if (overlay.visible && !window.isVisible()) window.showInactive();
  if (!overlay.visible && window.isVisible()) window.hide();
}
