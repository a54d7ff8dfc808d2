import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSilenceWatchdog } from './silence-watchdog.js';

describe('createSilenceWatchdog', () => {
  let clock = 0;
  const advance = (ms: number) => {
    clock += ms;
    vi.advanceTimersByTime(ms);
  };
  beforeEach(() => {
    clock = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('fires once nothing was heard for the timeout', () => {
    const onSilence = vi.fn();
    createSilenceWatchdog(1000, onSilence, () => clock).arm();
    advance(999);
    expect(onSilence).not.toHaveBeenCalled();
    advance(1);
    expect(onSilence).toHaveBeenCalledOnce();
    advance(5000);
    expect(onSilence).toHaveBeenCalledOnce();
  });

  it('counts the silence from the last message heard', () => {
    const onSilence = vi.fn();
    const watchdog = createSilenceWatchdog(1000, onSilence, () => clock);
    watchdog.arm();
    advance(600);
    watchdog.heard();
    advance(900);
    expect(onSilence).not.toHaveBeenCalled();
    advance(100);
    expect(onSilence).toHaveBeenCalledOnce();
  });

  it('keeps one timer, however often it hears something', () => {
    const watchdog = createSilenceWatchdog(1000, vi.fn(), () => clock);
    watchdog.arm();
    for (let i = 0; i < 10_000; i++) {
      clock += 0.1;
      watchdog.heard();
    }
    expect(vi.getTimerCount()).toBe(1);
  });

  it('stays quiet once disarmed, and re-arms from scratch', () => {
    const onSilence = vi.fn();
    const watchdog = createSilenceWatchdog(1000, onSilence, () => clock);
    watchdog.arm();
    advance(500);
    watchdog.disarm();
    advance(5000);
    expect(onSilence).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    watchdog.arm();
    advance(1000);
    expect(onSilence).toHaveBeenCalledOnce();
  });
});
