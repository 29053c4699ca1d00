/**
 * PCRE2's own expected answers (testdata/testoutput1, `pcre2-testoutput1.data.ts`) for atomic groups, possessive
 * quantifiers and named groups: the engine answers each as PCRE2 does, on both of its paths (native RegExp and
 * the counting matcher), or reports a construct JavaScript cannot express (docs/routing.md#pcre-constructs).
 */
import { describe, expect, test } from 'vitest'
import { translatePcre } from '../pcre'
import { compileBacktracker } from './backtrack'
import { BoundedRegex } from './bounded-regex'
import { parseRegex } from './parse-regex'
import { PCRE2_TESTOUTPUT1_CASES } from './pcre2-testoutput1.data'

/** The reasons a construct is refused for: each one PCRE2 has and JavaScript cannot express. */
const INEXPRESSIBLE = new Set([
  'regex-recursion-unsupported',
  'regex-conditional-unsupported',
  'regex-verb-unsupported',
  'regex-branch-reset-unsupported',
  'pcre-escape-unsupported',
  'pcre-group-unsupported',
  // A case-sensitive part of a caseless pattern, or a backreference in a caseless part of a case-sensitive one:
  // JavaScript's `i` flag holds for the whole pattern.
  'regex-case-sensitive-part',
])

const asPcre = (captures: readonly (string | undefined)[], length: number): (string | null)[] =>
  Array.from({ length: Math.max(length, captures.length) }, (_, i) => captures[i] ?? null)

describe('PCRE2 testoutput1: atomic groups, possessive quantifiers, named groups', () => {
  test('most rows are evaluated, not refused (the refused ones use recursion, conditionals, verbs, branch reset, \\K, (?n), (?xx) or mixed case rules)', () => {
    const evaluated = PCRE2_TESTOUTPUT1_CASES.filter(([pattern, caseless]) => translatePcre(pattern, caseless).kind === 'ok')
    expect(PCRE2_TESTOUTPUT1_CASES.length).toBe(410)
    expect(evaluated.length).toBeGreaterThanOrEqual(272)
  })

  test.each(PCRE2_TESTOUTPUT1_CASES.map((row) => [row[4], ...row] as const))('line %i: /%s/ %s on %j', (_line, pattern, caseless, subject, expected) => {
    const translated = translatePcre(pattern, caseless)
    if (translated.kind === 'unsupported') {
      expect(INEXPRESSIBLE).toContain(translated.reason.id)
      return
    }
    const want = expected === null ? null : asPcre([], expected.length).map((_, i) => expected[i] ?? null)
    const native = new BoundedRegex(translated.source, translated.caseless).exec(subject)
    const parsed = parseRegex(translated.source, translated.caseless)
    expect(parsed).not.toBeNull()
    const counted = compileBacktracker(parsed!).exec(subject)
    for (const outcome of [native, counted]) {
      if (want === null) expect(outcome.kind).toBe('no-match')
      else {
        expect(outcome.kind).toBe('match')
        if (outcome.kind === 'match') expect(asPcre(outcome.captures, want.length)).toEqual(asPcre(want.map((c) => c ?? undefined), outcome.captures.length))
      }
    }
  })
})
