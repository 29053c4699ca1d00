/**
 * `tls-cert-expired` and `tls-cert-expiring`: the certificate's validity against the caller's `now` (the engine
 * reads no clock; without `now` these rules are silent). Expiring means within `EXPIRY_WARNING_DAYS` (30).
 */
import { EXPIRY_WARNING_DAYS } from '../../tls/certificate-reports'
import type { Finding, LintRule } from '../types'
import { dataField } from './tls-certificate-rules'

const date = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

function check(expired: boolean): LintRule['check'] {
  return (context) => {
    const findings: Finding[] = []
    for (const report of context.certificates) {
      if (report.result.kind !== 'ok') continue
      const { notBefore, notAfter } = report.result.certificate
      const uses = report.hosts.length > 0 ? ` for ${[...new Set(report.hosts.map((h) => h.host))].join(', ')}` : ''
      let message: string | null = null
      if (expired && report.status === 'expired') {
        message = `The certificate in Secret ${report.name} expired on ${date(notAfter)}${uses}; renew it (replacing this one Secret renews every host).`
      } else if (expired && report.status === 'not-yet-valid') {
        message = `The certificate in Secret ${report.name} is valid only from ${date(notBefore)}; clients reject it until then.`
      } else if (!expired && report.status === 'expiring') {
        message = `The certificate in Secret ${report.name} expires on ${date(notAfter)}, in ${report.daysLeft} day${report.daysLeft === 1 ? '' : 's'} ` +
          `(less than ${EXPIRY_WARNING_DAYS})${uses}; renew it soon.`
      }
      if (message) {
        findings.push({ code: expired ? 'tls-cert-expired' : 'tls-cert-expiring', source: report.source, at: dataField(context, report.source, 'tls.crt'), message })
      }
    }
    return findings
  }
}

export const tlsCertExpired: LintRule = { id: 'tls-cert-expired', check: check(true) }
export const tlsCertExpiring: LintRule = { id: 'tls-cert-expiring', check: check(false) }
