/**
 * Catastrophic regexes are answered as nginx answers them, in bounded time: a location regex or a rewrite
 * that hits PCRE's match limit is a 500, a canary header pattern that hits it sends the request to the
 * primary (docs/routing.md#regex-match-limit).
 */
import { describe, expect, test } from 'vitest'
import { formatMessage } from '../messages/render'
import { applyRewrite, compileRewriteMatcher } from './apply-rewrite'
import { compileRoutes } from './compile-routes'
import { createRandom } from './random'
import { routeRequest } from './route-request'
import { nginx } from '../testing/manifests'
import { clusterModel, ingress } from '../testing/models'

const as = (count: number): string => 'a'.repeat(count)

/** The CPU time `run` takes (this process only: the bound is on the engine's work, not on the machine's load). */
function timed<T>(run: () => T): { value: T; ms: number } {
  const started = process.cpuUsage()
  const value = run()
  const used = process.cpuUsage(started)
  return { value, ms: (used.user + used.system) / 1000 }
}

describe('a location regex past the match limit', () => {
  const compiled = compileRoutes(clusterModel(
    ingress('attack', { annotations: nginx({ 'use-regex': 'true' }), rules: [{ host: 't.test', paths: [{ path: '/(a+)+b', type: 'ImplementationSpecific', backend: 'app:80' }] }] }),
  ))

  test('answers 500 with a note naming PCRE\'s match limit, within a second', () => {
    const { value: result, ms } = timed(() => routeRequest(compiled, { url: `http://t.test/${as(32)}!b` }))
    expect(result).toMatchObject({ status: 500, service: null, upstream: null })
    const trace = result.trace.map((step) => formatMessage(step)).join('\n')
    expect(trace).toMatch(/match-limit error .* 500 Internal Server Error/)
    expect(trace).toContain("exceeds PCRE's match limit")
    expect(ms).toBeLessThan(1000)
  })

  test('without the required "b" PCRE answers no match at once, so the request goes on', () => {
    const { value: result, ms } = timed(() => routeRequest(compiled, { url: `http://t.test/${as(40)}` }))
    expect(result.status).toBe(404)
    expect(ms).toBeLessThan(100)
  })

  test('a short path still matches', () => {
    expect(routeRequest(compiled, { url: 'http://t.test/aaab' })).toMatchObject({ status: 200, service: 'app' })
  })
})

test('a rewrite regex past the match limit is a 500 from nginx\'s rewrite module', () => {
  const request = { scheme: 'http', method: 'GET', requestUri: `/x${as(32)}!b`, uri: `/x${as(32)}!b`, args: null, hostHeader: 't.test', host: 't.test', serverName: 't.test', serverPort: '80', headers: new Map<string, string>(), quoted: false, plus: false }
  const outcome = applyRewrite(compileRewriteMatcher('/x(a+)+b'), '/$1', request)
  expect(outcome).toEqual({ kind: 'match-limit' })
})

describe('a canary header pattern past the match limit', () => {
  const compiled = compileRoutes(clusterModel(
    ingress('main', { rules: [{ host: 't.test', paths: [{ path: '/', backend: 'stable:80' }] }] }),
    ingress('next', {
      annotations: nginx({ canary: 'true', 'canary-by-header': 'X-Pattern', 'canary-by-header-pattern': '^(a|aa)+$', 'canary-by-cookie': 'canary' }),
      rules: [{ host: 't.test', paths: [{ path: '/', backend: 'preview:80' }] }],
    }),
  ))
  const route = (header: string) => routeRequest(compiled, { url: 'http://t.test/', headers: { 'X-Pattern': header }, cookies: { canary: 'always' } }, { random: createRandom(1) })

  test('sends the request to the primary without consulting the cookie, as ingress-nginx\'s Lua does', () => {
    const { value: result, ms } = timed(() => route(`${as(40)}!`))
    expect(result).toMatchObject({ status: 200, canary: false, service: 'stable' })
    expect(result.trace.map((step) => formatMessage(step)).join('\n')).toMatch(/match limit.*balancer\.lua.*primary/)
    expect(ms).toBeLessThan(1000)
  })

  test('a header the pattern matches still goes to the canary', () => {
    expect(route(as(40))).toMatchObject({ canary: true, service: 'preview' })
  })
})
