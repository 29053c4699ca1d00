/**
 * Property test: the indexed relations of `buildClusterIndex` equal the straightforward all-pairs answers (every
 * Service compared with every Deployment of its namespace) for random small clusters with overlapping labels.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ClusterModel, Deployment, Service } from '../model/types'
import { deploymentYaml, ingressYaml, joinDocuments, serviceYaml } from '../testing/manifests'
import { modelOf } from '../testing/models'
import { buildClusterIndex, selects } from './cluster-index'

const labels = fc.dictionary(fc.constantFrom('app', 'tier', 'track', 'x.io/team'), fc.constantFrom('a', 'b', 'web'), { minKeys: 1, maxKeys: 3 })
const namespace = fc.constantFrom('default', 'shop')

const cluster = fc.record({
  deployments: fc.array(fc.record({ namespace, podLabels: labels }), { maxLength: 8 }),
  services: fc.array(fc.record({ namespace, selector: fc.option(labels, { nil: null }), routed: fc.boolean() }), { maxLength: 8 }),
})

type Cluster = typeof cluster extends fc.Arbitrary<infer T> ? T : never

function modelFor(c: Cluster): ClusterModel {
  const documents = [
    ...c.deployments.map((d, i) => deploymentYaml(`d${i}`, d)),
    ...c.services.map((s, i) => serviceYaml(`s${i}`, { namespace: s.namespace, selector: s.selector })),
    ...c.services.flatMap((s, i) => (s.routed ? [ingressYaml(`i${i}`, { namespace: s.namespace, defaultBackend: `s${i}:80` })] : [])),
  ]
  return modelOf(documents.length > 0 ? joinDocuments(...documents) : '')
}

/** Every Service against every Deployment, in document order. */
function allPairs(model: ClusterModel): { selected: Map<Service, Deployment[]>; selecting: Map<Deployment, Service[]> } {
  const selected = new Map<Service, Deployment[]>()
  const selecting = new Map<Deployment, Service[]>()
  for (const s of model.services) selected.set(s, model.deployments.filter((d) => d.meta.namespace === s.meta.namespace && selects(s.selector, d.template.labels)))
  for (const d of model.deployments) selecting.set(d, model.services.filter((s) => s.meta.namespace === d.meta.namespace && selects(s.selector, d.template.labels)))
  return { selected, selecting }
}

describe('buildClusterIndex', () => {
  it('relates Services and Deployments exactly as comparing all pairs does', () => {
    fc.assert(fc.property(cluster, (c) => {
      const model = modelFor(c)
      const index = buildClusterIndex(model)
      const expected = allPairs(model)
      const routed = new Set(model.ingresses.flatMap((ingress) => model.services.filter((s) => s.meta.namespace === ingress.meta.namespace && s.meta.name === (ingress.defaultBackend?.type === 'service' ? ingress.defaultBackend.service : ''))))
      for (const s of model.services) {
        expect(index.selectedBy(s)).toEqual(expected.selected.get(s))
        expect(index.servicesIn(s.meta.namespace)).toEqual(model.services.filter((other) => other.meta.namespace === s.meta.namespace))
      }
      for (const d of model.deployments) {
        expect(index.servicesOf(d)).toEqual(expected.selecting.get(d))
        expect(index.behindIngress(d)).toBe((expected.selecting.get(d) ?? []).some((s) => routed.has(s)))
        expect(index.deployment(d.meta.namespace, d.meta.name)).toBe(model.deployments.find((other) => other.meta.namespace === d.meta.namespace && other.meta.name === d.meta.name))
        expect(index.hasDeployments(d.meta.namespace)).toBe(true)
      }
    }), { numRuns: 100 })
  }, 30_000) // each run models a manifest; a shared machine can take longer than the default 5 s

  it('keeps the first Deployment of a repeated name, as document order does', () => {
    const model = modelOf(joinDocuments(deploymentYaml('web', { podLabels: { app: 'one' } }), deploymentYaml('web', { podLabels: { app: 'two' } })), { allowErrors: ['duplicate-object'] })
    expect(buildClusterIndex(model).deployment('default', 'web')?.template.labels).toEqual({ app: 'one' })
  })
})
