import { describe, expect, it } from 'vitest'
import { emptyMeaning, ROLLOUT_PARAMETER_TABLE } from '../simulate/parameter-table'
import { checkPayload } from './check-payload'
import { SHARE_LIMITS } from './share-limits'

const source = 'kind: Service'

describe('checkPayload', () => {
  it.each([
    [null, 'error'],
    [[], 'error'],
    [{ view: 'graph' }, 'error'],
    [{ source: 42 }, 'error'],
    [{ source }, 'ok'],
  ])('%j → %s', (value, kind) => {
    expect(checkPayload(value).kind).toBe(kind)
  })

  it('keeps well-formed sections', () => {
    const payload = {
      source,
      title: 'T',
      view: 'timeline',
      tester: { requests: [{ url: 'http://a/', method: 'POST', headers: { A: 'b' }, cookies: { c: 'd' } }], selected: 0 },
      simulation: { deployment: 'web', parameters: { rps: 10, appStartSeconds: null, image: 'x:2', sigterm: 'ignore' } },
      timeline: { cursorSeconds: 3, speed: 2 },
      rules: { 'prestop-missing': { enabled: false, severity: 'error' } },
      preset: { id: 'tls', step: 1 },
      redactedSecrets: 2,
    }
    expect(checkPayload(payload)).toEqual({ kind: 'ok', payload, warnings: [] })
  })

  it('keeps the Gateway the requests go through (docs/gateway-api.md#studio-views)', () => {
    const tester = { requests: [{ url: 'http://a/', method: 'POST' }], gateway: 'infra/public-gw.v1' }
    expect(checkPayload({ source, tester })).toEqual({ kind: 'ok', payload: { source, tester }, warnings: [] })
  })

  it.each([
    ['title', { title: 'x'.repeat(SHARE_LIMITS.maxTitleChars + 1) }],
    ['tester', { tester: { requests: [{ url: '/' }], gateway: 'gw' } }],
    ['tester', { tester: { requests: [{ url: '/' }], gateway: 'a/b/c' } }],
    ['tester', { tester: { requests: [{ url: '/' }], gateway: 'Infra/GW' } }],
    ['tester', { tester: { requests: [{ url: '/' }], gateway: 7 } }],
    ['tester', { tester: { requests: [{ url: '/' }], gateway: `a/${'b'.repeat(SHARE_LIMITS.maxIdChars * 2)}` } }],
    ['view', { view: '<script>' }],
    ['tester', { tester: { requests: [{ url: 1 }] } }],
    ['tester', { tester: { requests: Array.from({ length: SHARE_LIMITS.maxRequests + 1 }, () => ({ url: '/' })) } }],
    ['tester', { tester: { requests: [{ url: '/', method: 'GET /x' }] } }],
    ['tester', { tester: { requests: [{ url: '/' }], selected: 3 } }],
    ['simulation', { simulation: { parameters: { rps: 'fast' } } }],
    ['simulation', { simulation: { parameters: { unknownKnob: 1 } } }],
    ['simulation', { simulation: { parameters: { rps: null } } }],
    ['simulation', { simulation: { parameters: {}, deployment: '../x' } }],
    ['simulation', { simulation: { parameters: {}, deployment: 'a/b/c' } }],
    ['timeline', { timeline: { cursorSeconds: -1 } }],
    ['timeline', { timeline: { cursorSeconds: 1, speed: 0 } }],
    ['rules', { rules: { 'prestop-missing': { severity: 'fatal' } } }],
    ['preset', { preset: { id: 'tls', step: 1.5 } }],
    ['redactedSecrets', { redactedSecrets: -1 }],
  ])('drops a malformed %s section with a warning', (section, extra) => {
    const result = checkPayload({ source, ...extra })
    expect(result).toMatchObject({ kind: 'ok', payload: { source }, warnings: [{ section }] })
    if (result.kind === 'ok') expect(Object.keys(result.payload)).toEqual(['source'])
  })

  it('takes every parameter of the table at its default, and null exactly where its row allows none', () => {
    for (const row of ROLLOUT_PARAMETER_TABLE) {
      const kept = (value: unknown) => {
        const result = checkPayload({ source, simulation: { parameters: { [row.name]: value } } })
        return result.kind === 'ok' && result.payload.simulation !== undefined
      }
      expect([row.name, kept(row.default), kept(null)]).toEqual([row.name, true, emptyMeaning(row) !== null])
    }
  })

  it('skips settings of rules this build does not know', () => {
    expect(checkPayload({ source, rules: { 'rule-from-the-future': { enabled: false } } })).toEqual({ kind: 'ok', payload: { source, rules: {} }, warnings: [] })
  })

  it('reports unknown fields', () => {
    expect(checkPayload({ source, __proto__x: 1 })).toMatchObject({ warnings: [{ section: 'unknown', detail: '__proto__x' }] })
  })
})
