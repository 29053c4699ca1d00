/**
 * `tls-cert-expired` and `tls-cert-expiring`: the certificate's validity against the caller's `now` (the engine
 * reads no clock; without `now` these rules are silent). Expiring means within `EXPIRY_WARNING_DAYS` (30).
 */
import { msg, type Message } from '../../messages/message'
import { EXPIRY_WARNING_DAYS } from '../../tls/certificate-reports'
import type { Finding, LintRule } from '../types'
import { dataField } from './tls-certificate-rules'

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

function check(expired: boolean): LintRule['check'] {
  return (context) => {
    const findings: Finding[] = []
    for (const report of context.certificates) {
      if (report.result.kind !== 'ok') continue
      const { notBefore, notAfter } = report.result.certificate
      const hosts = report.hosts.length > 0 ? [...new Set(report.hosts.map((h) => h.host))].join(', ') : null
      const secret = report.name
      let text: Message | null = null
      if (expired && report.status === 'expired') {
        const date = day(notAfter)
        text = hosts === null ? msg('tls-cert-expired', { secret, date }) : msg('tls-cert-expired-for-hosts', { secret, date, hosts })
      } else if (expired && report.status === 'not-yet-valid') {
        text = msg('tls-cert-not-yet-valid', { secret, date: day(notBefore) })
      } else if (!expired && report.status === 'expiring') {
        const said = { secret, date: day(notAfter), count: report.daysLeft ?? 0, threshold: EXPIRY_WARNING_DAYS }
        text = hosts === null ? msg('tls-cert-expiring', said) : msg('tls-cert-expiring-for-hosts', { ...said, hosts })
      }
      if (text) {
        findings.push({ code: expired ? 'tls-cert-expired' : 'tls-cert-expiring', source: report.source, at: dataField(context, report.source, 'tls.crt'), text })
      }
    }
    return findings
  }
}

export const tlsCertExpired: LintRule = { id: 'tls-cert-expired', check: check(true) }
export const tlsCertExpiring: LintRule = { id: 'tls-cert-expiring', check: check(false) }
