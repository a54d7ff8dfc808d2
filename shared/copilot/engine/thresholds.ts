/** The engine's tuning, each with why: when a cue fires, how long it stays up, how it ranks. */

/** The host sees at most this many at once (the overlay shows the first). */
export const HOST_SUGGESTIONS = 3;

export const COPILOT = {
  /** Questions older than this no longer say what the audience wants now. */
  QUESTION_WINDOW_MS: 5 * 60_000,
  /** A buying point is suggested once this many different people asked for it; one asker is a reply, not a trend. */
  CLUSTER_MIN_ASKERS: 3,
  /** Only the largest clusters become suggestions: more than the console lists is noise (and bounds the tick). */
  CLUSTER_MAX: 6,
  /** A buyer's question left this long deserves a reminder (the spec's 60 s). */
  UNANSWERED_AFTER_MS: 60_000,
  /** After this, an unanswered question is stale: the asker has likely left. */
  UNANSWERED_UNTIL_MS: 3 * 60_000,
  /** At most this many "answer it" reminders at once, so they cannot crowd out everything else. */
  ANSWER_MAX: 2,
  /** Questions looked at per tick when picking reminders (keeps the tick bounded at any rate). */
  ANSWER_SCAN: 400,
  /** Entries in the last minute at least this many times the minute before → a surge... */
  SURGE_RATIO: 2,
  /** ...and at least this many entries, so 2 → 4 viewers is not a surge. */
  SURGE_MIN_ENTRIES: 20,
  /** Online viewers down this fraction against the minute before → hook; down as much over five minutes too (sustained) → switch. */
  DROP_RATIO: 0.2,
  /** A sustained drop only suggests switching a card on air at least this long: a card just shown has not had its chance. */
  DROP_SWITCH_MIN_ON_AIR_MS: 2 * 60_000,
  /** Below this many viewers, swings are noise. */
  DROP_MIN_VIEWERS: 30,
  /** Clicks high but orders low: at least this many click users in 5 minutes... */
  CLICKS_MIN: 30,
  /** ...and paid orders under this share of them. */
  CLICK_BUY_MAX: 0.03,
  /** The top objection needs this many distinct askers of one intent about the card on air (as a cluster does)... */
  OBJECTION_MIN_ASKERS: 3,
  /**
   * ...counted over the newest this many questions of the window: the whole 5 minutes of any room asking under
   * 10 questions a second, the last seconds of a busier one (a large enough sample of what is asked now). Counted
   * when the cue is due, not kept per comment: a distinct-asker count per product and intent costs ~2 ms a tick at
   * 2,000 comments a second.
   */
  OBJECTION_SCAN: 3_000,
  /** A card on air this long without a paid order → switch. */
  STALE_ON_AIR_MS: 8 * 60_000,
  /** Stock at or under this (as the gateway reports it) is worth announcing, honestly. */
  LOW_STOCK: 10,
  /** New followers in 5 minutes that make inviting to the group chat worth a line (the P of NPL). */
  FOLLOWERS_MIN: 10,
  /** How long a metric cue stays up once raised (it is about a moment). */
  CUE_TTL_MS: 60_000,
  /** How long a question-driven point stays up after its last refresh. */
  POINT_TTL_MS: 30_000,
  /** After being used, dismissed or expiring, a cue stays away this long. */
  COOL_DOWN_MS: 5 * 60_000,
} as const;

/** Base priorities per cue: higher ranks first (the host sees the top `HOST_SUGGESTIONS`). */
export const PRIORITY = {
  answerOnAir: 70,
  answer: 55,
  cluster: 60,
  clusterPerAsker: 2,
  clusterOnAir: 15,
  priceAnchor: 65,
  coupon: 64,
  welcome: 62,
  surgeHook: 61,
  stockLow: 58,
  dropSwitch: 57,
  hook: 56,
  switch: 54,
  groupInvite: 40,
  onAirPoint: 20,
  segmentStart: 69,
  prepareNext: 68,
  moveOn: 66,
  encore: 50,
  /** A buying point the current segment plans, raised on its own: above the card on air's defaults. */
  plannedPoint: 35,
  /** Added to a planned point's priority wherever it comes from (a question cluster, the card on air). */
  plannedPointBoost: 15,
} as const;

/** The rundown's cues (plan-cues.ts). */
export const PLAN_CUE = {
  /** "Prepare the next product" shows this long before the next segment is due. */
  PREPARE_BEFORE_MS: 60_000,
  /** ...and stays this long past the due time, until the segment has started. */
  START_GRACE_MS: 10_000,
  /** "Pin its card" shows in the first minute of a segment, unless its product is already on air. */
  PIN_WITHIN_MS: 60_000,
  MOVE_ON_TTL_MS: 60_000,
  ENCORE_TTL_MS: 5 * 60_000,
  POINT_TTL_MS: 30_000,
} as const;
