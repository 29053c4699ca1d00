/**
 * A small seeded random source (mulberry32) for the fuzzer. Its own, not fast-check's, so a case is reproduced
 * from two numbers (run seed, case index) whatever the library version, and generating stays cheap.
 */
export interface Rng {
  /**
   * How hostile this case's inputs are, 0 to 1: at 0 the generators write what the API server accepts (hostility
   * only where it is allowed, e.g. annotation values), so the deep stages run; at 1 anything goes.
   */
  hostility: number
  /** True with probability `p` scaled by `hostility`: for the hostile branches of a generator. */
  rare(p: number): boolean
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** One of `entries`, each `[weight, value]`, chosen by weight. */
  weighted<T>(entries: readonly (readonly [number, T])[]): T
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    hostility: 1,
    rare(p) {
      return next() < p * this.hostility
    },
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    weighted: (entries) => {
      const total = entries.reduce((sum, [weight]) => sum + weight, 0)
      let roll = next() * total
      for (const [weight, value] of entries) {
        roll -= weight
        if (roll < 0) return value
      }
      return (entries[entries.length - 1] as readonly [number, (typeof entries)[number][1]])[1]
    },
  }
}

/** The seed of one case: the run's seed and the case's index mixed, so neighbouring cases differ everywhere. */
export function caseSeed(runSeed: number, index: number): number {
  return (Math.imul(runSeed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0
}
