/**
 * Status does not depend on document order: a controller reads objects, not files (issue 15: "reordering documents
 * never changes any answer"). Any subset of a pool of Gateways, HTTPRoutes, ReferenceGrants, Services and
 * Namespaces, in any order, gets the same listener and parentRef conditions and the same attachments. `age` is a
 * rank among the routes present (route-age.ts; its own order is checked in route-gateway.property.test.ts).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { joinDocuments, serviceYaml } from '../testing/manifests'
import { modelOf } from '../testing/models'
import { compileGateways } from './compile-gateways'
import type { CompiledGateways } from './types'

const gw = (name: string, namespace: string, listeners: string): string =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  gatewayClassName: studio\n  listeners:\n${listeners}`
const route = (name: string, namespace: string, spec: string): string =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n${spec}`

const POOL: readonly string[] = [
  gw('edge', 'infra', '  - {name: http, port: 80, protocol: HTTP, hostname: "*.example.com", allowedRoutes: {namespaces: {from: All}}}\n  - {name: exact, port: 80, protocol: HTTP, hostname: a.example.com}\n  - {name: odd, port: 81, protocol: INVALID}\n'),
  gw('shared', 'infra', '  - {name: http, port: 8080, protocol: HTTP, allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {team: a}}}}}\n  - {name: clash, port: 8080, protocol: TCP}\n'),
  route('r1', 'infra', '  hostnames: [a.example.com, b.other.com]\n  parentRefs: [{name: edge}]\n  rules:\n  - backendRefs: [{name: web, port: 80}]\n'),
  route('r2', 'apps', '  parentRefs: [{name: edge, namespace: infra, sectionName: http}, {name: shared, namespace: infra}]\n  rules:\n  - backendRefs: [{name: api, namespace: data, port: 80}, {name: web, namespace: infra, port: 80}]\n'),
  route('r3', 'apps', '  hostnames: [x.nowhere.io]\n  parentRefs: [{name: edge, namespace: infra, port: 80}]\n  rules:\n  - backendRefs: [{name: missing, port: 80}]\n'),
  route('r4', 'infra', '  parentRefs: [{name: ghost}]\n  rules:\n  - backendRefs: [{group: example.net, kind: Bucket, name: b}]\n'),
  'apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata: {name: g, namespace: data}\nspec:\n  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: apps}]\n  to: [{group: "", kind: Service}]\n',
  serviceYaml('web', { namespace: 'infra' }),
  serviceYaml('api', { namespace: 'data' }),
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: apps, labels: {team: a}}\n',
]

/** Everything but `age` and source positions, keyed by object so order cannot matter. */
function status(compiled: CompiledGateways): unknown {
  const gateways = Object.fromEntries(compiled.gateways.map((g) => [g.ref.key, {
    conditions: g.conditions.map((c) => [c.type, c.status, c.reason]),
    listeners: g.listeners.map((l) => ({
      conditions: l.conditions.map((c) => [c.type, c.status, c.reason]),
      attachedRoutes: l.attachedRoutes,
      attachments: l.attachments.map((a) => [a.route, a.parentRefIndex, a.hostnames]).sort((a, b) => String(a).localeCompare(String(b))),
    })),
  }]))
  const routes = Object.fromEntries(compiled.routes.map((r) => [r.ref.key, {
    parents: r.parents.map((p) => [p.gateway, p.listeners, p.conditions.map((c) => [c.type, c.status, c.reason])]),
    backends: r.rules.map((rule) => rule.backends.map((b) => [b.valid, b.refusal?.reason ?? null, b.endpoints])),
  }]))
  const issues = compiled.issues.map((i) => `${i.code} ${JSON.stringify(i.at)} ${JSON.stringify(i.text)}`).sort()
  return { gateways, routes, issues }
}

describe('compileGateways is independent of document order', () => {
  it('any subset of the pool, shuffled, gets the same status', () => {
    fc.assert(fc.property(fc.subarray([...POOL.keys()], { minLength: 1 }), fc.infiniteStream(fc.nat()), (picked, draws) => {
      const shuffled = [...picked]
      const numbers = draws[Symbol.iterator]()
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = (numbers.next().value as number) % (i + 1)
        ;[shuffled[i], shuffled[j]] = [shuffled[j] as number, shuffled[i] as number]
      }
      const text = (order: readonly number[]): string => joinDocuments(...order.map((i) => POOL[i] as string))
      expect(status(compileGateways(modelOf(text(shuffled))))).toEqual(status(compileGateways(modelOf(text(picked)))))
    }), { numRuns: 60 })
  })
})
