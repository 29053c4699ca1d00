/**
 * A small seeded pseudo-random generator (mulberry32 over a splitmix32-scrambled seed). The engine never uses
 * `Math.random`: the same seed must give the same rollout, request by request, in Node, the worker and tests.
 */

/** A deterministic stream of numbers; every method advances the stream by one draw. */
export interface Prng {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number
  /** Uniform float in [0, 1). */
  nextFloat(): number
  /** Uniform integer in [0, n) for n ≥ 1 (0 for n ≤ 1). */
  nextInt(n: number): number
}

/** Scrambles a user seed so that nearby seeds (1, 2, 3) start far apart in the stream. */
function scrambleSeed(seed: number): number {
  let z = (Math.trunc(seed) + 0x9e3779b9) | 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}

/** Creates a generator for `seed` (any finite number; the integer part counts). */
export function createPrng(seed: number): Prng {
  let state = scrambleSeed(seed)
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) | 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }
  return {
    nextUint32,
    nextFloat: () => nextUint32() / 4294967296,
    nextInt: (n) => (n <= 1 ? 0 : Math.floor((nextUint32() / 4294967296) * n)),
  }
}
