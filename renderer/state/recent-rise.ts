/** How much a cumulative counter (rejected events) rose over the last `spanMs` of event time. */
export class RecentRise {
  /** Samples where the value changed, oldest first; the first is the baseline at or before `now - spanMs`. */
  private samples: { at: number; value: number }[] = [];

  constructor(private readonly spanMs: number) {}

  record(at: number, value: number): void {
    const last = this.samples[this.samples.length - 1];
    if (last === undefined || last.value !== value) this.samples.push({ at, value });
    const horizon = at - this.spanMs;
    let baseline = 0;
    while (baseline + 1 < this.samples.length && this.samples[baseline + 1]!.at <= horizon) baseline++;
    if (baseline > 0) this.samples = this.samples.slice(baseline);
  }

  rise(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    return first && last ? last.value - first.value : 0;
  }

  reset(): void {
    this.samples = [];
  }
}
