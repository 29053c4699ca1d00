/**
 * One TLS Secret → its certificate (the first block of `tls.crt`, the leaf), the chain length, and whether
 * `tls.key` belongs to it. Problems come back as messages (docs/i18n.md), never as exceptions.
 */
import { msg, type Message } from '../messages/message'
import type { Secret } from '../model/types'
import { readCertificate, type CertificateInfo } from './read-certificate'
import { readPem } from './read-pem'
import { readPrivateKey } from './read-private-key'

export type SecretCertificate =
  | {
      readonly kind: 'ok'
      readonly certificate: CertificateInfo
      /** Certificates in `tls.crt` (leaf plus intermediates). */
      readonly chainLength: number
      /** Null when it cannot be told (no key, or a key that does not carry its public half). */
      readonly keyMatches: boolean | null
      /** Why `tls.key` could not be read, if it could not. */
      readonly keyProblem: Message | null
    }
  /** `field` is the data key the problem is in. */
  | { readonly kind: 'unreadable'; readonly field: 'tls.crt' | 'tls.key'; readonly problem: Message }
  | { readonly kind: 'no-data' }

const inField = (field: 'tls.crt' | 'tls.key', problem: Message): Message => msg('tls-field-problem', { field, problem })

export function inspectSecret(secret: Secret): SecretCertificate {
  const crt = secret.data['tls.crt']
  if (crt === undefined || crt.trim() === '') return { kind: 'no-data' }
  const pem = readPem(crt)
  if (pem.kind === 'error') return { kind: 'unreadable', field: 'tls.crt', problem: inField('tls.crt', pem.problem) }
  const certificates = pem.blocks.filter((block) => block.label === 'CERTIFICATE')
  const leaf = certificates[0]
  if (!leaf) return { kind: 'unreadable', field: 'tls.crt', problem: msg('tls-crt-no-certificate') }
  const read = readCertificate(leaf.der)
  if (read.kind === 'error') return { kind: 'unreadable', field: 'tls.crt', problem: inField('tls.crt', read.problem) }
  const keyText = secret.data['tls.key']
  let keyMatches: boolean | null = null
  let keyProblem: Message | null = null
  if (keyText !== undefined && keyText.trim() !== '') {
    const keyPem = readPem(keyText)
    const key = keyPem.kind === 'ok' ? readPrivateKey(keyPem.blocks) : keyPem
    if (key.kind === 'error') keyProblem = inField('tls.key', key.problem)
    else if (key.material !== null && read.certificate.publicKey.material !== null) keyMatches = key.material === read.certificate.publicKey.material
  }
  return { kind: 'ok', certificate: read.certificate, chainLength: certificates.length, keyMatches, keyProblem }
}
