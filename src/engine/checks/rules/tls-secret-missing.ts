/**
 * `tls-secret-missing`: an Ingress TLS section names a Secret that is not in the manifests. ingress-nginx then
 * serves its self-signed fake certificate for those hosts. Skipped when cert-manager creates the Secret (its
 * annotations); an info rather than a warning when the manifests hold no Secret at all (often left out on
 * purpose).
 */
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
          message: `Secret ${tls.secretName} is not in the manifests (namespace ${ingress.meta.namespace}); if it does not exist in the cluster, ` +
            `ingress-nginx serves its fake certificate for ${tls.hosts.join(', ') || 'these hosts'}.`,
        })
      })
    }
    return findings
  },
}
