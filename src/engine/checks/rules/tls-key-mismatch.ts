/** `tls-key-mismatch`: `tls.key` is not the private key of the certificate in `tls.crt`. */
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
        message: `tls.key of Secret ${report.name} is not the key of its certificate (${report.result.certificate.subject}); ingress-nginx rejects the pair ` +
          'and serves its fake certificate. Put the matching key (or certificate) in the Secret.',
      })
    }
    return findings
  },
}
