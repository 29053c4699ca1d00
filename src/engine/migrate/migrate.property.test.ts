/**
 * Property: migrating old manifests changes neither what ingress-nginx does with each request nor what a rolling
 * update does, on generated Ingresses (both old versions; hosts, wildcards, hostless rules; empty, Prefix-valid,
 * regex and invalid-as-Prefix paths; rewrite-target, use-regex, class annotations, header canaries; defaultBackend)
 * and Deployments (the three old versions; strategies, defaults left out or written; probes; preStop).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { analyze } from '../analyze'
import { compileRoutes } from '../route/compile-routes'
import { createRandom } from '../route/random'
import { routeRequest } from '../route/route-request'
import { findRolloutTarget } from '../simulate/rollout-target'
import { simulateRollout } from '../simulate/simulate-rollout'
import { migrateSources } from './migrate-sources'

const backend = fc.record({ serviceName: fc.constantFrom('s1', 's2'), servicePort: fc.constantFrom<number | string>(80, 'http') })
const pathEntry = fc.record({
  path: fc.option(fc.constantFrom('/', '/a', '/a/', '/ab', '/a/b', '/api(/|$)(.*)', '/v[0-9]+', '/a//b', '/A'), { nil: undefined }),
  backend,
}).map(({ path, backend: b }) => (path === undefined ? { backend: b } : { path, backend: b }))
const rule = fc.record({
  host: fc.constantFrom<string | undefined>('a.example.com', 'b.example.com', '*.example.com', undefined),
  paths: fc.array(pathEntry, { minLength: 1, maxLength: 3 }),
}).map(({ host, paths }) => ({ ...(host ? { host } : {}), http: { paths } }))
const annotations = fc.record({
  'nginx.ingress.kubernetes.io/rewrite-target': fc.constantFrom('/', '/$2', '/x'),
  'nginx.ingress.kubernetes.io/use-regex': fc.constant('true'),
  'kubernetes.io/ingress.class': fc.constantFrom('nginx', 'other'),
  'nginx.ingress.kubernetes.io/canary': fc.constant('true'),
  'nginx.ingress.kubernetes.io/canary-by-header': fc.constant('x-canary'),
  'nginx.org/rewrites': fc.constant('serviceName=s1 rewrite=/'),
}, { requiredKeys: [] })
const ingress = (name: string) => fc.record({
  apiVersion: fc.constantFrom('extensions/v1beta1', 'networking.k8s.io/v1beta1'),
  annotations,
  fallback: fc.option(backend, { nil: undefined }),
  rules: fc.array(rule, { minLength: 0, maxLength: 2 }),
}).map(({ apiVersion, annotations: a, fallback, rules }) => ({
  apiVersion, kind: 'Ingress',
  metadata: { name, ...(Object.keys(a).length > 0 ? { annotations: a } : {}) },
  spec: { ...(fallback ? { backend: fallback } : {}), ...(rules.length > 0 || !fallback ? { rules } : {}) },
}))

const services = ['s1', 's2'].map((name) => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name },
  spec: { selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
}))

const URLS = ['a.example.com', 'b.example.com', 'x.example.com', 'other.com'].flatMap((host) =>
  ['/', '/a', '/a/', '/ab', '/a/b', '/A', '/api/x', '/v1/x', '/a//b', '/zz'].map((path) => `http://${host}${path}`))

function routes(text: string) {
  const compiled = compileRoutes(analyze([{ name: 'm.yaml', text }], { checks: false }).model)
  const variants: Record<string, string>[] = [{}, { 'x-canary': 'always' }]
  return URLS.flatMap((url) => variants.map((headers) => {
    // The trace and the spec-divergence notes explain; they change when a defaulted ImplementationSpecific becomes
    // an explicit Prefix (the D4 note goes: spec and ingress-nginx now agree). Everything routing decides must not.
    // A routing-engine exception counts as an outcome too: equal inputs must fail equally (the property is equivalence).
    try {
      const { trace: _trace, divergences: _notes, ...result } = routeRequest(compiled, { url, headers }, { random: createRandom(7) })
      return result
    } catch (error) {
      return { threw: error instanceof Error ? error.message : String(error) }
    }
  }))
}

/** IngressClasses that make the class annotation and ingressClassName mean different things unless migrated with care. */
const ingressClasses = fc.array(fc.record({
  name: fc.constantFrom('nginx', 'other'),
  controller: fc.constantFrom('k8s.io/ingress-nginx', 'example.com/other'),
  isDefault: fc.boolean(),
}), { maxLength: 2 }).map((classes) => classes.map(({ name, controller, isDefault }, i) => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass',
  metadata: { name: `${name}${i === 0 ? '' : i}`, ...(isDefault ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}) },
  spec: { controller },
})))

