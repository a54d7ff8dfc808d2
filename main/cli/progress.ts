/**
 * One status line, rewritten in place on a terminal and silent otherwise
 * (logs and pipes get no carriage-return noise).
 */
export class ProgressLine {
  private lastLength = 0;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  update(text: string): void {
    if (!this.enabled) return;
    const padded = text.padEnd(this.lastLength, ' ');
    this.lastLength = text.length;
    this.stream.write(`\r${padded}`);
  }

  done(): void {
    if (this.enabled && this.lastLength > 0) this.stream.write('\n');
    this.lastLength = 0;
  }
}
