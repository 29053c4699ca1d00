/**
 * PEM (RFC 7468) → DER blocks: `-----BEGIN LABEL-----`, base64, `-----END LABEL-----`. Text between blocks is
 * ignored, as openssl and Go's pem.Decode ignore it.
 */
import { msg, type Message } from '../messages/message'
import { decodeBase64 } from '../model/decode-base64'

export interface PemBlock {
  /** E.g. `CERTIFICATE`, `PRIVATE KEY`, `EC PRIVATE KEY`, `RSA PRIVATE KEY`. */
  readonly label: string
  readonly der: Uint8Array
}

export type PemResult =
  | { readonly kind: 'ok'; readonly blocks: readonly PemBlock[] }
  | { readonly kind: 'error'; readonly problem: Message }

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g

/** Every PEM block of `text`, in order; an error when a block's base64 is broken or there is no block at all. */
export function readPem(text: string): PemResult {
  const blocks: PemBlock[] = []
  for (const match of text.matchAll(BLOCK)) {
    const label = match[1] as string
    // Headers (RFC 1421 "Proc-Type: …") mark encrypted keys: ingress-nginx cannot use those either.
    if (/^[^\S\n]*[\w-]+:/m.test(match[2] as string)) return { kind: 'error', problem: msg('pem-block-has-headers', { label }) }
    const decoded = decodeBase64((match[2] as string).replace(/\s+/g, ''))
    if (decoded.kind === 'error') return { kind: 'error', problem: msg('pem-block-bad-base64', { label, detail: decoded.message }) }
    blocks.push({ label, der: decoded.bytes })
  }
  return blocks.length > 0 ? { kind: 'ok', blocks } : { kind: 'error', problem: msg('pem-no-block') }
}
