/**
 * `ingress-service-missing`: an Ingress backend names a Service the manifests do not contain. Checked only when
 * the manifests contain Services at all (an Ingress pasted alone is not flagged). Routing in the studio still
 * assumes the Service exists; this lint is where the gap shows.
 */
import type { Fix } from '../../fix/types'
import type { Finding, LintRule } from '../types'
import { closestName } from './closest-name'

export const ingressServiceMissing: LintRule = {
  id: 'ingress-service-missing',
  check({ index }) {
    if (!index.hasServices) return []
    const findings: Finding[] = []
    for (const { ingress, backend } of index.backends) {
      const namespace = ingress.meta.namespace
      if (index.service(namespace, backend.service)) continue
      const names = index.servicesIn(namespace).map((s) => s.meta.name)
      const close = closestName(backend.service, names)
      const nameField = ingress.apiVersion === 'networking.k8s.io/v1' ? ['service', 'name'] : ['serviceName']
      const fixes: Fix[] = close ? [{ title: `Use Service ${close}`, ops: [{ op: 'set', path: [...backend.at, ...nameField], value: close }] }] : []
      findings.push({
        code: 'ingress-service-missing',
        source: ingress.source,
        at: [...backend.at, ...nameField],
        message: `Service ${backend.service} is not in namespace ${namespace}; ingress-nginx answers 503 for this backend.` +
          (close ? ` Did you mean ${close}?` : names.length > 0 ? ` Services there: ${names.join(', ')}.` : ''),
        fixes,
      })
    }
    return findings
  },
}
