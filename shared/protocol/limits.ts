/**
 * Hard limits on what a gateway may send. They exist so a hostile or broken
 * gateway cannot make us store megabytes per event or loop forever; values
 * are generous for real platforms (a comment on Xiaohongshu is ≤ 200 chars).
 */
export const PROTOCOL_VERSION = 1;
export const NAMESPACE = '/live';

export const LIMITS = {
  maxBatch: 5000,
  maxIdLength: 128,
  maxNameLength: 100,
  maxTextLength: 1000,
  maxTitleLength: 200,
  maxUrlLength: 2048,
  maxListItems: 1000,
  maxTypeLength: 64,
  /** Serialized size of an event of a type this client does not know. */
  maxUnknownEventBytes: 16 * 1024,
  maxQuantity: 100_000,
  /** ¥100,000,000 in fen: far above any single live-room order. */
  maxAmountFen: 10_000_000_000,
  maxCount: 1_000_000_000,
  maxFanLevel: 1000,
} as const;

/** Liveness, in ms: a server speaks at least this often ... */
export const HEARTBEAT_INTERVAL_MS = 10_000;
/** ... and a client that hears nothing for this long reconnects with resume. */
export const SILENCE_TIMEOUT_MS = 25_000;
export const COMMAND_TIMEOUT_MS = 5_000;
