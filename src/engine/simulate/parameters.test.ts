import { describe, expect, it } from 'vitest'
import { DEFAULT_ROLLOUT_PARAMETERS, resolveParameters } from './parameters'

describe('resolveParameters', () => {
  it('fills every default and matches the defaults the rollout command documents', () => {
    const r = resolveParameters({})
    expect(r).toEqual({ kind: 'ok', parameters: DEFAULT_ROLLOUT_PARAMETERS })
    expect(DEFAULT_ROLLOUT_PARAMETERS).toMatchObject({
      rolloutAtSeconds: 5, rps: 50, durationSeconds: null, requestSeconds: 0.05, podStartSeconds: 1, appStartSeconds: 3,
      endpointLagSeconds: 1, sigterm: 'graceful', preStopHttpSeconds: 0, retries: 0, oldUnready: 0, seed: 1, image: null,
    })
  })

  it('names every parameter out of range', () => {
    const r = resolveParameters({ rps: 0, endpointLagSeconds: -1, retries: 1.5, sigterm: 'sometimes' as never, clockStart: 'yesterday', durationSeconds: -2, image: ' ' })
    expect(r.kind).toBe('error')
    if (r.kind === 'error') expect(r.problems.map((p) => p.name).sort()).toEqual(['clockStart', 'durationSeconds', 'endpointLagSeconds', 'image', 'retries', 'rps', 'sigterm'])
  })

  it('accepts never (null) for the app start', () => {
    expect(resolveParameters({ appStartSeconds: null }).kind).toBe('ok')
  })
})
