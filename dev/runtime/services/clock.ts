/**
 * The runtime's clock. Time only moves when a test or a service moves it
 * (Utilities.sleep, a lock wait), so tests can fix "now" and nothing really sleeps.
 */
export class VirtualClock {
  private offset = 0;
  /** Every advance since the clock was made, never reset: the time an execution spent waiting. */
  private advancedTotal = 0;

  constructor(private base: () => number) {}

  now(): number {
    return this.base() + this.offset;
  }

  /** Fixes the clock at a date; later advances move on from there. */
  set(date: Date | (() => Date)): void {
    const read =
      typeof date === 'function'
        ? () => date().getTime()
        : (() => {
            const ms = date.getTime();
            return () => ms;
          })();
    this.base = read;
    this.offset = 0;
  }

  advance(ms: number): void {
    this.offset += Math.max(0, ms);
    this.advancedTotal += Math.max(0, ms);
  }

  /** Milliseconds of advances so far: the difference of two readings is the time waited between them. */
  waited(): number {
    return this.advancedTotal;
  }
}
