/**
 * Notices when a connection has gone quiet. socket.io's own ping only proves
 * the socket is open, not that the upstream platform still sends anything
 * (docs/PROTOCOL.md, "Liveness").
 *
 * `heard()` runs for every message, up to thousands a second, so it only
 * stores a time. A single timer aimed at the current deadline wakes up, sees
 * how long it has really been quiet, and either fires or re-aims at the new
 * deadline: one wake-up per timeout period while traffic flows.
 */

export interface SilenceWatchdog {
  /** Starts watching, counting the silence from now. */
  arm(): void;
  heard(): void;
  disarm(): void;
}

export function createSilenceWatchdog(
  timeoutMs: number,
  onSilence: () => void,
  /** Monotonic, so a wall-clock jump neither fires the watchdog nor blinds it. */
  clock: () => number = () => performance.now(),
): SilenceWatchdog {
  let lastHeardAt = 0;
  let timer: NodeJS.Timeout | undefined;

  const check = () => {
    const quietFor = clock() - lastHeardAt;
    if (quietFor >= timeoutMs) {
      timer = undefined;
      onSilence();
    } else {
      timer = setTimeout(check, timeoutMs - quietFor);
    }
  };

  const disarm = () => {
    clearTimeout(timer);
    timer = undefined;
  };

  return {
    arm() {
      disarm();
      lastHeardAt = clock();
      timer = setTimeout(check, timeoutMs);
    },
    heard() {
      lastHeardAt = clock();
    },
    disarm,
  };
}
