/** Timing helpers for benchmarks: medians of repeated runs, milliseconds. */
export interface Timing {
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export function time<T>(runs: number, fn: (run: number) => T): { timing: Timing; last: T } {
  const samples: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = fn(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    timing: { runs, medianMs: round(samples[Math.floor(samples.length / 2)]!), minMs: round(samples[0]!), maxMs: round(samples.at(-1)!) },
    last,
  };
}
