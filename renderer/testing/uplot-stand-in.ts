/**
 * uPlot draws on a canvas, which happy-dom does not have; view tests get this
 * stand-in instead (vitest.config.ts aliases `uplot` to it). The charts' data
 * path is tested in state/, their drawing in the browser tests.
 */
export default class UPlotStandIn {
  static paths = { bars: () => () => null };
  setData(): void {}
  setSize(): void {}
  destroy(): void {}
}
