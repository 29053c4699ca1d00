/**
 * A small seeded PRNG (mulberry32) for canary weights, so the same requests with the same seed always get the
 * same answers. The engine never uses Math.random.
 */

/** A source of uniform numbers in [0, 1). */
export interface RandomSource {
  next(): number
}

/** A deterministic source seeded with `seed` (any 32-bit integer). */
export function createRandom(seed: number): RandomSource {
  let state = seed >>> 0
  return {
    next(): number {
      state = (state + 0x6d2b79f5) >>> 0
      let t = state
      t = Math.imul(t ^ (t >>> 15), t | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    },
  }
}
