/**
 * Every user regex the route stage runs (location paths, rewrite captures, canary header patterns) goes
 * through `BoundedRegex`, so no request can make the engine backtrack without end (docs/routing.md#regex-match-limit).
 *
 * Two paths, one answer: a pattern whose backtracking is provably small for this subject (no nested or
 * alternating repeats, and a cost bound far below PCRE's match limit, `regex-shape.ts`) runs on JavaScript's
 * RegExp, which is fast and answers as PCRE does; anything else runs on the counting matcher (`backtrack.ts`),
 * which answers `match-limit` exactly where PCRE would stop with its match-limit error.
 */
import { msg, type Message } from '../../messages/message'
import { compileBacktracker, PCRE_MATCH_LIMIT, type BacktrackOutcome, type Backtracker } from './backtrack'
import { addedGroups, jsNumbers } from './js-groups'
import { parseRegex } from './parse-regex'
import type { ParsedRegex } from './regex-ast'
import { costFor, nativeCostBound, type CostBound } from './regex-shape'
import { isAnchored } from './start-of-match'

/** Below this cost bound the native RegExp is used: a tenth of PCRE's limit, so PCRE cannot come near it. */
const NATIVE_BUDGET = PCRE_MATCH_LIMIT / 10

export type RegexExec =
  | { readonly kind: 'match'; readonly captures: readonly (string | undefined)[] }
  | { readonly kind: 'no-match' }
  /** PCRE would stop with its match-limit error (PCRE2_ERROR_MATCHLIMIT, -47; PCRE1: -8). */
  | { readonly kind: 'match-limit' }
  /** The engine cannot evaluate the pattern on this subject (see `reason`). */
  | { readonly kind: 'not-evaluable'; readonly reason: Message }

export type RegexVerdict = RegexExec['kind']

const NO_MATCH: RegexExec = { kind: 'no-match' }
const NOT_PARSED: RegexExec = { kind: 'not-evaluable', reason: msg('trace-regex-not-parsed') }
const TOO_DEEP: RegexExec = { kind: 'not-evaluable', reason: msg('trace-regex-too-deep') }

const TOO_LONG: RegexExec = { kind: 'not-evaluable', reason: msg('trace-regex-too-long') }

function fromBacktrack(outcome: BacktrackOutcome): RegexExec {
  return outcome.kind === 'too-deep' ? TOO_DEEP : outcome.kind === 'too-long' ? TOO_LONG : outcome
}

/** A compiled user regex with a bounded, deterministic cost. */
export class BoundedRegex {
  private readonly native: RegExp
  private readonly parsed: ParsedRegex | null
  private readonly bound: CostBound | null
  private readonly anchored: boolean
  /** JavaScript's number of each PCRE group, when the translation added groups (atomic, possessive), else null. */
  private readonly jsNumbers: readonly number[] | null
  private backtracker: Backtracker | null = null
  private lastSubject: string | null = null
  private lastOutcome: RegexExec = NO_MATCH

  /** `source` is JavaScript syntax from `translatePcre` (`../pcre.ts`), already known to compile. */
  constructor(source: string, caseless: boolean) {
    this.native = new RegExp(source, caseless ? 'i' : '')
    this.parsed = parseRegex(source, caseless)
    this.bound = this.parsed === null ? null : nativeCostBound(this.parsed.root)
    this.anchored = this.parsed !== null && isAnchored(this.parsed.root)
    const added = addedGroups(source)
    this.jsNumbers = added.includes(true) ? jsNumbers(added) : null
  }

  /** Whether the native RegExp may answer for a subject of this length (see the module comment). */
  private nativeSafe(length: number): boolean {
    const bound = this.bound
    return bound !== null && (bound.open === 0 || costFor(bound, length, this.anchored ? 1 : length + 1) < NATIVE_BUDGET)
  }

  /** Matches `subject` (leftmost, PCRE's captures). */
  exec(subject: string): RegexExec {
    if (this.nativeSafe(subject.length)) {
      const match = this.native.exec(subject)
      if (!match) return NO_MATCH
      // PCRE's numbering: the groups the translation added for atomic groups are not captures.
      return { kind: 'match', captures: this.jsNumbers ? this.jsNumbers.map((js) => match[js]) : [...match] }
    }
    return this.counted(subject)
  }

  /** Whether `subject` matches; the hot path of location selection. */
  test(subject: string): RegexVerdict {
    if (this.nativeSafe(subject.length)) return this.native.test(subject) ? 'match' : 'no-match'
    return this.counted(subject).kind
  }

  /** The counting matcher; the last answer is kept, since the trace asks again about the same URI. */
  private counted(subject: string): RegexExec {
    if (subject === this.lastSubject) return this.lastOutcome
    if (this.parsed === null) return NOT_PARSED
    this.backtracker ??= compileBacktracker(this.parsed)
    this.lastOutcome = fromBacktrack(this.backtracker.exec(subject))
    this.lastSubject = subject
    return this.lastOutcome
  }
}
