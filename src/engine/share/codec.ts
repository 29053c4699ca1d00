/**
 * Share links: a scenario ↔ the text after `#` in the studio's URL. The fragment never reaches a server or its
 * logs. A link reads `v<N>.<base64url>`; the tag names the format, and every format ever written keeps its
 * decoder here.
 *
 * - `v2` (written today): raw DEFLATE (level 9) with the preset dictionary of `dictionary-v2.ts` over UTF-8
 *   `<header JSON>\n<manifest text>`. The header holds every section but the text, plus `crc`, the CRC-32 of
 *   the text's bytes, so an altered link is caught instead of silently opening a different manifest. The text
 *   stays out of JSON so its newlines and quotes are not escaped (which would also defeat the dictionary).
 * - `v1` (the first format; still read, and written on request for tools without the dictionary): raw DEFLATE of
 *   UTF-8 JSON `{source, selection?: {view?}, playback?: {cursorSeconds?, speed?}}`; CompressionStream
 *   ('deflate-raw') can produce it in a few lines.
 *
 * Decoding checks, in order and before each costlier step: tag → encoded length → base64url → inflate with an
 * output cap → UTF-8 → header size → JSON → checksum → migration → schema. Every failure is a `ShareProblem`
 * with a code the UI explains; nothing throws.
 */
import { deflateSync } from 'fflate'
import { decodeBase64Url, encodeBase64Url } from './base64url'
import { checkPayload } from './check-payload'
import { crc32 } from './crc32'
import { dictionaryV2 } from './dictionary-v2'
import { inflateCapped } from './inflate-capped'
import { migrateV1 } from './migrate'
import type { SharePayload, ShareWarning } from './payload'
import { SHARE_LIMITS } from './share-limits'

export type ShareFormat = 'v1' | 'v2'

/** The format new links are written in. */
export const CURRENT_SHARE_FORMAT: ShareFormat = 'v2'

const KNOWN: readonly ShareFormat[] = ['v1', 'v2']
const TAG = /^v(\d{1,6})\.(.*)$/s

export type ShareProblemCode =
  | 'not-a-link'
  | 'newer-format'
  | 'too-long'
  | 'bad-characters'
  | 'corrupt'
  | 'too-large'
  | 'bad-text'
  | 'bad-header'
  | 'checksum-mismatch'
  | 'no-manifest'

/** Why a link could not be read. `detail` holds values for the explanation (sizes, positions, the tag). */
export interface ShareProblem {
  readonly code: ShareProblemCode
  readonly message: string
  readonly detail?: Readonly<Record<string, string | number>>
}

export type ShareDecodeResult =
  | { readonly kind: 'ok'; readonly format: ShareFormat; readonly payload: SharePayload; readonly warnings: readonly ShareWarning[] }
  | ({ readonly kind: 'error' } & ShareProblem)

export type ShareEncodeResult =
  | { readonly kind: 'ok'; readonly fragment: string; readonly compressedBytes: number }
  /**
   * `inflatedBytes` is set when the payload itself passes `maxInflatedBytes`, `headerChars` when its settings (tested
   * requests, titles, …) pass `maxHeaderChars`: no studio would open either link.
   */
  | { readonly kind: 'too-large'; readonly compressedBytes: number; readonly inflatedBytes?: number; readonly headerChars?: number }

const encoder = /* @__PURE__ */ new TextEncoder()
const NEWLINE = 0x0a

/** Longest encoded part a link may have: the base64url length of `maxCompressedBytes`. */
export const MAX_ENCODED_CHARS = Math.ceil((SHARE_LIMITS.maxCompressedBytes * 4) / 3)

function fail(code: ShareProblemCode, message: string, detail?: Record<string, string | number>): ShareDecodeResult {
  return detail ? { kind: 'error', code, message, detail } : { kind: 'error', code, message }
}

/** The payload's bytes before compression in `format`. */
function serialize(payload: SharePayload, format: ShareFormat): Uint8Array | { readonly headerChars: number } {
  const { source, ...sections } = payload
  if (format === 'v1') {
    const { view, timeline, ...rest } = sections
    const legacy = { source, ...rest, ...(view === undefined ? {} : { selection: { view } }), ...(timeline === undefined ? {} : { playback: timeline }) }
    return encoder.encode(JSON.stringify(legacy))
  }
  const text = encoder.encode(source)
  const headerText = JSON.stringify({ ...sections, crc: crc32(text) })
  // The decoder refuses a longer header (`splitV2`); a link it cannot open is not made.
  if (headerText.length > SHARE_LIMITS.maxHeaderChars) return { headerChars: headerText.length }
  const header = encoder.encode(headerText + '\n')
  const bytes = new Uint8Array(header.length + text.length)
  bytes.set(header)
  bytes.set(text, header.length)
  return bytes
}

/**
 * Encodes `payload` as a fragment (without `#`). Secret redaction is the caller's choice and happens before
 * (`prepareShare` redacts, or refuses, then calls this). Returns `too-large` when the compressed payload passes
 * `SHARE_LIMITS.maxCompressedBytes` or the payload passes `maxInflatedBytes`: no studio would accept either back,
 * and a link nobody can open should not carry a megabyte of someone's manifest.
 */
