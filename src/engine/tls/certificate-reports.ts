/**
 * The certificate card's data: for every TLS Secret of the model (type kubernetes.io/tls, or named by an
 * Ingress's `tls`), its certificate and the Ingress TLS hosts that use it — each covered by a certificate name
 * or not. Renewing that one Secret renews every host listed. Plain data (it crosses the worker boundary).
 */
import type { ClusterModel, Ingress, Secret, SourceRef } from '../model/types'
import { coveringName } from './host-coverage'
import { inspectSecret, type SecretCertificate } from './inspect-secret'

/** Days before expiry from which the studio warns. */
export const EXPIRY_WARNING_DAYS = 30

const DAY_MS = 86_400_000

export interface TlsHostUse {
  readonly host: string
  /** `namespace/name` of the Ingress whose `tls` lists the host. */
  readonly ingress: string
  /** The certificate name that covers it, or null. */
  readonly coveredBy: string | null
}

export interface CertificateReport {
  readonly name: string
  readonly namespace: string
  readonly source: SourceRef
  readonly type: string
  readonly result: SecretCertificate
  readonly hosts: readonly TlsHostUse[]
  /** Whole days until `notAfter` (negative once expired); null without a certificate or without `now`. */
  readonly daysLeft: number | null
  readonly status: 'valid' | 'expiring' | 'expired' | 'not-yet-valid' | 'unknown' | 'unreadable'
}

/** The Ingress TLS sections that name a Secret, by `namespace/name`. */
export function indexTlsUses(ingresses: readonly Ingress[]): Map<string, { ingress: Ingress; tls: number; host: number }[]> {
  const uses = new Map<string, { ingress: Ingress; tls: number; host: number }[]>()
  for (const ingress of ingresses) {
    ingress.tls.forEach((tls, index) => {
      if (tls.secretName === undefined) return
      const key = `${ingress.meta.namespace}/${tls.secretName}`
      const list = uses.get(key) ?? []
      tls.hosts.forEach((_, host) => list.push({ ingress, tls: index, host }))
      if (tls.hosts.length === 0) list.push({ ingress, tls: index, host: -1 })
      uses.set(key, list)
    })
  }
  return uses
}

function statusOf(result: SecretCertificate, now: number | undefined): CertificateReport['status'] {
  if (result.kind !== 'ok') return result.kind === 'unreadable' ? 'unreadable' : 'unknown'
  if (now === undefined) return 'unknown'
  const { notBefore, notAfter } = result.certificate
  if (now < notBefore) return 'not-yet-valid'
  if (now > notAfter) return 'expired'
  return notAfter - now <= EXPIRY_WARNING_DAYS * DAY_MS ? 'expiring' : 'valid'
}

/** A report per TLS Secret, in document order. `now` is milliseconds since the epoch (the caller's clock). */
export function buildCertificateReports(model: ClusterModel, now?: number): CertificateReport[] {
  const uses = indexTlsUses(model.ingresses)
  const isTls = (secret: Secret): boolean =>
    secret.type === 'kubernetes.io/tls' || uses.has(`${secret.meta.namespace}/${secret.meta.name}`)
  return model.secrets.filter(isTls).map((secret) => {
    const result = inspectSecret(secret)
    const names = result.kind === 'ok' ? result.certificate.dnsNames : []
    const hosts = (uses.get(`${secret.meta.namespace}/${secret.meta.name}`) ?? [])
      .filter((use) => use.host >= 0)
      .map((use) => {
        const host = use.ingress.tls[use.tls]?.hosts[use.host] ?? ''
        return { host, ingress: `${use.ingress.meta.namespace}/${use.ingress.meta.name}`, coveredBy: coveringName(names, host) }
      })
    const daysLeft = result.kind === 'ok' && now !== undefined ? Math.floor((result.certificate.notAfter - now) / DAY_MS) : null
    return { name: secret.meta.name, namespace: secret.meta.namespace, source: secret.source, type: secret.type, result, hosts, daysLeft, status: statusOf(result, now) }
  })
}
