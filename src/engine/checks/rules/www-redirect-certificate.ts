/**
 * `www-redirect-certificate`: from-to-www-redirect on a host whose TLS certificate does not name the www
 * counterpart. ingress-nginx serves the redirect server's https with that certificate only when it names the
 * other name (BuildRedirects, pkg/util/ingress/ingress.go; annotations.md "Redirect from/to www": the certificate
 * must contain both names); otherwise https://<other name> gets the fake certificate and clients stop before the
 * redirect. Browsers accept only subjectAltName names (docs/routing.md#server-alias-and-from-to-www-redirect).
 */
import { msg } from '../../messages/message'
import { parseGoBool } from '../../route/environment'
import { wwwCounterpart } from '../../route/host-aliases'
import { coveringName } from '../../tls/host-coverage'
import type { Finding, LintRule } from '../types'
import { reportsByKey } from './tls-certificate-rules'

const ANNOTATION = 'nginx.ingress.kubernetes.io/from-to-www-redirect'

export const wwwRedirectCertificate: LintRule = {
  id: 'www-redirect-certificate',
  check({ model, certificates }) {
    const reports = reportsByKey(certificates)
    const hosts = new Set(model.ingresses.flatMap((ingress) => ingress.rules.map((rule) => rule.host)))
    const findings: Finding[] = []
    for (const ingress of model.ingresses) {
      const value = ingress.meta.annotations[ANNOTATION]
      if (value === undefined || parseGoBool(value) !== true) continue
      const seen = new Set<string>()
      for (const rule of ingress.rules) {
        const host = rule.host
        if (host === '' || host.startsWith('*.') || seen.has(host)) continue
        seen.add(host)
        const from = wwwCounterpart(host)
        // A counterpart with a server of its own gets no redirect server (www-redirect-skipped says so).
        if (hosts.has(from)) continue
        const tls = ingress.tls.find((entry) => entry.hosts.includes(host))
        const report = tls?.secretName === undefined ? undefined : reports.get(`${ingress.meta.namespace}/${tls.secretName}`)
        if (report?.result.kind !== 'ok') continue
        const { dnsNames } = report.result.certificate
        if (coveringName(dnsNames, from)) continue
        findings.push({
          code: 'www-redirect-certificate',
          source: ingress.source,
          at: ['metadata', 'annotations', ANNOTATION],
          text: msg('www-redirect-certificate', { host, from, secret: report.name, names: dnsNames.join(', ') || '—' }),
        })
      }
    }
    return findings
  },
}
