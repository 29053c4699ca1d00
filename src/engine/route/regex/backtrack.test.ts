/** The counting matcher: JavaScript's answers on safe patterns, PCRE's match limit on catastrophic ones. */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { formatMessage } from '../../messages/render'
import { translatePcre } from '../pcre'
import { compileBacktracker, PCRE_MATCH_LIMIT } from './backtrack'
import { BoundedRegex } from './bounded-regex'
import { parseRegex } from './parse-regex'

function translated(pcre: string, caseless: boolean): { source: string; caseless: boolean } {
  const result = translatePcre(pcre, caseless)
  if (result.kind !== 'ok') throw new Error(formatMessage(result.reason))
  return result
}

function counted(pcre: string, subject: string, caseless = true) {
  const { source, caseless: folded } = translated(pcre, caseless)
  const parsed = parseRegex(source, folded)
  if (!parsed) throw new Error(`not parsed: ${source}`)
  return compileBacktracker(parsed).exec(subject)
}

const atom = fc.constantFrom('a', 'b', '/', '.', '[ab]', '[^a]', '\\d', '[a-c]', '\\w', 'x')
const quantifier = fc.constantFrom('', '', '*', '+', '?', '{1,3}', '*?', '+?', '{2}')
const piece = fc.tuple(atom, quantifier).map(([a, q]) => a + q)
const sequence = fc.array(piece, { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join(''))
/** Patterns without nested or alternating repeats: groups and alternation are never quantified. */
const safePattern = fc
  .tuple(
    fc.constantFrom('', '^'),
    fc.array(fc.oneof(sequence, sequence.map((s) => `(${s})`), fc.tuple(sequence, sequence).map(([l, r]) => `(?:${l}|${r})`), fc.tuple(sequence, sequence).map(([l, r]) => `(${l}|${r})`)), { minLength: 1, maxLength: 3 }),
    fc.constantFrom('', '$'),
  )
  .map(([start, parts, end]) => start + parts.join('') + end)
const subject = fc.array(fc.constantFrom('a', 'b', 'A', '/', '1', 'x', 'c', '\n'), { maxLength: 12 }).map((chars) => chars.join(''))

describe('compileBacktracker', () => {
  test('agrees with JavaScript on safe patterns: same match and captures', () => {
    fc.assert(
      fc.property(safePattern, subject, fc.boolean(), (pattern, text, caseless) => {
        const { source, caseless: folded } = translated(pattern, caseless)
        const expected = new RegExp(source, folded ? 'i' : '').exec(text)
        const outcome = counted(pattern, text, caseless)
        expect(outcome.kind).toBe(expected ? 'match' : 'no-match')
        if (expected && outcome.kind === 'match') expect(outcome.captures).toEqual([...expected])
      }),
      { numRuns: 3000 },
    )
  })

  test('agrees with JavaScript on quantified groups and alternations too (the memoised repeats): same match', () => {
    const literal = fc.array(fc.constantFrom('a', 'b', '/', '[ab]', 'x', '.'), { minLength: 1, maxLength: 3 }).map((chars) => chars.join(''))
    // Bodies never match the empty string: there PCRE ends the repeat where JavaScript backtracks (see the module).
    const body = fc.oneof(literal, fc.tuple(literal, literal).map(([l, r]) => `${l}|${r}`), fc.tuple(literal, atom).map(([l, a]) => `${l}${a}+`))
    const group = fc.tuple(body, fc.constantFrom('*', '+', '?', '{2,3}', '{1,}', '*?', '+?')).map(([b, q]) => `(?:${b})${q}`)
    const pattern = fc.tuple(fc.constantFrom('', '^'), fc.array(fc.oneof(group, piece), { minLength: 1, maxLength: 4 }), fc.constantFrom('', '$'))
      .map(([start, parts, end]) => start + parts.join('') + end)
    fc.assert(
      fc.property(pattern, subject, (source, text) => {
        const expected = new RegExp(translated(source, true).source, 'i').exec(text)
        const outcome = counted(source, text)
        expect(outcome.kind).toBe(expected ? 'match' : 'no-match')
        if (expected && outcome.kind === 'match') expect(outcome.captures[0]).toBe(expected[0])
      }),
      { numRuns: 3000 },
    )
  })

  test('BoundedRegex gives the same answers on its native and counting paths', () => {
    fc.assert(
      fc.property(safePattern, subject, (pattern, text) => {
        const { source, caseless } = translated(pattern, true)
        expect(new BoundedRegex(source, caseless).exec(text)).toEqual(counted(pattern, text))
      }),
      { numRuns: 1000 },
    )
  })

  test('PCRE semantics where JavaScript differs: unset backreferences fail, earlier captures stay', () => {
    expect(counted('^(a)?\\1b', 'b', false).kind).toBe('no-match')
    expect(new RegExp('^(a)?\\1b').test('b')).toBe(true)
    expect(counted('^(?:(a)|b)+$', 'ab', false)).toEqual({ kind: 'match', captures: ['ab', 'a'] })
  })

  test('lookarounds, backreferences, named groups, word boundaries', () => {
    expect(counted('^/(?<id>[0-9]+)/\\k<id>$', '/12/12')).toMatchObject({ kind: 'match', captures: ['/12/12', '12'] })
    expect(counted('^/(?!admin)\\w+', '/admin').kind).toBe('no-match')
    expect(counted('(?<=/v)\\d+', '/v42')).toMatchObject({ kind: 'match', captures: ['42'] })
    expect(counted('\\bapi\\b', '/api/x').kind).toBe('match')
    expect(counted('^/a$', '/a\n').kind).toBe('match')
  })
})

describe('the match limit', () => {
  // Measured with Debian's nginx 1.22.1 and PCRE2 10.42 (docs/routing.md#regex-match-limit).
  test.each([
    ['^/(a+)+b', 21, 'no-match'],
    ['^/(a+)+b', 22, 'match-limit'],
    ['^/(a|aa)+$', 29, 'no-match'],
    ['^/(a|aa)+$', 30, 'match-limit'],
  ])('%s against / + %i a\'s + "!b": %s, as nginx', (pattern, count, kind) => {
    expect(counted(pattern, `/${'a'.repeat(count)}!b`).kind).toBe(kind)
  })

  test.each([
    ['^/(a+)+b', `/${'a'.repeat(40)}!b`],
    ['(a|aa)+$', `${'a'.repeat(40)}!`],
    ['^/(.*a){20}', `/${'a'.repeat(19)}${'b'.repeat(30)}`],
  ])('%s stops at the limit within a bounded time', (pattern, text) => {
    const { source, caseless } = translated(pattern, true)
    const started = process.cpuUsage()
    expect(new BoundedRegex(source, caseless).exec(text).kind).toBe('match-limit')
    const used = process.cpuUsage(started)
    expect((used.user + used.system) / 1000).toBeLessThan(2000)
  })

  test('a missing required byte answers no match at once, as PCRE does (no b in the subject)', () => {
    const { source, caseless } = translated('^/(a+)+b', true)
    const started = performance.now()
    expect(new BoundedRegex(source, caseless).exec(`/${'a'.repeat(40)}`).kind).toBe('no-match')
    expect(performance.now() - started).toBeLessThan(50)
  })

  test('an unanchored pattern that stays under the limit at every start is still bounded in total', () => {
    // a*a*c$ on a's then "cb": each start backtracks over the a's after it and fails at $.
    const { source } = translated('a*a*c$', false)
    const parsed = parseRegex(source, false)!
    const subject = `${'a'.repeat(40)}cb`
    expect(compileBacktracker(parsed, 100).exec(subject)).toEqual({ kind: 'too-long' })
    expect(compileBacktracker(parsed, 1000).exec(subject)).toEqual({ kind: 'no-match' })
  })

  test('the limit is PCRE2\'s default', () => {
    expect(PCRE_MATCH_LIMIT).toBe(10_000_000)
  })
})
