import { describe, expect, it } from 'vitest';
import { clampRange, fullRange, inMinute, isWhole, panRange, zoomRange, type Overlays } from './chart-model.js';

const full = fullRange([0, 60, 120, 180, 240, 300, 360, 420, 480, 540]);

describe('the recap charts’ window', () => {
  it('spans every minute, zooms around its middle, never below three minutes, and pans by half its width inside the session', () => {
    expect(full).toEqual({ min: 0, max: 600 });
    const zoomed = zoomRange(full, full, 0.5);
    expect(zoomed).toEqual({ min: 150, max: 450 });
    expect(zoomRange(zoomed, full, 0.5)).toEqual({ min: 210, max: 390 });
    expect(panRange(zoomed, full, 1)).toEqual({ min: 300, max: 600 });
    expect(panRange({ min: 300, max: 600 }, full, 1)).toEqual({ min: 300, max: 600 });
    expect(panRange(zoomed, full, -1)).toEqual({ min: 0, max: 300 });
    expect(clampRange({ min: -100, max: 5000 }, full)).toEqual(full);
    expect(isWhole(zoomRange(zoomed, full, 2), full)).toBe(true);
  });

  it('tells what a minute overlaps: bands running in it and markers inside it', () => {
    const overlays: Overlays = {
      planned: [{ from: 0, to: 120, label: '暖场' }],
      actual: [
        { from: 0, to: 90, label: '暖场' },
        { from: 90, to: 600, label: '主推' },
      ],
      cards: [{ from: 100, to: 130, label: '面霜' }],
      markers: [
        { at: 60, kind: 'point', label: '买一送一' },
        { at: 120, kind: 'moment', label: '' },
      ],
    };
    const minute = inMinute(overlays, 60);
    expect(minute.actual.map((b) => b.label)).toEqual(['暖场', '主推']);
    expect(minute.cards.map((b) => b.label)).toEqual(['面霜']);
    expect(minute.markers.map((m) => m.label)).toEqual(['买一送一']);
    expect(inMinute(overlays, 120).planned).toEqual([]);
  });
});
