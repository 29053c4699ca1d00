/**
 * `wildcard-host-apex`: a wildcard rule host `*.example.com` while no Ingress serves `example.com` itself.
 * People expect the wildcard to cover the bare domain (and deeper names); it covers exactly one label.
 */
import { msg } from '../../messages/message'
import type { Finding, LintRule } from '../types'

export const wildcardHostApex: LintRule = {
  id: 'wildcard-host-apex',
  check({ model }) {
    const hosts = new Set(model.ingresses.flatMap((ingress) => ingress.rules.map((rule) => rule.host)))
    const findings: Finding[] = []
    for (const ingress of model.ingresses) {
      ingress.rules.forEach((rule, r) => {
        if (!rule.host.startsWith('*.')) return
        const apex = rule.host.slice(2)
        if (hosts.has(apex)) return
        findings.push({
          code: 'wildcard-host-apex',
          source: ingress.source,
          at: ['spec', 'rules', r, 'host'],
          text: msg('wildcard-host-apex', { host: rule.host, apex }),
        })
      })
    }
    return findings
  },
}
