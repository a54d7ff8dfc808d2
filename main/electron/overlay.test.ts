import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { defaultSettings } from '../../shared/api/settings.js';
import { appMenuTemplate } from './menu.js';
import { applyOverlaySettings, type OverlayControls } from './overlay.js';

class FakeOverlay implements OverlayControls {
  visible = false;
  readonly calls: string[] = [];
  setOpacity(opacity: number): void {
    this.calls.push(`opacity ${opacity}`);
  }
  setIgnoreMouseEvents(ignore: boolean, options?: { forward?: boolean }): void {
    this.calls.push(`ignore ${ignore}${options?.forward ? ' forward' : ''}`);
  }
  isVisible(): boolean {
    return this.visible;
  }
  showInactive(): void {
    this.visible = true;
    this.calls.push('show');
  }
  hide(): void {
    this.visible = false;
    this.calls.push('hide');
  }
}

describe('overlay settings', () => {
  it('set opacity and click-through, and show without taking focus', () => {
    const overlay = new FakeOverlay();
    applyOverlaySettings(overlay, { opacity: 0.8, clickThrough: true, visible: true });
    expect(overlay.calls).toEqual(['opacity 0.8', 'ignore true forward', 'show']);
    applyOverlaySettings(overlay, { opacity: 0.8, clickThrough: false, visible: false });
    expect(overlay.calls.slice(3)).toEqual(['opacity 0.8', 'ignore false', 'hide']);
  });
});

describe('application menu', () => {
  const actions = { showConsole: () => {}, toggleOverlay: () => {}, toggleClickThrough: () => {}, markMoment: () => {} };
  const windowMenu = (template: MenuItemConstructorOptions[]) => template.find((item) => Array.isArray(item.submenu) && item.submenu.some((i) => i.click))!;

  it('speaks the settings language and shows the hotkeys without registering them a second time', () => {
    const zh = windowMenu(appMenuTemplate('zh-CN', defaultSettings.hotkeys, actions, 'linux'));
    expect(zh.label).toBe('窗口');
    const items = zh.submenu as MenuItemConstructorOptions[];
    expect(items[1]).toMatchObject({ label: '显示/隐藏主播浮窗', accelerator: 'CommandOrControl+Alt+O', registerAccelerator: false });
    const en = windowMenu(appMenuTemplate('en', { ...defaultSettings.hotkeys, markMoment: '' }, actions, 'darwin'));
    const mark = (en.submenu as MenuItemConstructorOptions[]).find((item) => item.label === 'Mark a moment');
    expect(mark?.accelerator).toBeUndefined();
    expect(appMenuTemplate('en', defaultSettings.hotkeys, actions, 'darwin')[0]).toEqual({ role: 'appMenu' });
  });
});
