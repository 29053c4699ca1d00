import { describe, expect, it } from 'vitest'
import { analyze, simulateScenario } from '../../engine'
import { SEED_FILE_NAME, SEED_MANIFEST } from '../../presets/seed'
import type { SimulationRun } from '../../state/slices/simulation-slice'
import { hitFailure } from './draw-lanes'
import { timeToX } from './lane-geometry'

const outcome = simulateScenario({ model: analyze([{ name: SEED_FILE_NAME, text: SEED_MANIFEST }]).model, deployment: null, parameters: { sigterm: 'immediate' } })
if (outcome.kind !== 'ok') throw new Error('expected a run')
const run: SimulationRun = { id: 1, deployment: outcome.deployment, parameters: {}, revision: 1, result: outcome.result, view: outcome.view, millis: 1 }
const WIDTH = 800

describe('hitFailure', () => {
  const kept = run.result.failures.kept
  const failure = kept.findIndex((f) => f.pod >= 0)
  const pod = kept[failure]!.pod

  it('finds a failed request drawn under the pointer on its pod\'s lane', () => {
    const x = timeToX(kept[failure]!.sentMs, run.view.endMs, WIDTH)
    const hit = hitFailure(run, pod, x + 2, WIDTH)
    expect(hit).not.toBeNull()
    expect(kept[hit!]!.pod).toBe(pod)
    // The nearest one to the pointer (failures 20 ms apart are a fraction of a pixel apart here).
    const distance = (i: number) => Math.abs(timeToX(kept[i]!.sentMs, run.view.endMs, WIDTH) - (x + 2))
    expect(distance(hit!)).toBeLessThanOrEqual(Math.min(...kept.map((f, i) => (f.pod === pod ? distance(i) : Infinity))))
  })

  it('finds nothing far from every failure, or on a lane without failures', () => {
    expect(hitFailure(run, pod, timeToX(1_000, run.view.endMs, WIDTH), WIDTH)).toBeNull()
    const other = run.result.timeline.pods.findIndex((_, p) => p !== pod)
    expect(hitFailure(run, other, timeToX(kept[failure]!.sentMs, run.view.endMs, WIDTH), WIDTH)).toBeNull()
  })
})
