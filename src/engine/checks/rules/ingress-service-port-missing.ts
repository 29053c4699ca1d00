/**
 * `ingress-service-port-missing`: an Ingress backend port (number or name) that the Service does not define.
 * ingress-nginx then has no upstream endpoints for the backend and answers 503.
 */
import { msg } from '../../messages/message'
import type { Fix } from '../../fix/types'
import type { Finding, LintRule } from '../types'

export const ingressServicePortMissing: LintRule = {
  id: 'ingress-service-port-missing',
  check({ index }) {
    const findings: Finding[] = []
    for (const { ingress, backend } of index.backends) {
      const service = index.service(ingress.meta.namespace, backend.service)
      if (!service || service.type === 'ExternalName') continue
      const ref = backend.port
      const byNumber = 'number' in ref
      const found = service.ports.some((p) => (byNumber ? p.port === ref.number : p.name === ref.name))
      if (found) continue
      const v1 = ingress.apiVersion === 'networking.k8s.io/v1'
      const field = v1 ? ['service', 'port', byNumber ? 'number' : 'name'] : ['servicePort']
      const only = service.ports.length === 1 ? service.ports[0] : undefined
      const fixes: Fix[] = only
        ? [{ title: msg('fix-use-service-port', { port: only.port, service: service.meta.name }),
            ops: [{ op: 'set', path: [...backend.at, ...(v1 ? ['service', 'port'] : ['servicePort'])], value: v1 ? { number: only.port } : only.port }] }]
        : []
      const defined = service.ports.map((p) => (p.name ? `${p.name} (${p.port})` : String(p.port))).join(', ')
      findings.push({
        code: 'ingress-service-port-missing',
        source: ingress.source,
        at: [...backend.at, ...field],
        text: msg(byNumber ? 'ingress-service-port-number-missing' : 'ingress-service-port-name-missing', {
          service: service.meta.name,
          port: byNumber ? ref.number : ref.name,
          ports: defined || msg('lint-none'),
        }),
        fixes,
      })
    }
    return findings
  },
}
