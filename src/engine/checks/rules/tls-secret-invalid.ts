/**
 * `tls-secret-invalid`: a TLS Secret whose `tls.crt` holds no readable certificate or whose `tls.key` cannot be
 * read, or a Secret an Ingress uses for TLS that has no `tls.crt` at all. (Missing keys of a
 * `kubernetes.io/tls` Secret are already a validation error of the model.)
 */
import { msg } from '../../messages/message'
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
          text: msg('tls-secret-unusable', { problem: result.problem, secret: report.name }) })
      } else if (result.kind === 'ok' && result.keyProblem) {
        findings.push({ code: 'tls-secret-invalid', source: report.source, at: dataField(context, report.source, 'tls.key'),
          text: msg('tls-secret-unusable', { problem: result.keyProblem, secret: report.name }) })
      } else if (result.kind === 'no-data' && report.type !== 'kubernetes.io/tls' && report.hosts.length > 0) {
        findings.push({ code: 'tls-secret-invalid', source: report.source, at: ['type'],
          text: msg('tls-secret-no-certificate', { secret: report.name }) })
      }
    }
    return findings
  },
}
