/**
 * Every size and count limit of the engine, in one place, so the UI can show them and nobody hunts for magic
 * numbers. Each limit turns runaway input into a named diagnostic instead of a frozen tab or a stack overflow.
 */

/**
 * Largest file the engine analyses, in bytes of UTF-8 (how the file is stored and sent, and how the API server
 * caps request bodies: 3 MiB, docs/input-limits.md#size-caps). Above it the file gets one `input-too-large`
 * diagnostic and is not parsed: parsing 5 MB takes about a second in a browser worker, and nobody edits a larger
 * manifest by hand. Counted in bytes, a text of 3-byte characters cannot pass at three times the size.
 */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024

/**
 * Largest single document (or kubectl List item) analysed when input is read a document at a time (the CLI:
 * `SourceOptions.streamDocuments`), in bytes of UTF-8: the API server's request body cap (3 MiB,
 * docs/input-limits.md#size-caps), so a larger object could not be applied anyway. Above it the document gets
 * one `input-too-large` error at its first line and is not parsed; the rest of the file is.
 */
export const MAX_DOCUMENT_BYTES = 3 * 1024 * 1024

/**
 * How much source, in bytes, the parse trees kept when reading a document at a time may cover (about 30 times
 * as much heap): a 2 MB manifest stays parsed once; a 25 MB export holds its model and the last 4 MiB of trees.
 */
export const PARSED_DOCUMENT_CACHE_BYTES = 4 * 1024 * 1024

/**
 * The UTF-8 length of `text` in bytes, counted without encoding a copy: 1 byte below U+0080, 2 below U+0800, 4
 * for a surrogate pair, 3 otherwise (a lone surrogate too, as `TextEncoder` writes U+FFFD for it).
 */
export function utf8ByteLength(text: string): number {
  let bytes = text.length
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) continue
    if (unit < 0x800) bytes += 1
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2 // 4 bytes for the two units of the pair
      i++
    } else bytes += 2
  }
  return bytes
}

/** Anything but tab, line breaks and printable ASCII (control characters too: they simply go to the exact count). */
const OUTSIDE_PLAIN_ASCII = /[^\t\n\r\u0020-\u007e]/

/** True when `text` is more than `maxBytes` of UTF-8; counts only when the UTF-16 length cannot decide. */
export function exceedsUtf8Bytes(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true // every UTF-16 unit is at least one byte
  if (text.length * 3 <= maxBytes) return false // and at most three (a pair: four bytes for two units)
  if (!OUTSIDE_PLAIN_ASCII.test(text)) return false // one byte a unit (a manifest mostly is ASCII; the regex scans faster than the count)
  return utf8ByteLength(text) > maxBytes
}

/**
 * Most alias dereferences (`*name`) the model stage follows in one YAML document. Kubernetes manifests rarely
 * use anchors at all; the cap stops "billion laughs" inputs from expanding exponentially.
 */
export const MAX_ALIAS_COUNT = 100

/**
 * Deepest nesting of collections (maps and sequences) in a document. Kubernetes objects nest about 15 levels;
 * the `yaml` composer recurses per level and overflows the stack somewhere near 800, so deeper nodes are cut
 * off (replaced by null) with a `yaml-too-deep` diagnostic before they are composed.
 */
export const MAX_NESTING_DEPTH = 128

/**
 * Nesting depth at which a cheap scan of the text, before parsing, declares it runaway and leaves the rest of the
 * document unread. The `yaml` parser slows down sharply on very deep input (4 MB of `[` takes half a minute), so
 * such input must not reach it; anything between `MAX_NESTING_DEPTH` and this is cut exactly after parsing.
 */
export const RUNAWAY_NESTING_DEPTH = 4 * MAX_NESTING_DEPTH

/** Most diagnostics kept per file; one more `info` says how many were left out. Keeps a pasted binary usable. */
export const MAX_DIAGNOSTICS_PER_FILE = 1000
