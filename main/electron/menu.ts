/**
 * The application menu: the platform's standard roles (copy/paste need an
 * Edit menu on macOS) and a window menu with the overlay actions, showing
 * their hotkeys. Labels follow the settings' language. The accelerators are
 * only displayed: the global shortcuts are registered by hotkeys.ts.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Hotkeys, Language } from '../../shared/api/settings.js';

const LABELS = {
  'zh-CN': {
    edit: '编辑',
    view: '视图',
    window: '窗口',
    showConsole: '显示控制台',
    toggleOverlay: '显示/隐藏主播浮窗',
    toggleClickThrough: '浮窗点击穿透',
    markMoment: '标记时刻',
  },
  en: {
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    showConsole: 'Show console',
    toggleOverlay: 'Show/hide host overlay',
    toggleClickThrough: 'Overlay click-through',
    markMoment: 'Mark a moment',
  },
} as const satisfies Record<Language, Record<string, string>>;

export interface MenuActions {
  showConsole(): void;
  toggleOverlay(): void;
  toggleClickThrough(): void;
  markMoment(): void;
}

export function appMenuTemplate(language: Language, hotkeys: Hotkeys, actions: MenuActions, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const label = LABELS[language];
  const shown = (accelerator: string) => (accelerator === '' ? {} : { accelerator, registerAccelerator: false });
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: label.edit, role: 'editMenu' },
    { label: label.view, submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }] },
    {
      label: label.window,
      submenu: [
        { label: label.showConsole, click: actions.showConsole },
        { label: label.toggleOverlay, click: actions.toggleOverlay, ...shown(hotkeys.toggleOverlay) },
        { label: label.toggleClickThrough, click: actions.toggleClickThrough, ...shown(hotkeys.toggleClickThrough) },
        { label: label.markMoment, click: actions.markMoment, ...shown(hotkeys.markMoment) },
        { type: 'separator' },
        { role: 'minimize' },
        { role: platform === 'darwin' ? 'close' : 'quit' },
      ],
    },
  ];
}
