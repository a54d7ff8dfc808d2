/**
 * Environment for a process that runs the core for hours (the desktop app's
 * core process, the benchmark's ingest process). glibc gives each thread
 * that allocates its own malloc arena, up to 8 per core; the store's writer
 * thread frees in one arena what the socket thread fills in another, and
 * resident memory creeps up by tens of MB over a long stream. Two arenas
 * keep it flat. Only read at process start, so it is set by whoever spawns.
 */
export const CORE_PROCESS_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
