/** One number a benchmark reports, with the budget it is held to. */
export interface BenchFigure {
  /** What was measured, e.g. `analyze 2 MB / 3000 docs ÷ yaml parseAllDocuments`. */
  name: string
  value: number
  /** `ms`, `×`, `req/s`, `KB gzip`, … */
  unit: string
  /** The budget in words, e.g. `≤ 1.5`. */
  budget?: string
  /** Whether `value` is within the budget; absent when the figure has no budget. */
  ok?: boolean
}

/** The median of `samples` (which it sorts in place). */
export function median(samples: number[]): number {
  samples.sort((a, b) => a - b)
  const mid = samples.length >> 1
  return samples.length % 2 === 1 ? (samples[mid] as number) : ((samples[mid - 1] as number) + (samples[mid] as number)) / 2
}

/** Times `fn` `iterations` times after `warmup` untimed runs; returns each run's milliseconds. */
export function sample(fn: () => unknown, iterations: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) fn()
  const times: number[] = []
  for (let i = 0; i < iterations; i++) {
    const started = performance.now()
    fn()
    times.push(performance.now() - started)
  }
  return times
}
