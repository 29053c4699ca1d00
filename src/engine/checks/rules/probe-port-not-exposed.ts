/**
 * `probe-port-not-exposed`: a probe's port (by name or number) is not one of the container's ports. A named
 * port that does not exist makes the probe fail every time (an error); an undeclared number is a warning,
 * and only when the container declares ports at all.
 */
import { msg } from '../../messages/message'
import type { Fix } from '../../fix/types'
import type { Container, Deployment, Probe } from '../../model/types'
import { findContainerPort } from '../cluster-index'
import { handlerPort } from '../handler-facts'
import type { Finding, LintRule } from '../types'

const KINDS = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const

function check(deployment: Deployment, container: Container, probe: Probe, kind: string): Finding | null {
  const port = handlerPort(probe.handler)
  if (port === null || findContainerPort(container, port) !== undefined) return null
  if (typeof port === 'number' && container.ports.length === 0) return null
  const only = container.ports.length === 1 ? container.ports[0] : undefined
  const fixes: Fix[] = only
    ? [{ title: msg('fix-probe-port', { port: only.name ?? only.containerPort }), ops: [{ op: 'set', path: [...probe.at, probe.handler.type, 'port'], value: only.name ?? only.containerPort }] }]
    : []
  const declared = container.ports.map((p) => p.name ?? String(p.containerPort)).join(', ') || msg('lint-none')
  return {
    code: 'probe-port-not-exposed',
    source: deployment.source,
    at: [...probe.at, probe.handler.type, 'port'],
    severity: typeof port === 'string' ? 'error' : 'warning',
    text: msg(typeof port === 'string' ? 'probe-port-name-undefined' : 'probe-port-not-exposed', { probe: kind, port, container: container.name, ports: declared }),
    fixes,
  }
}

export const probePortNotExposed: LintRule = {
  id: 'probe-port-not-exposed',
  check({ model }) {
    const findings: Finding[] = []
    for (const deployment of model.deployments) {
      for (const container of deployment.template.containers) {
        for (const kind of KINDS) {
          const probe = container[kind]
          const finding = probe && check(deployment, container, probe, kind)
          if (finding) findings.push(finding)
        }
      }
    }
    return findings
  },
}
