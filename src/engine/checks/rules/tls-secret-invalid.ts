/**
 * `tls-secret-invalid`: a TLS Secret whose `tls.crt` holds no readable certificate or whose `tls.key` cannot be
 * read, or a Secret an Ingress uses for TLS that has no `tls.crt` at all. (Missing keys of a
 * `kubernetes.io/tls` Secret are already a validation error of the model.)
 */
import type { Finding, LintRule } from '../types'
import { dataField } from './tls-certificate-rules'

export const tlsSecretInvalid: LintRule = {
  id: 'tls-secret-invalid',
  check(context) {
    const findings: Finding[] = []
    for (const report of context.certificates) {
      const { result } = report
      if (result.kind === 'unreadable') {
        findings.push({ code: 'tls-secret-invalid', source: report.source, at: dataField(context, report.source, result.field),
          message: `${result.message}; ingress-nginx cannot use Secret ${report.name} and serves its fake certificate instead.` })
      } else if (result.kind === 'ok' && result.keyProblem) {
        findings.push({ code: 'tls-secret-invalid', source: report.source, at: dataField(context, report.source, 'tls.key'),
          message: `${result.keyProblem}; ingress-nginx cannot use Secret ${report.name} and serves its fake certificate instead.` })
      } else if (result.kind === 'no-data' && report.type !== 'kubernetes.io/tls' && report.hosts.length > 0) {
        findings.push({ code: 'tls-secret-invalid', source: report.source, at: ['type'],
          message: `Secret ${report.name} is used for TLS but has no tls.crt; make it type kubernetes.io/tls with tls.crt and tls.key.` })
      }
    }
    return findings
  },
}
