/** `tls-key-mismatch`: `tls.key` is not the private key of the certificate in `tls.crt`. */
import { msg } from '../../messages/message'
import type { Finding, LintRule } from '../types'
import { dataField } from './tls-certificate-rules'

export const tlsKeyMismatch: LintRule = {
  id: 'tls-key-mismatch',
  check(context) {
    const findings: Finding[] = []
    for (const report of context.certificates) {
      if (report.result.kind !== 'ok' || report.result.keyMatches !== false) continue
      findings.push({
        code: 'tls-key-mismatch',
        source: report.source,
        at: dataField(context, report.source, 'tls.key'),
        text: msg('tls-key-mismatch', { secret: report.name, subject: report.result.certificate.subject }),
      })
    }
    return findings
  },
}
