/**
 * `tls-host-not-covered`: a host of an Ingress TLS section that the Secret's certificate does not name
 * (subjectAltName DNS names; a wildcard covers one label; the CN does not count). Clients get a certificate
 * warning for that host.
 */
import { msg } from '../../messages/message'
import { coveringName } from '../../tls/host-coverage'
import type { Finding, LintRule } from '../types'
import { reportsByKey } from './tls-certificate-rules'

export const tlsHostNotCovered: LintRule = {
  id: 'tls-host-not-covered',
  check({ model, certificates }) {
    const reports = reportsByKey(certificates)
    const findings: Finding[] = []
    for (const ingress of model.ingresses) {
      ingress.tls.forEach((tls, t) => {
        const report = tls.secretName === undefined ? undefined : reports.get(`${ingress.meta.namespace}/${tls.secretName}`)
        if (report?.result.kind !== 'ok') return
        const { dnsNames, commonName } = report.result.certificate
        tls.hosts.forEach((host, h) => {
          if (coveringName(dnsNames, host)) return
          findings.push({
            code: 'tls-host-not-covered',
            source: ingress.source,
            at: ['spec', 'tls', t, 'hosts', h],
            text: dnsNames.length > 0
              ? msg('tls-host-not-covered', { secret: report.name, host, names: dnsNames.join(', ') })
              : msg('tls-host-not-covered-cn-only', { secret: report.name, host, commonName: commonName ?? '?' }),
          })
        })
      })
    }
    return findings
  },
}
