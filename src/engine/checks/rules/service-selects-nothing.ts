/**
 * `service-selects-nothing`: a Service's selector matches no pod template in its namespace, or only Deployments
 * scaled to 0. Only checked where the manifests hold Deployments in that namespace and no workload the studio does
 * not read: a lone Service may select pods created elsewhere. The same rule routing answers by
 * (route/backend-availability.ts, docs/routing.md#assumptions): the Service's upstreams have no endpoints, 503.
 */
import { msg, type Message } from '../../messages/message'
import type { Service } from '../../model/types'
import { backendWorld, endpointsReason, namesOf, readDefaultBackendAnnotation } from '../../route/backend-availability'
import type { ClusterIndex } from '../cluster-index'
import type { Finding, LintRule } from '../types'

export const serviceSelectsNothing: LintRule = {
  id: 'service-selects-nothing',
  check({ model, index }) {
    const world = backendWorld(model)
    const findings: Finding[] = []
    for (const service of model.services) {
      const reason = endpointsReason(world, service, undefined)
      if (reason !== 'selects-nothing' && reason !== 'zero-replicas') continue
      const answer = answerOf(world, index, service)
      const said = { namespace: service.meta.namespace, service: service.meta.name, answer }
      if (reason === 'zero-replicas') {
        const deployments = namesOf(world.selected(service))
        findings.push({ code: 'service-selects-nothing', source: service.source, at: ['spec', 'selector'], part: 'key', text: msg('backend-lint-zero-replicas', { ...said, deployments }) })
        continue
      }
      const namesake = index.deployment(service.meta.namespace, service.meta.name)
      const wanted = Object.entries(service.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(', ')
      findings.push({
        code: 'service-selects-nothing',
        source: service.source,
        at: ['spec', 'selector'],
        part: 'key',
        text: msg('backend-lint-selects-nothing', { ...said, labels: wanted }),
        fixes: namesake && Object.keys(namesake.template.labels).length > 0
          ? [{ title: msg('fix-select-deployment-pods', { deployment: namesake.meta.name }), ops: [{ op: 'set', path: ['spec', 'selector'], value: { ...namesake.template.labels } }] }]
          : [],
      })
    }
    return findings
  },
}

/** What routing answers for the paths to `service`: none route there, 503, or 503 / a default-backend annotation. */
function answerOf(world: ReturnType<typeof backendWorld>, index: ClusterIndex, service: Service): Message {
  const uses = index.ingressUses(service)
  if (uses.length === 0) return msg('backend-lint-answer-none')
  const custom = uses.some(({ ingress }) => readDefaultBackendAnnotation(world, ingress, { name: ingress.meta.name, namespace: ingress.meta.namespace, index: -1, source: ingress.source })?.usable)
  return msg(custom ? 'backend-lint-answer-routes-custom' : 'backend-lint-answer-routes')
}
