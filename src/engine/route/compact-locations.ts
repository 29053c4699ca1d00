/**
 * Cache-friendly location tables for servers of ordinary size. With thousands of servers a request's cost is
 * set by how many scattered objects it touches, not by how many comparisons it makes: a hash lookup touches
 * a table, an entry and a key string, each likely a cache miss. So a small server packs its location names
 * and a table of offsets into ONE one-byte string (each number as two chars, high byte first), and a request
 * scans it linearly — a few contiguous cache lines — instead of probing maps. Large servers keep the maps
 * (`route-index.ts`).
 */

import type { BoundedRegex } from './regex/bounded-regex'

/** Servers with more names (or regex locations) than this use hash maps instead. */
export const COMPACT_LIMIT = 48

const NONE = 0xffff
const STATIC_ROW = 5

function packable(values: readonly number[]): boolean {
  return values.every((value) => value >= -1 && value < NONE)
}

/** Whether `text` is a byte string (chars 0–255). */
function isBytes(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false
  return true
}

/**
 * One flat one-byte string: each number (-1 becomes 0xffff) as two chars, then the byte string `tail`. Built
 * with `fromCharCode` so it is a flat sequential string, not a rope: `charCodeAt` on a concatenation would walk
 * its parts on every call. Positions in it count chars; numbers are read with `read16`.
 */
function packString(codes: readonly number[], tail: string): string {
  const all: number[] = []
  for (const code of codes) {
    const value = code < 0 ? NONE : code
    all.push(value >> 8, value & 0xff)
  }
  for (let i = 0; i < tail.length; i++) all.push(tail.charCodeAt(i))
  let out = ''
  for (let i = 0; i < all.length; i += 4096) out += String.fromCharCode(...all.slice(i, i + 4096))
  return all.length <= 4096 ? out : out.split('').join('')
}

/** The number at char position `at` (two chars, high byte first). */
function read16(packed: string, at: number): number {
  return (packed.charCodeAt(at) << 8) | packed.charCodeAt(at + 1)
}

/**
 * Whether `text` starts with the `length` chars at `offset`. Compared last char first: a server's names share
 * their beginning (`/app/v1/…`, `/app/v2/…`), so a name that does not match usually differs near its end.
 */
function matchesAt(packed: string, offset: number, length: number, text: string): boolean {
  for (let i = length - 1; i >= 0; i--) if (packed.charCodeAt(offset + i) !== text.charCodeAt(i)) return false
  return true
}

/**
 * Static names (exact, prefix, auto-redirect) of one server: number 0 is the row count; each row is 5 numbers
 * (name offset, name length, exact entry, prefix entry, redirect entry; 0xffff = none); the names follow.
 */
export type CompactStatics = string

/** Packs `(name, exact, prefix, redirect)` rows (entry indexes or -1); null when they do not fit 16 bits. */
export function buildCompactStatics(rows: readonly (readonly [string, number, number, number])[]): CompactStatics | null {
  const header = 2 * (1 + rows.length * STATIC_ROW)
  const codes: number[] = [rows.length]
  let names = ''
  for (const [name, exact, prefix, redirect] of rows) {
    if (!isBytes(name)) return null
    codes.push(header + names.length, name.length, exact, prefix, redirect)
    names += name
  }
  if (header + names.length >= NONE || !packable(codes)) return null
  return packString(codes, names)
}

/** One scan's result: the row named exactly `uri` and the longest prefix row (row numbers, -1 = none). */
export interface StaticScan {
  own: number
  longest: number
}

/** A field of row `row` (1 = name length, 2 = exact, 3 = prefix, 4 = redirect entry), -1 for none. */
export function staticField(compact: CompactStatics, row: number, field: number): number {
  const value = read16(compact, 2 * (1 + row * STATIC_ROW + field))
  return value === NONE ? -1 : value
}

/** Finds the row named `uri` and the longest row with a prefix entry that prefixes `uri`. */
export function scanStatics(compact: CompactStatics, uri: string, out: StaticScan): void {
  const rows = read16(compact, 0)
  let own = -1
  let longest = -1
  let longestLength = 0
  for (let row = 0, at = 2; row < rows; row++, at += 2 * STATIC_ROW) {
    const length = read16(compact, at + 2)
    if (length > uri.length) continue
    const hasPrefix = read16(compact, at + 6) !== NONE
    const isOwn = length === uri.length
    if (!isOwn && (length <= longestLength || !hasPrefix)) continue
    if (!matchesAt(compact, read16(compact, at), length, uri)) continue
    if (isOwn) own = row
    if (hasPrefix && length > longestLength) {
      longest = row
      longestLength = length
    }
  }
  out.own = own
  out.longest = longest
}

/**
 * The `~*` locations of one server: in `packed`, number 0 is the count; per location 3 numbers (literal
 * offset, literal length, entry index; offset 0xffff for a real regex); the lower-cased literals follow.
 */
export interface RegexPlan {
  readonly packed: string
  /** Per location, the regex of a real regex location (null for literals and for patterns that cannot compile). */
  readonly regexes: readonly (BoundedRegex | null)[]
}

/** Builds the plan from each location's lower-cased literal (or null), RegExp and entry index; null if it does not pack. */
export function buildRegexPlan(locations: readonly { readonly literal: string | null; readonly regex: BoundedRegex | null; readonly entry: number }[]): RegexPlan | null {
  const header = 2 * (1 + locations.length * 3)
  const codes: number[] = [locations.length]
  let literals = ''
  for (const { literal, entry } of locations) {
    if (literal !== null && !isBytes(literal)) return null
    codes.push(literal === null ? -1 : header + literals.length, literal === null ? 0 : literal.length, entry)
    literals += literal ?? ''
  }
  if (header + literals.length >= NONE || !packable(codes)) return null
  return { packed: packString(codes, literals), regexes: locations.map(({ regex }) => regex) }
}

/** The entry index of location `i` of the plan. */
export function planEntry(plan: RegexPlan, i: number): number {
  return read16(plan.packed, 2 * (1 + i * 3 + 2))
}

/**
 * Index of the first location of `plan` matching `uri` (`lowered` is its ASCII-lower-cased form), or -1; a
 * regex that hits PCRE's match limit first ends the search as `-2 - index` (nginx stops there with an error).
 */
export function firstRegexInPlan(plan: RegexPlan, uri: string, lowered: string): number {
  const { packed, regexes } = plan
  const count = read16(packed, 0)
  for (let i = 0, at = 2; i < count; i++, at += 6) {
    const offset = read16(packed, at)
    if (offset !== NONE) {
      const length = read16(packed, at + 2)
      if (length <= lowered.length && matchesAt(packed, offset, length, lowered)) return i
    } else {
      const verdict = regexes[i]?.test(uri)
      if (verdict === 'match') return i
      if (verdict === 'match-limit') return -2 - i
    }
  }
  return -1
}
