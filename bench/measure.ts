// Timing and table helpers shared by the report's sections.

/** The median of `runs` timings of `fn`, in ms, after one warm-up run. */
export function medianMs(fn: () => unknown, runs = 7): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The middle of some timings (the upper middle of an even count). */
export function median(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A Markdown table; numbers are the caller's to format. */
export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A number with a fixed count of decimals and thousands separated, e.g. 12,345.6. */
export function fmt(value: number, decimals = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A duration in the unit that reads best: µs, ms, s or min. */
export function duration(ms: number): string {
  if (ms < 1) return `${fmt(ms * 1000, 1)} µs`;
  if (ms < 1000) return `${fmt(ms, ms < 10 ? 2 : 1)} ms`;
  if (ms < 120_000) return `${fmt(ms / 1000, 1)} s`;
  return `${fmt(ms / 60_000, 1)} min`;
}

/** A ratio such as 1,234×. */
export function times(ratio: number): string {
  return `${fmt(ratio, ratio < 10 ? 1 : 0)}×`;
}

/** A byte count in KB (1,024 bytes), one decimal. */
export function kb(bytes: number): string {
  return `${fmt(bytes / 1024, 1)} KB`;
}
