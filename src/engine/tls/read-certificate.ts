/**
 * One X.509 certificate (DER) → the facts the studio shows and checks: subject, issuer, DNS and IP names,
 * validity, public key. Parsed with @peculiar/asn1-x509 (pure ASN.1, no WebCrypto, no DOM), synchronously.
 */
import { AsnConvert } from '@peculiar/asn1-schema'
import {
  Certificate,
  id_ce_basicConstraints,
  id_ce_subjectAltName,
  BasicConstraints,
  SubjectAlternativeName,
  type Name,
} from '@peculiar/asn1-x509'
import { msg, type Message } from '../messages/message'
import { describePublicKey, type PublicKeyInfo } from './public-key'

export interface CertificateInfo {
  /** RFC 4514-style, most specific first, e.g. `CN=kube-book.com, O=Example`. */
  readonly subject: string
  readonly commonName: string | null
  readonly issuer: string
  /** subjectAltName DNS names, lower-cased, in order. */
  readonly dnsNames: readonly string[]
  readonly ipAddresses: readonly string[]
  /** Milliseconds since the epoch. */
  readonly notBefore: number
  readonly notAfter: number
  /** Hex, as openssl prints it. */
  readonly serialNumber: string
  readonly selfSigned: boolean
  readonly isCA: boolean
  readonly publicKey: PublicKeyInfo
}

export type CertificateResult = { readonly kind: 'ok'; readonly certificate: CertificateInfo } | { readonly kind: 'error'; readonly problem: Message }

const ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.5': 'serialNumber',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.25': 'DC',
}

function attributesOf(name: Name): { type: string; value: string }[] {
  return name.flatMap((rdn) => rdn.map((attribute) => ({ type: ATTRIBUTE_NAMES[attribute.type] ?? attribute.type, value: attribute.value.toString() })))
}

/** RFC 4514 order: the last RDN of the DER sequence first. */
function formatName(name: Name): string {
  return attributesOf(name).reverse().map((attribute) => `${attribute.type}=${attribute.value}`).join(', ')
}

function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

function formatIp(bytes: ArrayBuffer): string {
  const octets = [...new Uint8Array(bytes)]
  if (octets.length === 4) return octets.join('.')
  const groups: string[] = []
  for (let i = 0; i + 1 < octets.length; i += 2) groups.push((((octets[i] as number) << 8) | (octets[i + 1] as number)).toString(16))
  return groups.join(':')
}

/** Reads a DER certificate; malformed input is an error result, never an exception. */
export function readCertificate(der: Uint8Array): CertificateResult {
  let certificate: Certificate
  try {
    certificate = AsnConvert.parse(der, Certificate)
  } catch (error) {
    return { kind: 'error', problem: msg('certificate-not-x509', { detail: error instanceof Error ? error.message : String(error) }) }
  }
  const tbs = certificate.tbsCertificate
  const dnsNames: string[] = []
  const ipAddresses: string[] = []
  let isCA = false
  try {
    for (const extension of tbs.extensions ?? []) {
      if (extension.extnID === id_ce_subjectAltName) {
        for (const general of AsnConvert.parse(extension.extnValue, SubjectAlternativeName)) {
          if (general.dNSName !== undefined) dnsNames.push(general.dNSName.toLowerCase())
          if (general.iPAddress !== undefined) ipAddresses.push(formatIp(general.iPAddress as unknown as ArrayBuffer))
        }
      } else if (extension.extnID === id_ce_basicConstraints) {
        isCA = AsnConvert.parse(extension.extnValue, BasicConstraints).cA
      }
    }
  } catch (error) {
    return { kind: 'error', problem: msg('certificate-extension-malformed', { detail: error instanceof Error ? error.message : String(error) }) }
  }
  const subject = formatName(tbs.subject)
  const issuer = formatName(tbs.issuer)
  const commonName = attributesOf(tbs.subject).filter((attribute) => attribute.type === 'CN').pop()?.value ?? null
  return {
    kind: 'ok',
    certificate: {
      subject,
      commonName,
      issuer,
      dnsNames,
      ipAddresses,
      notBefore: tbs.validity.notBefore.getTime().getTime(),
      notAfter: tbs.validity.notAfter.getTime().getTime(),
      serialNumber: toHex(tbs.serialNumber),
      selfSigned: subject === issuer,
      isCA,
      publicKey: describePublicKey(tbs.subjectPublicKeyInfo),
    },
  }
}
