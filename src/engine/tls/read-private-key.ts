/**
 * A private key (PKCS#8 `PRIVATE KEY`, PKCS#1 `RSA PRIVATE KEY`, SEC1 `EC PRIVATE KEY`) → the public key
 * material it implies, so it can be compared with a certificate's. Keys that do not carry their public half
 * (an EC key without the optional publicKey field, Ed25519 in PKCS#8 v1) compare as unknown: the studio does
 * no elliptic-curve arithmetic.
 */
import { AsnConvert } from '@peculiar/asn1-schema'
import { ECPrivateKey } from '@peculiar/asn1-ecc'
import { PrivateKeyInfo } from '@peculiar/asn1-pkcs8'
import { RSAPrivateKey } from '@peculiar/asn1-rsa'
import { msg, type Message } from '../messages/message'
import { ecMaterial, OID_EC, OID_RSA, rsaMaterial } from './public-key'
import type { PemBlock } from './read-pem'

export type PrivateKeyResult =
  /** `material` is null when the key does not reveal its public half. */
  | { readonly kind: 'ok'; readonly material: string | null }
  | { readonly kind: 'error'; readonly problem: Message }

function fromRsa(der: ArrayBuffer | Uint8Array): string {
  const key = AsnConvert.parse(der, RSAPrivateKey)
  return rsaMaterial(key.modulus, key.publicExponent)
}

function fromEc(der: ArrayBuffer | Uint8Array): string | null {
  const key = AsnConvert.parse(der, ECPrivateKey)
  return key.publicKey ? ecMaterial(key.publicKey) : null
}

/** Reads the first key block of `blocks`. */
export function readPrivateKey(blocks: readonly PemBlock[]): PrivateKeyResult {
  const block = blocks.find((candidate) => candidate.label.endsWith('PRIVATE KEY'))
  if (!block) return { kind: 'error', problem: msg('private-key-missing') }
  try {
    switch (block.label) {
      case 'RSA PRIVATE KEY':
        return { kind: 'ok', material: fromRsa(block.der) }
      case 'EC PRIVATE KEY':
        return { kind: 'ok', material: fromEc(block.der) }
      case 'PRIVATE KEY': {
        const info = AsnConvert.parse(block.der, PrivateKeyInfo)
        const oid = info.privateKeyAlgorithm.algorithm
        if (oid === OID_RSA) return { kind: 'ok', material: fromRsa(info.privateKey.buffer) }
        if (oid === OID_EC) return { kind: 'ok', material: fromEc(info.privateKey.buffer) }
        return { kind: 'ok', material: null }
      }
      default:
        return { kind: 'error', problem: msg('private-key-unsupported', { label: block.label }) }
    }
  } catch (error) {
    return { kind: 'error', problem: msg('private-key-malformed', { label: block.label, detail: error instanceof Error ? error.message : String(error) }) }
  }
}
