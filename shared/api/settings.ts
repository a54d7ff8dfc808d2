/**
 * The user's settings, as every host stores them and every UI edits them.
 * They cross a file and a process boundary, so they are a zod schema; the
 * gateway token never travels back to a UI (it sees `hasToken` only).
 */
import { z } from 'zod';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

export const demoScenarios = ['skincare', 'apparel'] as const;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Scheme and authority of an absolute URL (shared/ has no URL class: it runs without DOM or Node types). */
function urlParts(text: string): { scheme: string; authority: string } {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(text);
  return { scheme: match?.[1]?.toLowerCase() ?? '', authority: match?.[2]?.toLowerCase() ?? '' };
}
const hostOf = (authority: string) => authority.replace(/:\d*$/, '');

/**
 * The gateway's address. The token goes with every connection, so it must be
 * encrypted on the way (https/wss) unless the gateway is on this machine; and
 * credentials in the URL itself would be shown and stored as plain settings.
 */
const gatewayUrl = z
  .url({ protocol: /^(https?|wss?)$/ })
  .max(2_000)
  .refine((text) => !urlParts(text).authority.includes('@'), 'put the token in the token field, not in the address')
  .refine((text) => {
    const { scheme, authority } = urlParts(text);
    return scheme === 'https' || scheme === 'wss' || LOOPBACK_HOSTS.has(hostOf(authority));
  }, 'a gateway on another machine needs https:// or wss://, so the token is not sent in the clear');

const gatewaySourceSchema = z.object({
  kind: z.literal('gateway'),
  url: gatewayUrl,
  room: z.string().min(1).max(200),
});
const demoSourceSchema = z.object({
  kind: z.literal('demo'),
  scenario: z.enum(demoScenarios),
  /** Playback speed of the built-in demo room (1 = real time). */
  speed: z.number().min(1).max(1000),
});
export const sourceSettingsSchema = z.discriminatedUnion('kind', [demoSourceSchema, gatewaySourceSchema]);
export type SourceSettings = z.infer<typeof sourceSettingsSchema>;

/**
 * Accelerators in Electron's syntax ("CommandOrControl+Alt+1"). `pinProduct`
 * is a prefix: the digits 1-9 are appended to it.
 */
const accelerator = z
  .string()
  .max(80)
  .regex(/^[A-Za-z0-9+]*$/, 'an accelerator is keys joined by "+"');
export const hotkeysSchema = z.object({
  pinProductPrefix: accelerator,
  unpin: accelerator,
  markMoment: accelerator,
  toggleOverlay: accelerator,
  toggleClickThrough: accelerator,
  // Added after the first release: a settings file written before them still reads, with these defaults.
  suggestionUsed: accelerator.default('CommandOrControl+Alt+U'),
  suggestionDismissed: accelerator.default('CommandOrControl+Alt+D'),
});
export type Hotkeys = z.infer<typeof hotkeysSchema>;

export const overlaySettingsSchema = z.object({
  opacity: z.number().min(0.3).max(1),
  clickThrough: z.boolean(),
  visible: z.boolean(),
});

export const settingsSchema = z.object({
  language: z.enum(languages),
  source: sourceSettingsSchema,
  hotkeys: hotkeysSchema,
  overlay: overlaySettingsSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

/** What a UI may change: any part, and the gateway token as write-only. */
export const settingsUpdateSchema = z
  .object({
    language: z.enum(languages),
    source: sourceSettingsSchema,
    hotkeys: hotkeysSchema.partial(),
    overlay: overlaySettingsSchema.partial(),
    /** A new gateway token; an empty string forgets the stored one. */
    gatewayToken: z.string().max(4_000),
  })
  .partial()
  .strict();
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

/** Settings as a UI sees them. */
export interface SettingsView extends Settings {
  hasGatewayToken: boolean;
  /** How the token is kept: the OS keychain through Electron's safeStorage, or a file only this user can read. */
  tokenStorage: 'os-keychain' | 'private-file' | 'none';
  /** Where a host stores data, shown in settings so a user can find their database. */
  dataFolder: string;
}

export const defaultSettings: Settings = {
  language: 'zh-CN',
  source: { kind: 'demo', scenario: 'skincare', speed: 1 },
  hotkeys: {
    pinProductPrefix: 'CommandOrControl+Alt',
    unpin: 'CommandOrControl+Alt+0',
    markMoment: 'CommandOrControl+Alt+M',
    toggleOverlay: 'CommandOrControl+Alt+O',
    toggleClickThrough: 'CommandOrControl+Alt+T',
    suggestionUsed: 'CommandOrControl+Alt+U',
    suggestionDismissed: 'CommandOrControl+Alt+D',
  },
  overlay: { opacity: 0.92, clickThrough: false, visible: true },
};

/** Applies a validated update; the token is the host's business and is not part of Settings. */
export function applySettingsUpdate(current: Settings, update: SettingsUpdate): Settings {
  return settingsSchema.parse({
    language: update.language ?? current.language,
    source: update.source ?? current.source,
    hotkeys: { ...current.hotkeys, ...update.hotkeys },
    overlay: { ...current.overlay, ...update.overlay },
  });
}
