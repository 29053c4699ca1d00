/**
 * The routing trace says what ingress-nginx did, once per step, in English and Korean: the location search as
 * one prefix step, the D4 note in the words of the location actually used (a regex on a regex host), and
 * every step a message with a Korean text.
 */
import { describe, expect, test } from 'vitest'
import { formatMessage } from '../messages/render'
import { compileRoutes } from './compile-routes'
import { routeRequest } from './route-request'
import { nginx } from '../testing/manifests'
import { clusterModel, ingress } from '../testing/models'
import type { ClusterModel } from '../model/types'
import type { RouteResult } from './types'

const english = (result: RouteResult): string[] => result.trace.map((step) => formatMessage(step))
const korean = (result: RouteResult): string[] => result.trace.map((step) => formatMessage(step, 'ko'))
const run = (model: ClusterModel, url: string): RouteResult => routeRequest(compileRoutes(model), { url })

/** The seed's first Ingress: rewrite-target / on ImplementationSpecific paths, so the host is regex-matched. */
const SEED = clusterModel(ingress('test', {
  annotations: nginx({ 'rewrite-target': '/' }),
  rules: [{ host: 'foo.bar.com', paths: [
    { path: '/foos1', type: 'ImplementationSpecific', backend: 's1:80' },
    { path: '/bars2', type: 'ImplementationSpecific', backend: 's2:80' },
  ] }],
}))

describe('D4 says what ingress-nginx did with ImplementationSpecific', () => {
  test('on a host a rewrite-target makes regex, the path is a case-insensitive regex prefix, not a Prefix', () => {
    const result = run(SEED, 'http://foo.bar.com/foos1/abc')
    expect(result).toMatchObject({ status: 200, service: 's1', rewrittenPath: '/' })
    const steps = english(result)
    expect(steps).toContain('Winner: the first matching regex, location ~* "^/foos1" (ImplementationSpecific /foos1 of Ingress default/test → s1:80).')
    const d4 = steps.find((step) => step.startsWith('Spec divergence D4:'))
    expect(d4).toContain('is matched as location ~* "^/foos1", a case-insensitive regex anchored only at the start')
    expect(d4).toContain('the rewrite-target of Ingress default/test')
    expect(steps.join('\n')).not.toContain('treated as Prefix')
    // The note is true: a path that merely begins with /foos1, in any case, is taken too.
    expect(run(SEED, 'http://foo.bar.com/FOOS1xyz')).toMatchObject({ status: 200, service: 's1' })
  })

  test('on a plain host it is a Prefix, as before', () => {
    const result = run(clusterModel(ingress('web', { rules: [{ host: 't.test', paths: [{ path: '/docs', type: 'ImplementationSpecific', backend: 's1:80' }] }] })), 'http://t.test/docs/intro')
    const note = result.divergences.find((candidate) => candidate.id === 'D4')
    expect(note && formatMessage(note.text)).toBe('ImplementationSpecific /docs is treated as Prefix by ingress-nginx (without use-regex); the spec leaves ImplementationSpecific to the controller.')
  })
})

describe('the location search', () => {
  const prefixSteps = (steps: readonly string[]) => steps.filter((step) => /longest matching prefix/i.test(step))

  test('without regex locations the longest prefix wins in one step', () => {
    const steps = english(run(clusterModel(ingress('web', { rules: [{ host: 't.test', paths: [{ path: '/api', backend: 'api:80' }] }] })), 'http://t.test/api/v1'))
    expect(prefixSteps(steps)).toEqual(['The longest matching prefix wins: location /api/ (Prefix /api of Ingress default/web → api:80).'])
    expect(steps.at(-1)).toBe('Answer: proxied to api:80 as /api/v1.')
  })

  test('a prefix a regex then beats is said to be remembered, once', () => {
    // On the catch-all server of a hostless use-regex Ingress, the controller's /healthz stays a plain prefix.
    const model = clusterModel(ingress('regex', { annotations: nginx({ 'use-regex': 'true' }), rules: [{ paths: [{ path: '/v[0-9]+', type: 'ImplementationSpecific', backend: 'v:80' }] }] }))
    const steps = english(run(model, 'http://other.test/healthzz'))
    expect(prefixSteps(steps)).toEqual([
      "Longest matching prefix: location /healthz (the controller's health check, which answers 200 itself); nginx remembers it and tries the regex locations before using it.",
    ])
    expect(steps).toContain('Regex locations, tried in order (longest path first): location ~* "^/v[0-9]+": no match; location ~* "^/": matches.')
    expect(steps).toContainEqual(expect.stringMatching(/^Winner: the first matching regex, location ~\* "\^\/" /))
  })
})

describe('the trace in Korean', () => {
  test('every step of the seed request is Korean around its names', () => {
    const steps = korean(run(SEED, 'http://foo.bar.com/foos1/abc'))
    expect(steps).toHaveLength(english(run(SEED, 'http://foo.bar.com/foos1/abc')).length)
    for (const step of steps) expect(step, step).toMatch(/[\uAC00-\uD7A3]/)
    expect(steps.find((step) => step.startsWith('스펙과 다름 D4:'))).toContain('시작에만 고정된 대소문자 무시 정규식')
  })

  test('phrases inside a step are Korean too: regex verdicts, the spec\'s answer, a 400\'s reason', () => {
    expect(korean(run(SEED, 'http://foo.bar.com/bars2'))).toContainEqual(expect.stringContaining('location ~* "^/bars2": 일치'))
    expect(korean(run(SEED, 'http://foo.bar.com/%zz')).at(-1)).toBe('nginx가 요청을 400으로 거부합니다: "%zz": 올바른 퍼센트 이스케이프가 아닙니다.')
  })

  test('tracing off builds no steps', () => {
    expect(routeRequest(compileRoutes(SEED), { url: 'http://foo.bar.com/foos1' }, { trace: false })).toMatchObject({ trace: [], divergences: [] })
  })
})
