/**
 * Raw DEFLATE decompression that stops as soon as the output passes a cap. A few kilobytes of DEFLATE can
 * expand to gigabytes ("zip bomb"); feeding the input in small slices to a streaming inflater bounds the memory
 * used to the cap plus what one slice can produce (at most ~1,032× its size).
 */
import { Inflate } from 'fflate'

/** Input slice fed per step: 256 bytes inflate to at most ~264 KB, so overshoot past the cap stays small. */
const SLICE_BYTES = 256

export type InflateResult =
  | { readonly kind: 'ok'; readonly bytes: Uint8Array }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'corrupt'; readonly message: string }

/** Inflates raw DEFLATE `input` (compressed with `dictionary`, if any) unless the output exceeds `maxBytes`. */
export function inflateCapped(input: Uint8Array, maxBytes: number, dictionary?: Uint8Array): InflateResult {
  if (input.length === 0) return { kind: 'corrupt', message: 'no data' }
  const chunks: Uint8Array[] = []
  let total = 0
  let over = false
  let finished = false
  const inflater = new Inflate(dictionary ? { dictionary } : {}, (chunk, final) => {
    total += chunk.length
    if (total > maxBytes) over = true
    else chunks.push(chunk)
    if (final) finished = true
  })
  try {
    for (let start = 0; start < input.length && !over; start += SLICE_BYTES) {
      const end = Math.min(start + SLICE_BYTES, input.length)
      inflater.push(input.subarray(start, end), end === input.length)
    }
  } catch (error) {
    return { kind: 'corrupt', message: error instanceof Error ? error.message : String(error) }
  }
  if (over) return { kind: 'too-large' }
  if (!finished) return { kind: 'corrupt', message: 'unexpected end of data' }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }
  return { kind: 'ok', bytes }
}
