/**
 * Standard base64 (RFC 4648, padded) as Go's JSON decoding of `[]byte` reads it: line breaks are ignored,
 * anything else outside the alphabet or bad padding is an error at its byte position.
 */

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const lookup = new Int16Array(128).fill(-1)
for (let i = 0; i < alphabet.length; i++) lookup[alphabet.charCodeAt(i)] = i

/** An error says where (`at`, the byte position) and, for callers that print Go's words as they are, `message`. */
export type Base64Result =
  | { readonly kind: 'ok'; readonly bytes: Uint8Array }
  | { readonly kind: 'error'; readonly at: number; readonly message: string }

export function decodeBase64(text: string): Base64Result {
  const clean = text.replace(/[\r\n]/g, '')
  const fail = (at: number): Base64Result => ({ kind: 'error', at, message: `illegal base64 data at input byte ${at}` })
  if (clean.length % 4 !== 0) return fail(clean.length - (clean.length % 4))
  let padding = 0
  if (clean.endsWith('==')) padding = 2
  else if (clean.endsWith('=')) padding = 1
  const bytes = new Uint8Array((clean.length / 4) * 3 - padding)
  let out = 0
  for (let i = 0; i < clean.length; i += 4) {
    let chunk = 0
    for (let j = 0; j < 4; j++) {
      const at = i + j
      const code = clean.charCodeAt(at)
      const isPad = code === 61 && at >= clean.length - padding
      const value = isPad ? 0 : code < 128 ? (lookup[code] as number) : -1
      if (value < 0) return fail(at)
      chunk = (chunk << 6) | value
    }
    for (let shift = 16; shift >= 0 && out < bytes.length; shift -= 8) bytes[out++] = (chunk >> shift) & 0xff
  }
  return { kind: 'ok', bytes }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** The bytes as UTF-8 text, or undefined when they are not valid UTF-8 (binary data). */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes)
  } catch {
    return undefined
  }
}
