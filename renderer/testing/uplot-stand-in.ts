/**
 * uPlot draws on a canvas, which happy-dom does not have; view tests get this
 * stand-in instead (vitest.config.ts aliases `uplot` to it). The charts' data
 * path is tested in state/, their drawing in the browser tests. Each chart
 * made is kept, so a test can read the options and data a view gave it.
 */
export default class UPlotStandIn {
  static paths = { bars: () => () => null };
  static pxRatio = 1;
  static made: UPlotStandIn[] = [];
  readonly bbox = { left: 0, top: 0, width: 0, height: 0 };
  readonly cursor: { idx: number | null } = { idx: null };
  readonly select = { left: 0, top: 0, width: 0, height: 0 };

  constructor(
    readonly options: unknown,
    readonly data: unknown[],
  ) {
    UPlotStandIn.made.push(this);
  }

  setData(): void {}
  setSize(): void {}
  setScale(): void {}
  setCursor(): void {}
  setSelect(): void {}
  valToPos(): number {
    return 0;
  }
  posToVal(): number {
    return 0;
  }
  destroy(): void {}
}