export function encodeShareLink(payload: SharePayload, format: ShareFormat = CURRENT_SHARE_FORMAT): ShareEncodeResult {
  const bytes = serialize(payload, format)
  if (!(bytes instanceof Uint8Array)) return { kind: 'too-large', compressedBytes: 0, headerChars: bytes.headerChars }
  if (bytes.length > SHARE_LIMITS.maxInflatedBytes) return { kind: 'too-large', compressedBytes: 0, inflatedBytes: bytes.length }
  const compressed = deflateSync(bytes, format === 'v2' ? { level: 9, mem: 8, dictionary: dictionaryV2() } : { level: 9, mem: 8 })
  if (compressed.length > SHARE_LIMITS.maxCompressedBytes) return { kind: 'too-large', compressedBytes: compressed.length }
  return { kind: 'ok', fragment: `${format}.${encodeBase64Url(compressed)}`, compressedBytes: compressed.length }
}

/** True when `fragment` (with or without `#`) has the shape of a share link of any version. */
export function looksLikeShareLink(fragment: string): boolean {
  return TAG.test(fragment.replace(/^#/, ''))
}

/** Splits v2's inflated bytes into the parsed header and the text bytes, or a problem. */
function splitV2(bytes: Uint8Array): { header: Record<string, unknown>; text: Uint8Array } | ShareDecodeResult {
  const newline = bytes.indexOf(NEWLINE)
  if (newline < 0 || newline > SHARE_LIMITS.maxHeaderChars * 3) return fail('bad-header', 'The link has no readable settings header.')
  const headerText = decodeUtf8(bytes.subarray(0, newline))
  if (headerText === null || headerText.length > SHARE_LIMITS.maxHeaderChars) return fail('bad-header', 'The link\'s settings header is unreadable or too long.')
  const header = parseJson(headerText)
  if (typeof header !== 'object' || header === null || Array.isArray(header) || typeof (header as { crc?: unknown }).crc !== 'number') {
    return fail('bad-header', 'The link\'s settings header is not valid.')
  }
  return { header: header as Record<string, unknown>, text: bytes.subarray(newline + 1) }
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** Decodes a fragment (with or without the leading `#`) into a checked payload, or says what is wrong. */
export function decodeShareLink(fragment: string): ShareDecodeResult {
  const match = TAG.exec(fragment.replace(/^#/, ''))
  if (!match) return fail('not-a-link', 'This is not a share link of Ingress Studio.')
  const format = `v${Number(match[1])}` as ShareFormat
  const body = match[2] as string
  if (!KNOWN.includes(format)) {
    return Number(match[1]) > KNOWN.length
      ? fail('newer-format', `The link was made by a newer version of the studio (format ${format}).`, { format })
      : fail('not-a-link', `Unknown link format ${format}.`, { format })
  }
  if (body.length > MAX_ENCODED_CHARS) {
    return fail('too-long', `The link carries ${body.length} characters; the studio reads at most ${MAX_ENCODED_CHARS}.`, { chars: body.length, limit: MAX_ENCODED_CHARS })
  }
  const decoded = decodeBase64Url(body)
  if (decoded.kind === 'error') return fail('bad-characters', `The link is damaged at character ${decoded.at + 1}.`, { at: decoded.at + 1 })
  const inflated = inflateCapped(decoded.bytes, SHARE_LIMITS.maxInflatedBytes, format === 'v2' ? dictionaryV2() : undefined)
  if (inflated.kind === 'too-large') {
    return fail('too-large', `The link expands past ${SHARE_LIMITS.maxInflatedBytes} bytes; the studio refuses it.`, { limit: SHARE_LIMITS.maxInflatedBytes })
  }
  if (inflated.kind === 'corrupt') return fail('corrupt', `The link's data is damaged (${inflated.message}).`)

  let raw: unknown
  if (format === 'v2') {
    const parts = splitV2(inflated.bytes)
    if ('kind' in parts) return parts
    if (crc32(parts.text) !== parts.header.crc) return fail('checksum-mismatch', 'The manifest in the link does not match its checksum: the link was altered or cut.')
    const source = decodeUtf8(parts.text)
    if (source === null) return fail('bad-text', 'The manifest in the link is not valid UTF-8 text.')
    const { crc: _crc, ...sections } = parts.header
    raw = { ...sections, source }
  } else {
    const text = decodeUtf8(inflated.bytes)
    if (text === null) return fail('bad-text', 'The link\'s data is not valid UTF-8 text.')
    raw = parseJson(text)
    if (raw === undefined) return fail('bad-header', 'The link\'s data is not valid JSON.')
    raw = migrateV1(raw)
  }
  const checked = checkPayload(raw)
  if (checked.kind === 'error') return fail('no-manifest', `The link holds no scenario: ${checked.detail}.`)
  return { kind: 'ok', format, payload: checked.payload, warnings: checked.warnings }
}
