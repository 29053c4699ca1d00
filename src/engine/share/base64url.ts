/**
 * base64url without padding (RFC 4648 §5): the alphabet that survives URL fragments, chat tools and mail
 * clients unescaped. Decoding is strict: any other character, or a length no encoder produces, is an error with
 * its position, so a damaged link is reported instead of half-read.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
let lookup: Int8Array | undefined

/** Character code → 6-bit value (-1 outside the alphabet), built on first use. */
function lookupTable(): Int8Array {
  if (lookup) return lookup
  lookup = new Int8Array(128).fill(-1)
  for (let i = 0; i < ALPHABET.length; i++) lookup[ALPHABET.charCodeAt(i)] = i
  return lookup
}

/** Encodes `bytes` as unpadded base64url. */
export function encodeBase64Url(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number)
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = (bytes[i] as number) << 16
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8)
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!
  }
  return out
}

export type Base64UrlResult =
  | { readonly kind: 'ok'; readonly bytes: Uint8Array }
  | { readonly kind: 'error'; readonly at: number }

/** Decodes unpadded base64url; `at` is the offending character's index (the length for a bad length). */
export function decodeBase64Url(text: string): Base64UrlResult {
  if (text.length % 4 === 1) return { kind: 'error', at: text.length }
  const LOOKUP = lookupTable()
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4))
  let out = 0
  let buffer = 0
  let bits = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const value = code < 128 ? (LOOKUP[code] as number) : -1
    if (value < 0) return { kind: 'error', at: i }
    buffer = ((buffer << 6) | value) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes[out++] = (buffer >> bits) & 0xff
    }
  }
  // Leftover bits an encoder always writes as zero; anything else means the text was altered.
  if ((buffer & ((1 << bits) - 1)) !== 0) return { kind: 'error', at: text.length - 1 }
  return { kind: 'ok', bytes }
}
