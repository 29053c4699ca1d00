import { describe, expect, it } from 'vitest'
import { modelOf } from '../testing/models'
import { websample, websampleYaml } from '../testing/rollouts'
import { simulateScenario } from './run-scenario'
import { ROLLOUT_LIMITS } from './rollout-limits'
import { simulateRollout } from './simulate-rollout'

describe('the run-size limit (probe attempts)', () => {
  it('refuses 1,000 replicas waiting a day for the rollout, naming the size, the limit and what to lower', () => {
    const outcome = simulateRollout({ deployment: websample({ replicas: 1000 }), parameters: { rolloutAtSeconds: 86_400 } })
    expect(outcome.kind).toBe('invalid')
    const [problem] = outcome.kind === 'invalid' ? outcome.problems : []
    // 1,250 pods (25% surge) × 86,400 s × (1/10 + 1/10) probes per second.
    expect(problem).toMatchObject({ code: 'rollout-too-large', parameter: 'rolloutAtSeconds', field: ['spec', 'replicas'], limit: { measure: 'probe-attempts', value: 21_600_000, max: ROLLOUT_LIMITS.maxProbeAttempts } })
    expect(problem?.message).toBe('This run needs about 21,600,000 probe attempts (1,250 pods × 86,400 s × 0.20 per pod and second), above the ' +
      "simulator's limit of 250,000: past that size a run stops being instant. Lower replicas, --duration or --at, or probe less often (periodSeconds).")
  })

  it('runs 1,000 replicas over the default 900 s, and the seed-sized Deployment waiting a day', () => {
    expect(simulateRollout({ deployment: websample({ replicas: 1000 }) }).kind).toBe('ok')
    expect(simulateRollout({ deployment: websample({ replicas: 3 }), parameters: { rolloutAtSeconds: 86_400 } }).kind).toBe('ok')
  })

  it('counts only the probes the container has', () => {
    const unprobed = simulateRollout({ deployment: websample({ replicas: 1000, readinessProbe: null, livenessProbe: null }), parameters: { rolloutAtSeconds: 3600, durationSeconds: 60 } })
    expect(unprobed.kind).toBe('ok')
  })

  it('reaches the studio with its parameter, so the form shows it beside the field', () => {
    const model = modelOf(websampleYaml({ replicas: 1000 }))
    const outcome = simulateScenario({ model, deployment: null, parameters: { durationSeconds: 7200 } })
    expect(outcome).toMatchObject({ kind: 'invalid', problems: [{ code: 'rollout-too-large', parameter: 'durationSeconds', limit: { measure: 'probe-attempts' } }] })
  })
})
