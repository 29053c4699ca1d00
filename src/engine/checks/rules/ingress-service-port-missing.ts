/**
 * `ingress-service-port-missing`: an Ingress backend port (number or name) that matches no port of the Service —
 * neither its number, nor its targetPort, nor its name, as ingress-nginx's `serviceEndpoints` compares them. The
 * upstream then has no endpoints, and routing answers what this rule says (route/backend-availability.ts,
 * docs/routing.md#assumptions): 503, or the Ingress's default-backend annotation's Service.
 */
import { msg, type Message } from '../../messages/message'
import type { Fix } from '../../fix/types'
import type { Ingress } from '../../model/types'
import { backendWorld, describeServicePorts, serviceAvailability } from '../../route/backend-availability'
import type { Finding, LintRule } from '../types'
import { answerFor } from './ingress-service-missing'

export const ingressServicePortMissing: LintRule = {
  id: 'ingress-service-port-missing',
  check({ model, index }) {
    const world = backendWorld(model)
    const findings: Finding[] = []
    const answers = new Map<Ingress, Message>()
    for (const { ingress, backend } of index.backends) {
      const service = index.service(ingress.meta.namespace, backend.service)
      if (!service) continue
      const ref = backend.port
      const byNumber = 'number' in ref
      const port = byNumber ? ref.number : ref.name
      if (serviceAvailability(world, { namespace: ingress.meta.namespace, service: backend.service, port }).reason !== 'port-missing') continue
      const v1 = ingress.apiVersion === 'networking.k8s.io/v1'
      const field = v1 ? ['service', 'port', byNumber ? 'number' : 'name'] : ['servicePort']
      const only = service.ports.length === 1 ? service.ports[0] : undefined
      const fixes: Fix[] = only
        ? [{ title: msg('fix-use-service-port', { port: only.port, service: service.meta.name }),
            ops: [{ op: 'set', path: [...backend.at, ...(v1 ? ['service', 'port'] : ['servicePort'])], value: v1 ? { number: only.port } : only.port }] }]
        : []
      let answer = answers.get(ingress)
      if (!answer) answers.set(ingress, (answer = answerFor(world, ingress)))
      findings.push({
        code: 'ingress-service-port-missing',
        source: ingress.source,
        at: [...backend.at, ...field],
        text: msg(byNumber ? 'backend-lint-port-number-missing' : 'backend-lint-port-name-missing', {
          service: service.meta.name,
          port,
          ports: describeServicePorts(service) || msg('lint-none'),
          answer,
        }),
        fixes,
      })
    }
    return findings
  },
}
