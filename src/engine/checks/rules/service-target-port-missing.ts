/**
 * `service-target-port-missing`: a named targetPort that no container of the selected pods defines. The
 * endpoints controller then publishes no endpoint for that port, so its traffic has nowhere to go.
 */
import { msg } from '../../messages/message'
import { findContainerPort } from '../cluster-index'
import type { Finding, LintRule } from '../types'

export const serviceTargetPortMissing: LintRule = {
  id: 'service-target-port-missing',
  check({ model, index }) {
    const findings: Finding[] = []
    for (const service of model.services) {
      const deployments = index.selectedBy(service)
      if (deployments.length === 0) continue
      service.ports.forEach((port, i) => {
        if (typeof port.targetPort !== 'string') return
        const name = port.targetPort
        const missing = deployments.filter((d) => !d.template.containers.some((c) => findContainerPort(c, name)))
        if (missing.length === 0) return
        // One port across the selected pods: the targetPort can only mean that one.
        const ports = [...new Set(deployments.flatMap((d) => d.template.containers.flatMap((c) => c.ports.map((p) => p.name ?? p.containerPort))))]
        const only = ports.length === 1 ? ports[0] : undefined
        findings.push({
          code: 'service-target-port-missing',
          source: service.source,
          at: ['spec', 'ports', i, 'targetPort'],
          text: msg('service-target-port-missing', { port: name, deployments: missing.map((d) => d.meta.name).join(', ') }),
          fixes: only === undefined ? [] : [{ title: msg('fix-target-port', { port: only }), ops: [{ op: 'set', path: ['spec', 'ports', i, 'targetPort'], value: only }] }],
        })
      })
    }
    return findings
  },
}