describe('migration keeps routing', () => {
  it('routes every request the same before and after', () => {
    const ingresses = fc.array(fc.integer(), { minLength: 1, maxLength: 3 }).chain((ids) => fc.tuple(...ids.map((_, i) => ingress(`i${i}`))))
    fc.assert(fc.property(ingresses, ingressClasses, (generated, classes) => {
      const text = [...generated, ...classes, ...services].map((doc) => stringify(doc)).join('---\n')
      const migrated = migrateSources([{ name: 'm.yaml', text }])
      expect(migrated.problems).toEqual([])
      const after = migrated.files[0]?.text ?? ''
      expect(after).not.toMatch(/serviceName:|servicePort:|extensions\/v1beta1|networking\.k8s\.io\/v1beta1/)
      expect(routes(after)).toEqual(routes(text))
    }), { numRuns: 120 })
  }, 60_000)
})

const intOrPercent = fc.constantFrom<number | string>(0, 1, 2, '25%', '50%', '100%')
const deployment = fc.record({
  apiVersion: fc.constantFrom('extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'),
  replicas: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  strategy: fc.oneof(
    fc.constant(undefined),
    fc.constant({ type: 'Recreate' }),
    fc.record({ maxSurge: intOrPercent, maxUnavailable: intOrPercent }, { requiredKeys: [] }).map((rollingUpdate) => ({ rollingUpdate })),
  ),
  minReadySeconds: fc.option(fc.constantFrom(0, 2), { nil: undefined }),
  progressDeadlineSeconds: fc.option(fc.constantFrom(20, 600), { nil: undefined }),
  readiness: fc.option(fc.record({ initialDelaySeconds: fc.constantFrom(0, 4), periodSeconds: fc.constantFrom(1, 3) }), { nil: undefined }),
  preStop: fc.option(fc.constantFrom(0, 3), { nil: undefined }),
}).filter(({ strategy }) => {
  const ru = (strategy as { rollingUpdate?: { maxSurge?: unknown; maxUnavailable?: unknown } } | undefined)?.rollingUpdate
  const zero = (v: unknown) => v === 0 || v === '0%'
  return !(ru && zero(ru.maxSurge) && zero(ru.maxUnavailable))
}).map((d) => ({
  apiVersion: d.apiVersion, kind: 'Deployment', metadata: { name: 's1' },
  spec: {
    ...(d.replicas === undefined ? {} : { replicas: d.replicas }),
    ...(d.apiVersion === 'apps/v1beta2' ? { selector: { matchLabels: { app: 's1' } } } : {}),
    ...(d.strategy ? { strategy: d.strategy } : {}),
    ...(d.minReadySeconds === undefined ? {} : { minReadySeconds: d.minReadySeconds }),
    ...(d.progressDeadlineSeconds === undefined ? {} : { progressDeadlineSeconds: d.progressDeadlineSeconds }),
    template: {
      metadata: { labels: { app: 's1' } },
      spec: {
        containers: [{
          name: 'app', image: 'shop:v1', ports: [{ name: 'http', containerPort: 8080 }],
          ...(d.readiness ? { readinessProbe: { httpGet: { path: '/', port: 8080 }, ...d.readiness } } : {}),
          ...(d.preStop === undefined ? {} : { lifecycle: { preStop: { sleep: { seconds: d.preStop } } } }),
        }],
      },
    },
  },
}))

function rollout(text: string) {
  const model = analyze([{ name: 'm.yaml', text }], { checks: false }).model
  const d = model.deployments[0]
  if (!d) throw new Error('no Deployment')
  const outcome = simulateRollout({ deployment: d, target: findRolloutTarget(model, d), parameters: { rps: 20, seed: 3 } })
  if (outcome.kind !== 'ok') return outcome
  const { deployment: { apiVersion: _version, ...described }, ...result } = outcome.result
  return { described, ...result }
}

describe('migration keeps rollouts', () => {
  it('simulates the same rolling update before and after', () => {
    const ingressDoc = stringify({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' },
      spec: { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 's1', port: { number: 80 } } } }] } }] } })
    fc.assert(fc.property(deployment, (d) => {
      const text = [stringify(d), stringify(services[0]), ingressDoc].join('---\n')
      const after = migrateSources([{ name: 'm.yaml', text }]).files[0]?.text ?? ''
      expect(after).toContain('apiVersion: apps/v1\n')
      expect(rollout(after)).toEqual(rollout(text))
    }), { numRuns: 40 })
  }, 60_000)
})
