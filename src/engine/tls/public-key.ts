/**
 * Public keys as comparable facts: the algorithm, its size or curve, and `material` — the key itself in hex
 * (RSA modulus and exponent, an EC point, an Ed25519 key), which equals for a certificate and its private key.
 */
import { AsnConvert } from '@peculiar/asn1-schema'
import { ECParameters } from '@peculiar/asn1-ecc'
import { RSAPublicKey } from '@peculiar/asn1-rsa'
import type { SubjectPublicKeyInfo } from '@peculiar/asn1-x509'

export const OID_RSA = '1.2.840.113549.1.1.1'
export const OID_EC = '1.2.840.10045.2.1'
export const OID_ED25519 = '1.3.101.112'

const CURVES: Readonly<Record<string, string>> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
}

export interface PublicKeyInfo {
  /** `RSA 2048`, `EC P-256`, `Ed25519`, or the algorithm's OID. */
  readonly description: string
  /** Hex of the key itself; null when the algorithm is not one the studio compares. */
  readonly material: string | null
}

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** Hex without the sign-padding zero bytes DER integers may carry. */
function integerHex(bytes: ArrayBuffer): string {
  return toHex(bytes).replace(/^(00)+/, '')
}

/** The material of an RSA key: modulus and exponent. */
export function rsaMaterial(modulus: ArrayBuffer, exponent: ArrayBuffer): string {
  return `rsa:${integerHex(modulus)}:${integerHex(exponent)}`
}

/** The material of an EC key: its uncompressed point. */
export function ecMaterial(point: ArrayBuffer): string {
  return `ec:${toHex(point)}`
}

export function curveName(parameters: ArrayBuffer | undefined): string {
  if (!parameters) return 'unknown curve'
  try {
    const oid = AsnConvert.parse(parameters, ECParameters).namedCurve
    return oid ? (CURVES[oid] ?? oid) : 'unknown curve'
  } catch {
    return 'unknown curve'
  }
}

/** Describes a certificate's subjectPublicKeyInfo. */
export function describePublicKey(spki: SubjectPublicKeyInfo): PublicKeyInfo {
  const oid = spki.algorithm.algorithm
  try {
    if (oid === OID_RSA) {
      const key = AsnConvert.parse(spki.subjectPublicKey, RSAPublicKey)
      const bits = integerHex(key.modulus).length * 4
      return { description: `RSA ${Math.round(bits / 8) * 8}`, material: rsaMaterial(key.modulus, key.publicExponent) }
    }
    if (oid === OID_EC) return { description: `EC ${curveName(spki.algorithm.parameters ?? undefined)}`, material: ecMaterial(spki.subjectPublicKey) }
    if (oid === OID_ED25519) return { description: 'Ed25519', material: `ed25519:${toHex(spki.subjectPublicKey)}` }
  } catch {
    return { description: oid, material: null }
  }
  return { description: oid, material: null }
}
