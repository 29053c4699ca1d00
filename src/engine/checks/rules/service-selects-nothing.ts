/**
 * `service-selects-nothing`: a Service's selector matches no pod template in its namespace. Only checked where
 * the manifests hold workloads in that namespace: a lone Service may select pods created elsewhere.
 */
import { msg } from '../../messages/message'
import type { Finding, LintRule } from '../types'

export const serviceSelectsNothing: LintRule = {
  id: 'service-selects-nothing',
  check({ model, index }) {
    const findings: Finding[] = []
    for (const service of model.services) {
      if (service.type === 'ExternalName' || !service.selector || Object.keys(service.selector).length === 0) continue
      if (!index.hasDeployments(service.meta.namespace) || index.selectedBy(service).length > 0) continue
      const namesake = index.deployment(service.meta.namespace, service.meta.name)
      const wanted = Object.entries(service.selector).map(([k, v]) => `${k}=${v}`).join(', ')
      findings.push({
        code: 'service-selects-nothing',
        source: service.source,
        at: ['spec', 'selector'],
        part: 'key',
        text: msg('service-selects-nothing', { namespace: service.meta.namespace, labels: wanted, service: service.meta.name }),
        fixes: namesake && Object.keys(namesake.template.labels).length > 0
          ? [{ title: msg('fix-select-deployment-pods', { deployment: namesake.meta.name }), ops: [{ op: 'set', path: ['spec', 'selector'], value: { ...namesake.template.labels } }] }]
          : [],
      })
    }
    return findings
  },
}
