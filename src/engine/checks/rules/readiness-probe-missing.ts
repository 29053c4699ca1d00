/**
 * `readiness-probe-missing`: a container that serves a Service (so the Service's endpoints, and any ingress,
 * send it traffic) has no readinessProbe. Pods no Service selects are not flagged (Polaris #651, kube-score).
 */
import { msg } from '../../messages/message'
import type { Fix } from '../../fix/types'
import { servingContainers } from '../cluster-index'
import type { Finding, LintRule } from '../types'

export const readinessProbeMissing: LintRule = {
  id: 'readiness-probe-missing',
  check({ model, index }) {
    const findings: Finding[] = []
    for (const deployment of model.deployments) {
      const services = index.servicesOf(deployment)
      if (services.length === 0) continue
      for (const { container, port } of servingContainers(deployment, services)) {
        if (container.readinessProbe) continue
        const fixes: Fix[] = port === null ? [] : [
          { title: msg('fix-readiness-http', { port }),
            ops: [{ op: 'set', path: [...container.at, 'readinessProbe'], value: { httpGet: { path: '/', port }, periodSeconds: 5 } }] },
          { title: msg('fix-readiness-tcp', { port }),
            ops: [{ op: 'set', path: [...container.at, 'readinessProbe'], value: { tcpSocket: { port }, periodSeconds: 5 } }] },
        ]
        findings.push({
          code: 'readiness-probe-missing',
          source: deployment.source,
          at: [...container.at, 'name'],
          text: msg('readiness-probe-missing', { container: container.name, services: services.map((s) => s.meta.name).join(', ') }),
          fixes,
        })
      }
    }
    return findings
  },
}
