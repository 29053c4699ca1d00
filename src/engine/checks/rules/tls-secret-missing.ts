/**
 * `tls-secret-missing`: an Ingress TLS section names a Secret that is not in the manifests. ingress-nginx then
 * serves its self-signed fake certificate for those hosts. Skipped when cert-manager creates the Secret (its
 * annotations); an info rather than a warning when the manifests hold no Secret at all (often left out on
 * purpose).
 */
import { msg } from '../../messages/message'
import type { Finding, LintRule } from '../types'

const CERT_MANAGER = ['cert-manager.io/cluster-issuer', 'cert-manager.io/issuer', 'kubernetes.io/tls-acme']

export const tlsSecretMissing: LintRule = {
  id: 'tls-secret-missing',
  check({ model, index }) {
    const findings: Finding[] = []
    for (const ingress of model.ingresses) {
      if (CERT_MANAGER.some((key) => key in ingress.meta.annotations)) continue
      ingress.tls.forEach((tls, t) => {
        if (tls.secretName === undefined || index.secret(ingress.meta.namespace, tls.secretName)) return
        findings.push({
          code: 'tls-secret-missing',
          source: ingress.source,
          at: ['spec', 'tls', t, 'secretName'],
          severity: index.hasSecrets ? undefined : 'info',
          text: tls.hosts.length > 0
            ? msg('tls-secret-missing', { secret: tls.secretName, namespace: ingress.meta.namespace, hosts: tls.hosts.join(', ') })
            : msg('tls-secret-missing-no-hosts', { secret: tls.secretName, namespace: ingress.meta.namespace }),
        })
      })
    }
    return findings
  },
}
