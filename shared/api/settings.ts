/**
 * The user's settings, as every host stores them and every UI edits them.
 * They cross a file and a process boundary, so they are a zod schema; the
 * gateway token never travels back to a UI (it sees `hasToken` only).
 */
import { z } from 'zod';
import { metricKeys, type MetricKey } from '../metrics/keys.js';

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
 * An address a secret (a token, an API key) is sent to: it must be encrypted
 * on the way unless the server is on this machine, and credentials in the URL
 * itself would be shown and stored as plain settings.
 */
function addressForSecret(options: { schemes: RegExp; encrypted: readonly string[]; secret: string; server: string }) {
  const encrypted = options.encrypted.map((scheme) => `${scheme}://`).join(' or ');
  return z
    .url({ protocol: options.schemes })
    .max(2_000)
    .refine((text) => !urlParts(text).authority.includes('@'), `put the ${options.secret} in the ${options.secret} field, not in the address`)
    .refine((text) => {
      const { scheme, authority } = urlParts(text);
      return options.encrypted.includes(scheme) || LOOPBACK_HOSTS.has(hostOf(authority));
    }, `${options.server} on another machine needs ${encrypted}, so the ${options.secret} is not sent in the clear`);
}

const gatewayUrl = addressForSecret({ schemes: /^(https?|wss?)$/, encrypted: ['https', 'wss'], secret: 'token', server: 'a gateway' });

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
  /** The live plan's rundown: on to the next segment. */
  advanceSegment: accelerator.default('CommandOrControl+Alt+N'),
});
export type Hotkeys = z.infer<typeof hotkeysSchema>;

export const overlaySettingsSchema = z.object({
  opacity: z.number().min(0.3).max(1),
  clickThrough: z.boolean(),
  visible: z.boolean(),
});

/**
 * The optional AI line rewriter: any OpenAI-compatible chat endpoint the user
 * configures (`{baseUrl}/chat/completions`). Off by default; its API key is
 * kept like the gateway token, never in these settings. The base URL may be
 * empty (not configured yet); a query or fragment would end up in the middle
 * of the endpoint's path, so neither is allowed.
 */
const rewriterBaseUrl = addressForSecret({ schemes: /^https?$/, encrypted: ['https'], secret: 'API key', server: 'an endpoint' }).refine(
  (text) => !/[?#]/.test(text),
  'the base URL ends with the API version (…/v1), without ? or #',
);
export const rewriterSettingsSchema = z.object({
  enabled: z.boolean(),
  baseUrl: z.union([z.literal(''), rewriterBaseUrl]),
  model: z.string().trim().max(200),
});
export type RewriterSettings = z.infer<typeof rewriterSettingsSchema>;
const defaultRewriterSettings: RewriterSettings = { enabled: false, baseUrl: '', model: '' };

/**
 * The figures the live console shows large above the products, in this order;
 * the rest fold into its 全部指标 grid. At least one, at most eight, none twice.
 */
export const MAX_HEADLINE_METRICS = 8;
export const headlineMetricsSchema = z
  .array(z.enum(metricKeys))
  .min(1, 'choose at least one headline figure')
  .max(MAX_HEADLINE_METRICS, `choose at most ${MAX_HEADLINE_METRICS} headline figures`)
  .refine((keys) => new Set(keys).size === keys.length, 'a headline figure is listed twice');
export const defaultHeadlineMetrics: readonly MetricKey[] = ['onlineViewers', 'gmv', 'buyers', 'viewerConversion', 'clickBuyRate', 'aov'];

/** Decimals of a compact figure (1.2万 or 1.23万; 12.3K or 12.35K), see shared/format/numbers.ts. */
export const wanDecimalsSchema = z.union([z.literal(1), z.literal(2)]);

export const settingsSchema = z.object({
  language: z.enum(languages),
  source: sourceSettingsSchema,
  hotkeys: hotkeysSchema,
  overlay: overlaySettingsSchema,
  // Added after the first release: a settings file written before it reads with the rewriter off.
  rewriter: rewriterSettingsSchema.default(defaultRewriterSettings),
  // Added after the first release: a settings file written before it reads with the six default figures.
  headlineMetrics: headlineMetricsSchema.default(() => [...defaultHeadlineMetrics]),
  // Added after the first release: a settings file written before it reads with one decimal.
  wanDecimals: wanDecimalsSchema.default(1),
});
export type Settings = z.infer<typeof settingsSchema>;

/** What a UI may change: any part, and the gateway token and the rewriter's API key as write-only. */
export const settingsUpdateSchema = z
  .object({
    language: z.enum(languages),
    source: sourceSettingsSchema,
    hotkeys: hotkeysSchema.partial(),
    overlay: overlaySettingsSchema.partial(),
    /** A new gateway token; an empty string forgets the stored one. */
    gatewayToken: z.string().max(4_000),
    rewriter: rewriterSettingsSchema.partial(),
    /** A new API key for the rewriter's endpoint; an empty string forgets the stored one. */
    rewriterKey: z.string().max(4_000),
    /** The whole list of headline figures, replacing the stored one. */
    headlineMetrics: headlineMetricsSchema,
    wanDecimals: wanDecimalsSchema,
  })
  .partial()
  .strict();
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

/** Settings as a UI sees them. */
export interface SettingsView extends Settings {
  hasGatewayToken: boolean;
  /** Whether an API key for the rewriter's endpoint is kept (the key itself never reaches a UI). */
  hasRewriterKey: boolean;
  /** How the token and the API key are kept: the OS keychain through Electron's safeStorage, or a file only this user can read. */
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
    advanceSegment: 'CommandOrControl+Alt+N',
  },
  overlay: { opacity: 0.92, clickThrough: false, visible: true },
  rewriter: defaultRewriterSettings,
  headlineMetrics: [...defaultHeadlineMetrics],
  wanDecimals: 1,
};

/** Applies a validated update; the token and the API key are the host's business and not part of Settings. */
export function applySettingsUpdate(current: Settings, update: SettingsUpdate): Settings {
  return settingsSchema.parse({
    language: update.language ?? current.language,
    source: update.source ?? current.source,
    hotkeys: { ...current.hotkeys, ...update.hotkeys },
    overlay: { ...current.overlay, ...update.overlay },
    rewriter: { ...current.rewriter, ...update.rewriter },
    headlineMetrics: update.headlineMetrics ?? current.headlineMetrics,
    wanDecimals: update.wanDecimals ?? current.wanDecimals,
  });
}
