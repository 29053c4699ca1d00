import { describe, expect, it } from 'vitest'
import { formatMessage } from '../messages/render'
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

  it('says each problem in English as before and in Korean, with the values', () => {
    const r = resolveParameters({ rps: 0, retries: 1.5, sigterm: 'sometimes' as never, clockStart: 'yesterday', image: ' ' })
    if (r.kind !== 'error') throw new Error('expected problems')
    const said = Object.fromEntries(r.problems.map((p) => [p.name, [p.message, formatMessage(p.text), formatMessage(p.text, 'ko')]]))
    for (const [message, english] of Object.values(said)) expect(english).toBe(message)
    expect(said.rps![0]).toMatch(/^rps must be between \S+ and \S+, got 0$/)
    expect(said.rps![2]).toMatch(/^rps: \S+에서 \S+ 사이여야 합니다\(입력값: 0\)$/)
    expect(said.retries![0]).toBe('retries must be a whole number, got 1.5')
    expect(said.retries![2]).toBe('retries: 정수여야 합니다(입력값: 1.5)')
    expect(said.sigterm![0]).toBe('sigterm must be graceful, immediate or ignore, got sometimes')
    expect(said.sigterm![2]).toBe('sigterm: graceful, immediate, ignore 중 하나여야 합니다(입력값: sometimes)')
    expect(said.clockStart![2]).toBe('clockStart: RFC 3339 시각이어야 합니다(입력값: yesterday)')
    expect(said.image![2]).toBe('image: 비워 둘 수 없습니다')
  })

  it('accepts never (null) for the app start', () => {
    expect(resolveParameters({ appStartSeconds: null }).kind).toBe('ok')
  })
})
