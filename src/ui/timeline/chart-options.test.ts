import { describe, expect, it } from 'vitest'
import { analyze, simulateScenario } from '../../engine'
import { SEED_FILE_NAME, SEED_MANIFEST } from '../../presets/seed'
import type { SimulationRun } from '../../state/slices/simulation-slice'
import { maxPerSecond, niceSplits, stackOutcomes, STACK_ORDER } from './chart-options'

function runOf(parameters = {}): SimulationRun {
  const outcome = simulateScenario({ model: analyze([{ name: SEED_FILE_NAME, text: SEED_MANIFEST }]).model, deployment: null, parameters })
  if (outcome.kind !== 'ok') throw new Error('expected a run')
  return { id: 1, deployment: outcome.deployment, parameters, revision: 1, result: outcome.result, view: outcome.view, millis: 1 }
}

describe('stackOutcomes', () => {
  it('stacks failures under successes, the top being every request of the second', () => {
    const run = runOf()
    const stack = stackOutcomes(run)
    expect(STACK_ORDER.at(-1)).toBe('ok')
    expect(stack).toHaveLength(STACK_ORDER.length)
    const top = stack.at(-1)!
    expect(top.reduce((a, b) => a + b, 0)).toBe(run.result.load.requests)
    for (let k = 1; k < stack.length; k++) for (let s = 0; s < top.length; s++) expect(stack[k]![s]).toBeGreaterThanOrEqual(stack[k - 1]![s]!)
    // The seed's default run fails 50 requests in one second, all "not listening": the bottom band.
    expect(Math.max(...stack[0]!)).toBe(50)
    expect(maxPerSecond(run)).toBe(50)
  })
})

describe('niceSplits', () => {
  it.each([
    [0, 1.15, false, [0, 0.5, 1]],
    [0, 1.15, true, [0, 1]],
    [0, 55, true, [0, 20, 40]],
    [0, 82, false, [0, 50]],
  ])('from %d to %d (whole: %s) gives %j', (min, max, integer, splits) => {
    expect(niceSplits(min, max, integer)).toEqual(splits)
  })
})
