/**
 * Canary precedence as ingress-nginx's balancer.lua decides it: header (value, then pattern, then
 * always/never), cookie (always/never), then weight out of max(100, canary-weight-total) with seeded draws.
 */
import { describe, expect, test } from 'vitest'
import { formatMessage } from '../messages/render'
import { compileRoutes } from './compile-routes'
import { createRandom } from './random'
import { routeRequest } from './route-request'
import { nginx } from '../testing/manifests'
import { clusterModel, ingress } from '../testing/models'
import type { RouteRequest } from './types'

function setup(canaryAnnotations: Record<string, string>) {
  const primary = ingress('main', { rules: [{ host: 't.test', paths: [{ path: '/', backend: 'stable:80' }, { path: '/admin', backend: 'stable:80' }] }] })
  const canary = ingress('next', { annotations: nginx({ canary: 'true', ...canaryAnnotations }), rules: [{ host: 't.test', paths: [{ path: '/', backend: 'preview:80' }] }] })
  const compiled = compileRoutes(clusterModel(primary, canary))
  return (request: Partial<RouteRequest> = {}, seed = 1) => routeRequest(compiled, { url: 'http://t.test/', ...request }, { random: createRandom(seed) })
}

describe('canary by header', () => {
  const route = setup({ 'canary-by-header': 'X-Canary', 'canary-by-header-value': 'yes', 'canary-by-cookie': 'canary', 'canary-weight': '0' })

  test('the exact value sends the request to the canary; the canary Ingress is reported', () => {
    expect(route({ headers: { 'x-canary': 'yes' } })).toMatchObject({ status: 200, canary: true, service: 'preview', ingress: 'next' })
  })

  test('another value falls through to the cookie, then the weight', () => {
    expect(route({ headers: { 'X-Canary': 'no' } })).toMatchObject({ canary: false, service: 'stable', ingress: 'main' })
    expect(route({ headers: { 'X-Canary': 'no' }, cookies: { canary: 'always' } })).toMatchObject({ canary: true })
    // With a value configured, "always" is just another value.
    expect(route({ headers: { 'X-Canary': 'always' } })).toMatchObject({ canary: false })
  })

  test('header names compare case-insensitively with - and _ alike', () => {
    expect(route({ headers: { X_CANARY: 'yes' } })).toMatchObject({ canary: true })
  })
})

describe('canary by header pattern and always/never', () => {
  test('a pattern matches unanchored and case-sensitively', () => {
    const route = setup({ 'canary-by-header': 'X-User', 'canary-by-header-pattern': '^(alice|bob)$' })
    expect(route({ headers: { 'X-User': 'bob' } })).toMatchObject({ canary: true })
    expect(route({ headers: { 'X-User': 'Bob' } })).toMatchObject({ canary: false })
  })

  test('a pattern that cannot compile sends everyone to the primary', () => {
    const route = setup({ 'canary-by-header': 'X-User', 'canary-by-header-pattern': '(', 'canary-weight': '100' })
    expect(route({ headers: { 'X-User': 'x' } })).toMatchObject({ canary: false })
  })

  test('without value or pattern, always and never decide and stop; other values fall through', () => {
    const route = setup({ 'canary-by-header': 'X-Canary', 'canary-by-cookie': 'c', 'canary-weight': '100' })
    expect(route({ headers: { 'X-Canary': 'always' } })).toMatchObject({ canary: true })
    expect(route({ headers: { 'X-Canary': 'never' }, cookies: { c: 'always' } })).toMatchObject({ canary: false })
    expect(route({ headers: { 'X-Canary': 'maybe' } })).toMatchObject({ canary: true })
  })
})

describe('canary by cookie and weight', () => {
  test('cookie always/never beat the weight; the Cookie header counts too', () => {
    const route = setup({ 'canary-by-cookie': 'beta', 'canary-weight': '100' })
    expect(route({ cookies: { beta: 'never' } })).toMatchObject({ canary: false })
    expect(route({ headers: { Cookie: 'a=1; beta=never' } })).toMatchObject({ canary: false })
    expect(route({ cookies: { beta: 'other' } })).toMatchObject({ canary: true })
  })

  test('weight 0 never, weight 100 always', () => {
    for (let seed = 1; seed <= 50; seed++) {
      expect(setup({ 'canary-weight': '0' })({}, seed).canary).toBe(false)
      expect(setup({ 'canary-weight': '100' })({}, seed).canary).toBe(true)
    }
  })

  test('a weight is a share of the draws from one seeded source, repeatable with the same seed', () => {
    const model = compileRoutes(clusterModel(
      ingress('main', { rules: [{ host: 't.test', paths: [{ path: '/', backend: 'stable:80' }] }] }),
      ingress('next', { annotations: nginx({ canary: 'true', 'canary-weight': '20' }), rules: [{ host: 't.test', paths: [{ path: '/', backend: 'preview:80' }] }] }),
    ))
    const draw = (seed: number): boolean[] => {
      const random = createRandom(seed)
      return Array.from({ length: 2000 }, () => routeRequest(model, { url: 'http://t.test/' }, { random, trace: false }).canary)
    }
    const first = draw(7)
    const hits = first.filter(Boolean).length
    expect(hits).toBeGreaterThan(330)
    expect(hits).toBeLessThan(470)
    expect(draw(7)).toEqual(first)
    expect(draw(8)).not.toEqual(first)
    // Without a source, every call uses the same fresh seed: the same request always gets the same answer.
    const single = routeRequest(model, { url: 'http://t.test/' }).canary
    expect(routeRequest(model, { url: 'http://t.test/' }).canary).toBe(single)
  })

  test('canary-weight-total above 100 changes the base; below 100 it is ignored', () => {
    const count = (annotations: Record<string, string>): number => {
      const route = setup(annotations)
      let hits = 0
      for (let seed = 0; seed < 1000; seed++) if (route({}, seed).canary) hits++
      return hits
    }
    const ofThousand = count({ 'canary-weight': '500', 'canary-weight-total': '1000' })
    expect(ofThousand).toBeGreaterThan(430)
    expect(ofThousand).toBeLessThan(570)
    expect(count({ 'canary-weight': '50', 'canary-weight-total': '50' })).toBeLessThan(570)
    expect(count({ 'canary-weight': '50', 'canary-weight-total': '50' })).toBeGreaterThan(430)
  })

  test('the canary is attached per upstream: another location of the primary Service gets canary traffic too', () => {
    const route = setup({ 'canary-weight': '100' })
    expect(route({ url: 'http://t.test/admin/x' })).toMatchObject({ canary: true, service: 'preview' })
  })

  test('the trace explains the decision', () => {
    const result = setup({ 'canary-weight': '30' })({}, 3)
    expect(result.trace.some((step) => /^Canary: canary-weight 30 of 100: drew \d+/.test(formatMessage(step)))).toBe(true)
  })
})
