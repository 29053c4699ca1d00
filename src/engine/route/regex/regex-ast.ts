/**
 * The parsed form of a location, rewrite or canary regex, as the bounded matcher (`backtrack.ts`) and the shape
 * checks (`regex-shape.ts`) read it. Characters are bytes (nginx runs PCRE without UTF-8 mode, see
 * `../normalize-uri.ts`); a `ByteSet` says which bytes a single-character item matches.
 */

/** Membership per byte 0–255, plus index 256 for every character above 0xff (only header values have them). */
export type ByteSet = Uint8Array

export const HIGH = 256

export type RegexNode =
  /** One character from a set: a literal (both cases when caseless), a class, `.`, `\d`, … */
  | { readonly type: 'set'; readonly set: ByteSet }
  | { readonly type: 'seq'; readonly items: readonly RegexNode[] }
  | { readonly type: 'alt'; readonly alternatives: readonly RegexNode[] }
  /** `( … )` with its capture number, or `(?: … )` with null. */
  | { readonly type: 'group'; readonly capture: number | null; readonly body: RegexNode }
  | { readonly type: 'repeat'; readonly body: RegexNode; readonly min: number; readonly max: number; readonly greedy: boolean }
  /**
   * PCRE's atomic group `(?>…)`: once its body has matched, backtracking never re-enters it. A possessive
   * quantifier is one around its repeat (`a*+` is `(?>a*)`, pcre2pattern "Atomic grouping and possessive quantifiers");
   * `possessive` says it was written so, which PCRE2 compiles, and counts, differently.
   */
  | { readonly type: 'atomic'; readonly body: RegexNode; readonly possessive: boolean }
  /** `^` (start), `\z` (end), PCRE's `$` (end or before a final newline), `\b`, `\B`. */
  | { readonly type: 'assert'; readonly kind: 'start' | 'end' | 'dollar' | 'word' | 'not-word' }
  | { readonly type: 'look'; readonly behind: boolean; readonly negated: boolean; readonly body: RegexNode }
  | { readonly type: 'backref'; readonly group: number }

export interface ParsedRegex {
  readonly root: RegexNode
  /** Number of capture groups. */
  readonly groups: number
  /** ASCII-only case folding, as PCRE's default character tables do in byte mode. */
  readonly caseless: boolean
}

export function emptySet(): ByteSet {
  return new Uint8Array(HIGH + 1)
}

/** The set of one character code (`caseless`: both ASCII cases). */
export function charSet(code: number, caseless: boolean): ByteSet {
  const set = emptySet()
  addChar(set, code, caseless)
  return set
}

export function addChar(set: ByteSet, code: number, caseless: boolean): void {
  set[code > 0xff ? HIGH : code] = 1
  if (!caseless) return
  if (code >= 65 && code <= 90) set[code + 32] = 1
  else if (code >= 97 && code <= 122) set[code - 32] = 1
}

export function addRange(set: ByteSet, from: number, to: number, caseless: boolean): void {
  for (let code = from; code <= Math.min(to, 0xff); code++) addChar(set, code, caseless)
  if (to > 0xff) set[HIGH] = 1
}

/** Whether two sets share a character. */
export function intersects(a: ByteSet, b: ByteSet): boolean {
  for (let i = 0; i <= HIGH; i++) if (a[i] === 1 && b[i] === 1) return true
  return false
}

/** The single byte a set stands for, with its other ASCII case when caseless, or null for a wider set. */
export function literalOfSet(set: ByteSet): readonly number[] | null {
  const members: number[] = []
  for (let i = 0; i <= HIGH; i++) {
    if (set[i] !== 1) continue
    members.push(i)
    if (members.length > 2) return null
  }
  if (members.length === 1 && members[0] !== HIGH) return members
  if (members.length === 2 && (members[1] as number) - (members[0] as number) === 32 && (members[0] as number) >= 65 && (members[0] as number) <= 90) return members
  return null
}

/** `\w` in PCRE's default tables (and JavaScript's): ASCII letters, digits and `_`. */
export function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
}
