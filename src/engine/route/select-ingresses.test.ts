/**
 * Class filtering (ingressClassName, the legacy annotation, the default class, IngressClass objects in the
 * input) and ingress-nginx's processing order (creationTimestamp, then namespace/name descending; document
 * order without timestamps).
 */
import { describe, expect, test } from 'vitest'
import type { Ingress, IngressClass } from '../model/types'
import { DEFAULT_ENVIRONMENT } from './environment'
import { compareIngressAge, selectIngresses } from './select-ingresses'
import { clusterModel, ingress, ingressClass } from '../testing/models'
import type { RouteIssue } from './types'

function served(objects: readonly (Ingress | IngressClass)[], env = DEFAULT_ENVIRONMENT): { names: string[]; issues: RouteIssue[] } {
  const issues: RouteIssue[] = []
  const result = selectIngresses(clusterModel(...objects), env, issues)
  return { names: result.served.map((entry) => entry.ingress.meta.name), issues }
}

const rules = [{ host: 'a.test', paths: [{ path: '/', backend: 's:80' }] }]

describe('class filtering', () => {
  test('without a class, the assumed default IngressClass nginx serves the Ingress', () => {
    expect(served([ingress('plain', { rules })]).names).toEqual(['plain'])
    const off = { ...DEFAULT_ENVIRONMENT, assumeDefaultClass: false }
    const result = served([ingress('plain', { rules })], off)
    expect(result.names).toEqual([])
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'ingress-not-served', severity: 'info', at: ['metadata'] }))
  })

  test('the kubernetes.io/ingress.class annotation must equal --ingress-class', () => {
    const ours = ingress('ours', { annotations: { 'kubernetes.io/ingress.class': 'nginx' }, rules })
    const theirs = ingress('theirs', { annotations: { 'kubernetes.io/ingress.class': 'traefik' }, rules })
    expect(served([ours, theirs]).names).toEqual(['ours'])
  })

  test('ingressClassName decides alone, the annotation is then not consulted', () => {
    const both = ingress('both', { className: 'nginx', annotations: { 'kubernetes.io/ingress.class': 'traefik' }, rules })
    const unknown = ingress('unknown', { className: 'missing', rules })
    const result = served([both, unknown])
    expect(result.names).toEqual(['both'])
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'ingress-not-served', at: ['spec', 'ingressClassName'] }))
  })

  test('IngressClass objects of the input: their controller decides, and their default replaces the assumed one', () => {
    const classes = [ingressClass('public', 'k8s.io/ingress-nginx'), ingressClass('traefik', 'traefik.io/ingress-controller', true)]
    const result = served([
      ...classes,
      ingress('public', { className: 'public', rules }),
      ingress('traefik', { className: 'traefik', rules }),
      ingress('classless', { rules }),
      ingress('nginx', { className: 'nginx', rules }),
    ])
    // The default is traefik's, so the class-less Ingress is not ours; `nginx` is still assumed to exist.
    expect(result.names).toEqual(['public', 'nginx'])
  })

  test('an input default class for ingress-nginx serves class-less Ingresses; two defaults serve none', () => {
    expect(served([ingressClass('internal', 'k8s.io/ingress-nginx', true), ingress('classless', { rules })]).names).toEqual(['classless'])
    const twoDefaults = [ingressClass('a', 'k8s.io/ingress-nginx', true), ingressClass('b', 'k8s.io/ingress-nginx', true), ingress('classless', { rules })]
    expect(served(twoDefaults).names).toEqual([])
  })
})

describe('processing order', () => {
  const at = (name: string, namespace: string, timestamp?: string): Ingress =>
    ingress(name, { namespace, ...(timestamp ? { timestamp } : {}), rules })

  test('creationTimestamp ascending, ties by namespace/name descending', () => {
    const result = served([
      at('b', 'default', '2024-01-02T00:00:00Z'),
      at('a', 'default', '2024-01-01T00:00:00Z'),
      at('c', 'default', '2024-01-01T00:00:00Z'),
      at('a', 'zeta', '2024-01-01T00:00:00Z'),
    ])
    expect(result.names).toEqual(['a', 'c', 'a', 'b'])
    const namespaces = selectIngresses(clusterModel(at('a', 'default', '2024-01-01T00:00:00Z'), at('a', 'zeta', '2024-01-01T00:00:00Z')), DEFAULT_ENVIRONMENT, [])
    expect(namespaces.served.map((entry) => entry.ingress.meta.namespace)).toEqual(['zeta', 'default'])
  })

  test('without timestamps, document order; timestamped Ingresses come first', () => {
    expect(served([at('z', 'default'), at('a', 'default'), at('m', 'default')]).names).toEqual(['z', 'a', 'm'])
    expect(served([at('late', 'default'), at('dated', 'default', '2030-01-01T00:00:00Z')]).names).toEqual(['dated', 'late'])
  })

  test('compareIngressAge is a total order consistent with the rules above', () => {
    const a = { ...at('a', 'x', '2024-01-01T00:00:00Z'), order: 0 }
    const b = { ...at('b', 'x', '2024-01-01T00:00:00Z'), order: 1 }
    expect(compareIngressAge(a, b)).toBeGreaterThan(0)
    expect(compareIngressAge(b, a)).toBeLessThan(0)
    expect(compareIngressAge(a, a)).toBe(0)
  })
})
