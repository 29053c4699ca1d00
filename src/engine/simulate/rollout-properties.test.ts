/**
 * Properties of whole simulations over random valid specs and timings (fast-check): the controller's bounds,
 * exact accounting of every request, and determinism.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validateStrategy } from './fenceposts'
import type { RolloutParameters } from './parameters'
import { simulateRollout, type RolloutResult } from './simulate-rollout'
import { websample, type WebsampleOptions } from '../testing/rollouts'

const intOrPercent = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 100 }).map((p) => `${p}%`))

const specArb: fc.Arbitrary<WebsampleOptions> = fc
  .record({
    replicas: fc.integer({ min: 0, max: 12 }),
    strategy: fc.constantFrom('RollingUpdate', 'RollingUpdate', 'RollingUpdate', 'Recreate') as fc.Arbitrary<'RollingUpdate' | 'Recreate'>,
    maxSurge: intOrPercent,
    maxUnavailable: intOrPercent,
    minReadySeconds: fc.integer({ min: 0, max: 5 }),
    grace: fc.integer({ min: 0, max: 40 }),
  })
  .filter((o) => o.strategy === 'Recreate' || validateStrategy({ type: 'RollingUpdate', maxSurge: o.maxSurge, maxUnavailable: o.maxUnavailable }).length === 0)

const timingArb: fc.Arbitrary<Partial<RolloutParameters>> = fc.record({
  seed: fc.integer(),
  rps: fc.integer({ min: 1, max: 40 }),
  podStartSeconds: fc.double({ min: 0, max: 4, noNaN: true }),
  appStartSeconds: fc.option(fc.double({ min: 0, max: 15, noNaN: true }), { freq: 8 }),
  startJitterSeconds: fc.double({ min: 0, max: 3, noNaN: true }),
  controllerSyncSeconds: fc.double({ min: 0, max: 1, noNaN: true }),
  endpointLagSeconds: fc.double({ min: 0, max: 3, noNaN: true }),
  preStopHttpSeconds: fc.double({ min: 0, max: 6, noNaN: true }),
  probeOffsetSeconds: fc.double({ min: 0, max: 3, noNaN: true }),
  sigterm: fc.constantFrom('graceful', 'immediate', 'ignore') as fc.Arbitrary<'graceful' | 'immediate' | 'ignore'>,
  retries: fc.integer({ min: 0, max: 2 }),
  maxDurationSeconds: fc.constant(200),
})

function run(spec: WebsampleOptions, timing: Partial<RolloutParameters>): RolloutResult {
  const outcome = simulateRollout({ deployment: websample(spec), parameters: timing })
  if (outcome.kind !== 'ok') throw new Error(JSON.stringify(outcome.problems))
  return outcome.result
}

describe('rollout simulation properties', () => {
  it('never exceeds replicas + maxSurge by spec count, and never drops availability below replicas − maxUnavailable once reached', () => {
    fc.assert(
      fc.property(specArb.filter((s) => s.strategy === 'RollingUpdate'), timingArb, (spec, timing) => {
        const r = run(spec, timing)
        const replicas = spec.replicas!
        for (const step of r.steps) expect(step.old + step.new).toBeLessThanOrEqual(replicas + r.resolved.maxSurge)
        const counts = r.timeline.replicaSetCounts
        const minAvailable = replicas - r.resolved.maxUnavailable
        let reached = false
        for (let row = 0; row < counts.timeMs.length; row++) {
          let spec = 0
          let available = 0
          for (let rs = 0; rs < counts.replicaSets; rs++) {
            spec += counts.values[(row * counts.replicaSets + rs) * 5]!
            available += counts.values[(row * counts.replicaSets + rs) * 5 + 3]!
          }
          expect(spec).toBeLessThanOrEqual(replicas + r.resolved.maxSurge)
          if (available >= minAvailable) reached = true
          else expect(reached).toBe(false)
        }
      }),
      { numRuns: 120 },
    )
  })

  it('accounts for every request exactly once, including with injected unready pods', () => {
    fc.assert(
      fc.property(specArb, timingArb, fc.integer({ min: 0, max: 3 }), (spec, timing, unready) => {
        const r = run(spec, { ...timing, oldUnready: Math.min(unready, spec.replicas!) })
        const s = r.timeline.seconds
        const outcomes = s.outcomes.reduce((a, b) => a + b, 0)
        expect(outcomes).toBe(r.load.requests)
        expect(r.load.requests).toBe(r.attack.requests)
        expect(Object.values(r.load.statusCodes).reduce((a, b) => a + b, 0)).toBe(r.load.requests)
        expect(r.load.success + r.failures.total).toBe(r.load.requests)
        expect(Object.values(r.load.failuresByCause).reduce((a, b) => a + b, 0)).toBe(r.failures.total)
        expect(Object.values(r.failures.byDetail).reduce((a, b) => a + b, 0)).toBe(r.failures.total)
        expect(r.failures.kept.length + r.failures.dropped).toBe(r.failures.total)
        expect(s.histogram.counts.reduce((a, b) => a + b, 0)).toBe(r.load.requests)
        const seqs = r.failures.kept.map((f) => f.seq)
        expect(new Set(seqs).size).toBe(seqs.length)
        expect(seqs.every((n, i) => i === 0 || n > seqs[i - 1]!)).toBe(true)
      }),
      { numRuns: 120 },
    )
  })

  it('gives the same result for the same seed', () => {
    fc.assert(
      fc.property(specArb, timingArb, (spec, timing) => {
        const a = run(spec, timing)
        const b = run(spec, timing)
        expect(b).toEqual(a)
      }),
      { numRuns: 40 },
    )
  })

  it('returns plain data that survives structured cloning (the worker boundary)', () => {
    fc.assert(
      fc.property(specArb, timingArb, (spec, timing) => {
        const r = run(spec, timing)
        expect(structuredClone(r)).toEqual(r)
      }),
      { numRuns: 20 },
    )
  })

  it('keeps each pod\'s phase intervals sorted and disjoint', () => {
    fc.assert(
      fc.property(specArb, timingArb, (spec, timing) => {
        const { phase } = run(spec, timing).timeline.tracks
        for (let p = 0; p + 1 < phase.offsets.length; p++) {
          for (let i = phase.offsets[p]!; i < phase.offsets[p + 1]!; i++) {
            expect(phase.endMs[i]!).toBeGreaterThan(phase.startMs[i]!)
            if (i > phase.offsets[p]!) expect(phase.startMs[i]!).toBeGreaterThanOrEqual(phase.endMs[i - 1]!)
          }
        }
      }),
      { numRuns: 60 },
    )
  })
})
