/**
 * `tls-host-not-covered`: a host of an Ingress TLS section that the Secret's certificate does not name
 * (subjectAltName DNS names; a wildcard covers one label; the CN does not count). Clients get a certificate
 * warning for that host.
 */
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
          const names = dnsNames.length > 0 ? dnsNames.join(', ') : `no subjectAltName (only CN=${commonName ?? '?'}, which browsers ignore)`
          findings.push({
            code: 'tls-host-not-covered',
            source: ingress.source,
            at: ['spec', 'tls', t, 'hosts', h],
            message: `The certificate in Secret ${report.name} does not cover ${host} (it names ${names}); clients get a certificate error. ` +
              'Issue a certificate that lists this host.',
          })
        })
      })
    }
    return findings
  },
}
