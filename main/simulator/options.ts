/**
 * The simulator's options, checked once at start so a bad CLI flag fails
 * with a message naming the flag instead of misbehaving later.
 */
import { z } from 'zod';
import { HEARTBEAT_INTERVAL_MS } from '../../shared/protocol/index.js';
import { scenarioNames } from './scenarios/index.js';

export const simulatorOptionsSchema = z
  // Strict: a misspelt option is an error, not a silently ignored wish.
  .strictObject({
    /** TCP port; 0 picks a free one. */
    port: z.number().int().min(0).max(65_535).default(0),
    host: z.string().min(1).default('127.0.0.1'),
    /** Clients must present this as `auth.token`. */
    token: z.string().min(1).max(1024),
    /** The demo room to simulate (default skincare). Not with `replayFile`. */
    scenario: z.enum(scenarioNames).optional(),
    /** Same seed + scenario → the same event sequence (absent client commands). */
    seed: z.number().int().min(0).max(0xffff_ffff).default(1),
    /** Live-room seconds per real second (1..1000), or 'max': as fast as clients acknowledge. Default 1. Not with `rate`. */
    speed: z.union([z.number().min(1).max(1000), z.literal('max')]).optional(),
    /** JSONL recording to play instead of a scenario. */
    replayFile: z.string().min(1).optional(),
    /** How often due events are gathered into batches (clock and rate pacing). */
    batchIntervalMs: z.number().int().min(1).max(10_000).default(50),
    /** Replay buffer size in events: memory stays bounded by it. */
    replayBufferEvents: z.number().int().min(1).max(50_000_000).default(200_000),
    /** Acknowledged events younger than this stay replayable (docs/PROTOCOL.md: at least 10 minutes). */
    minRetentionMs: z.number().int().min(0).default(10 * 60_000),
    /** Length of the scenario in live-room minutes (default: the rundown's planned length). Not with `replayFile`. */
    durationMinutes: z.number().positive().max(24 * 60).optional(),
    /** A steady N events per second regardless of the scenario; `ts` is each event's emit time. Not with `speed`. */
    rate: z.number().positive().max(10_000_000).optional(),
    /** Comments per viewer relative to the scenario (default 1): 2.5 makes about a fifth of a rate-paced stream comments. Not with `replayFile`. */
    chattiness: z.number().positive().max(100).default(1),
    /** Stop after exactly N events, then send `end`; scenarios loop past their end to get there. */
    maxEvents: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
    /**
     * Generate and encode all `maxEvents` events before streaming (speed 'max' only): a benchmark
     * then measures the client, not this generator sharing its CPU. Commands do not change a prepared stream.
     */
    prepared: z.boolean().default(false),
    /** Start streaming as soon as the server listens (default); false waits for `start()`. */
    autoStart: z.boolean().default(true),
    /** Keep every emitted event in memory for `events()` (tests only: memory grows with the run). */
    keepEmitted: z.boolean().default(false),
    /** A client hears a heartbeat after this long without events. */
    heartbeatIntervalMs: z.number().int().min(1).default(HEARTBEAT_INTERVAL_MS),
    /** Flow control: most events a client may have unacknowledged. */
    maxInFlightEvents: z.number().int().min(1).default(50_000),
    /** Where to write log lines (nothing is logged by default). */
    log: z.custom<(line: string) => void>((value) => typeof value === 'function', 'expected a function').optional(),
  })
  .superRefine((options, context) => {
    const conflict = (message: string) => context.addIssue({ code: 'custom', message });
    if (options.speed !== undefined && options.rate !== undefined) conflict('choose speed or rate, not both');
    if (options.replayFile !== undefined && options.scenario !== undefined) conflict('choose a scenario or a replayFile, not both');
    if (options.prepared && (options.speed !== 'max' || options.maxEvents === undefined)) conflict('a prepared stream needs speed max and maxEvents');
    if (options.replayFile !== undefined && options.durationMinutes !== undefined) {
      conflict('durationMinutes shortens a scenario; a replay plays its whole recording');
    }
  });

export type SimulatorSettings = z.output<typeof simulatorOptionsSchema>;

/** Everything `startSimulator` accepts. */
export type SimulatorOptions = z.input<typeof simulatorOptionsSchema>;

export function resolveSimulatorOptions(options: SimulatorOptions): SimulatorSettings {
  const parsed = simulatorOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  throw new RangeError(`invalid simulator options: ${problems.join('; ')}`);
}
