/**
 * `tls-host-not-in-rules`: a `spec.tls[].hosts` entry that no rule host of the same Ingress matches (a
 * wildcard TLS host matches rule hosts one label below it). Such a host gets a certificate but no routes.
 */
import { msg } from '../../messages/message'
import { nameCovers } from '../../tls/host-coverage'
import type { Finding, LintRule } from '../types'

export const tlsHostNotInRules: LintRule = {
  id: 'tls-host-not-in-rules',
  check({ model }) {
    const findings: Finding[] = []
    for (const ingress of model.ingresses) {
      const ruleHosts = ingress.rules.map((rule) => rule.host).filter((host) => host !== '')
      ingress.tls.forEach((tls, t) => {
        tls.hosts.forEach((host, h) => {
          if (ruleHosts.some((rule) => nameCovers(host, rule))) return
          findings.push({
            code: 'tls-host-not-in-rules',
            source: ingress.source,
            at: ['spec', 'tls', t, 'hosts', h],
            text: msg('tls-host-not-in-rules', { host, rules: ruleHosts.join(', ') || msg('lint-none') }),
            fixes: [{ title: msg('fix-remove-tls-host', { host }), ops: [{ op: 'delete', path: ['spec', 'tls', t, 'hosts', h] }] }],
          })
        })
      })
    }
    return findings
  },
}
