/** PCRE to JavaScript: shared syntax passes, PCRE-only forms are rewritten or reported, never guessed. */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { formatMessage } from '../messages/render'
import { pcreCaptureNames } from './pcre-groups'
import { translatePcre, translatePcreInFull, unescapeNginxToken } from './pcre'
import { BoundedRegex } from './regex/bounded-regex'

function matches(pattern: string, text: string, caseless = false): boolean {
  const translated = translatePcre(pattern, caseless)
  if (translated.kind !== 'ok') throw new Error(formatMessage(translated.reason))
  return new RegExp(translated.source, translated.caseless ? 'i' : '').test(text)
}

describe('translatePcre', () => {
  test('a plain path pattern skips the translator and gets what the translator would give', () => {
    // Paths mostly plain, some with regex syntax: whichever way translatePcre goes, the answer is the translator's.
    const paths = fc.stringMatching(/^\^?[A-Za-z0-9/_~%:@!,;='&.*+?()[\]{}|$\\ #-]{0,12}$/)
    fc.assert(fc.property(paths, fc.boolean(), (pattern, caseless) => {
      expect(translatePcre(pattern, caseless)).toEqual(translatePcreInFull(pattern, caseless))
    }), { numRuns: 500 })
  })

  test('a leading (?i) makes the pattern caseless', () => {
    expect(matches('(?i)/foo', '/FOO')).toBe(true)
    expect(matches('/foo', '/FOO')).toBe(false)
    expect(matches('/foo', '/FOO', true)).toBe(true)
  })

  test('PCRE-only syntax with a JS equivalent is rewritten', () => {
    expect(matches('^/a[[:digit:]]+$', '/a42')).toBe(true)
    expect(matches('\\A/x\\z', '/x')).toBe(true)
    expect(matches('^/(?P<id>[0-9]+)$', '/7')).toBe(true)
    expect(matches('^/\\Qa.b\\E$', '/a.b')).toBe(true)
    expect(matches('^/\\Qa.b\\E$', '/axb')).toBe(false)
    expect(matches('^[]a]$', ']')).toBe(true)
    expect(matches('^/\\x{41}$', '/A')).toBe(true)
  })

  test('. matches \\r and \\s does not match 0xa0, as in PCRE', () => {
    expect(matches('^a.b$', 'a\rb')).toBe(true)
    expect(matches('\\s', '\u00a0')).toBe(false)
    expect(matches('^a$', 'a\n')).toBe(true)
  })

  test.each(['a(?R)', '\\p{L}', '(', '[a'])('%s is reported, not guessed', (pattern) => {
    expect(translatePcre(pattern, false).kind).toBe('unsupported')
  })
})

/** What the engine's regex (`BoundedRegex`, as routing runs it) captures: PCRE-numbered, null for unset; null when no match. */
function pcreExec(pattern: string, subject: string, caseless = false): (string | null)[] | null {
  const translated = translatePcre(pattern, caseless)
  if (translated.kind !== 'ok') throw new Error(formatMessage(translated.reason))
  const outcome = new BoundedRegex(translated.source, translated.caseless).exec(subject)
  if (outcome.kind === 'no-match') return null
  if (outcome.kind !== 'match') throw new Error(outcome.kind)
  return outcome.captures.map((capture) => capture ?? null)
}

const PATTERN_DOC = 'PCRE2 doc pcre2pattern(3) 10.42'
const TESTOUTPUT1 = 'PCRE2 10.42 testdata/testoutput1'

/** Pattern, subject, PCRE2's answer (captures from group 0, or null for no match), source. */
const PCRE_CONSTRUCTS: readonly (readonly [string, string, (string | null)[] | null, string])[] = [
  // Atomic groups.
  ['\\d+foo', '123456foo', ['123456foo'], `${PATTERN_DOC}, "Atomic grouping and possessive quantifiers"`],
  ['(?>\\d+)foo', '123456bar', null, `${PATTERN_DOC}, "Atomic grouping …": gives up at once on failing "foo"`],
  ['(?>\\d+)foo', '123456foo', ['123456foo'], `${PATTERN_DOC}, "Atomic grouping …"`],
  ['(*atomic:\\d+)foo', '123foo', ['123foo'], `${PATTERN_DOC}, "Atomic grouping …": the alphabetic form`],
  ['(?>\\d+)3', '123', null, `${PATTERN_DOC}, "Atomic grouping …": matches an entire sequence of digits only`],
  ['\\d+3', '123', ['123'], `${PATTERN_DOC}, "Atomic grouping …": \\d+ adjusts the number of digits`],
  ['(?>.*\\/)foo', '/this/is/and/foo', ['/this/is/and/foo'], `${TESTOUTPUT1} line 2956`],
  ['(?>.*\\/)foo', '/this/is/it/you/see/', null, `${TESTOUTPUT1} line 2956`],
  ['(?>(\\.\\d\\d[1-9]?))\\d+', '1.230003938', ['.230003938', '.23'], `${TESTOUTPUT1} line 2963`],
  ['(?>(\\.\\d\\d[1-9]?))\\d+', '1.235', null, `${TESTOUTPUT1} line 2963`],
  ['/a(?>bc|b)c', '/abcc', ['/abcc'], `${PATTERN_DOC}, "Atomic grouping …": the first alternative that matches is kept`],
  ['/a(?>bc|b)c', '/abc', null, `${PATTERN_DOC}, "Atomic grouping …": bc matched, so b is never tried`],
  ['(?>a+|b+|c+)*c', 'aaabbbbccccd', ['aaabbbbc'], `${TESTOUTPUT1} line 3019`],
  ['((?>[^()]+)|\\([^()]*\\))+', '((abc(ade)ufh()()x', ['abc(ade)ufh()()x', 'x'], `${TESTOUTPUT1} line 3023`],
  // Possessive quantifiers: X*+ is (?>X*).
  ['\\d++foo', '123456bar', null, `${PATTERN_DOC}, "Atomic grouping …": \\d++foo is (?>\\d+)foo`],
  ['/x++y', '/xxxy', ['/xxxy'], `${PATTERN_DOC}, "Atomic grouping …"`],
  ['x*+x', 'xxx', null, `${PATTERN_DOC}, "Atomic grouping …": the x*+ takes every x and gives none back`],
  ['x?+x', 'x', null, `${PATTERN_DOC}, "Atomic grouping …"`],
  ['x{1,3}+x', 'xxxx', ['xxxx'], `${PATTERN_DOC}, "Atomic grouping …"`],
  ['x{1,3}+x', 'xxx', null, `${PATTERN_DOC}, "Atomic grouping …"`],
  ['[^a]*+', 'bbbbaaaa', ['bbbb'], `${TESTOUTPUT1} line 6416 (there with /i)`],
  ['[^a]?+X', 'bX', ['bX'], `${TESTOUTPUT1} line 6452 (there with /i)`],
  ['"[^"]++"', '"abc"', ['"abc"'], `${PATTERN_DOC}, "Atomic grouping …"`],
  ['(abc|xyz){2,3}+', 'abcxyzabcxyz', ['abcxyzabc', 'abc'], `${PATTERN_DOC}, "Atomic grouping …": a possessive quantifier on a group`],
  ['(abc|xyz){2,3}+c', 'abcxyzabc', null, `${PATTERN_DOC}, "Atomic grouping …"`],
  ['^(?:a|ab)++c', 'aaaabc', null, `${TESTOUTPUT1} line 6579`],
  ['^(a{2,3}){2,}+a', 'aaaaaaa', ['aaaaaaa', 'aaa'], `${TESTOUTPUT1} line 6737`],
  ['^(a{2,3}){2,}+a', 'aaaaaa', null, `${TESTOUTPUT1} line 6737`],
  ['^(a{2,3})++a', 'aaaaaa', null, `${TESTOUTPUT1} line 6747`],
  ['(\\d++)(\\w)', '12345+', null, `${TESTOUTPUT1} line 7027`],
  ['a++b', 'aaab', ['aaab'], `${TESTOUTPUT1} line 7036`],
  // Named groups are numbered like unnamed ones, in all three spellings.
  ['(?<year>\\d\\d)-(?<month>\\d\\d)', '26-12', ['26-12', '26', '12'], `${PATTERN_DOC}, "Named capture groups"`],
  ["(?'year'\\d\\d)-(?P<month>\\d\\d)", '26-12', ['26-12', '26', '12'], `${PATTERN_DOC}, "Named capture groups": (?'name'…) and (?P<name>…)`],
  ['/(?P<n>v[0-9]+)/(.*)', '/v2/x', ['/v2/x', 'v2', 'x'], `${PATTERN_DOC}, "Named capture groups"`],
  ["(?'abc'\\w+):\\k<abc>{2}", 'a:aaxyz', ['a:aa', 'a'], `${TESTOUTPUT1} line 6927 (\\k<name> backreference)`],
  ["(?'abc'\\w+):\\g{abc}{2}", 'a:aa', ['a:aa', 'a'], `${PATTERN_DOC}, "Backreferences": \\g{name}`],
  ['(?P<a>x)(?P=a)', 'xx', ['xx', 'x'], `${PATTERN_DOC}, "Backreferences": (?P=name)`],
  ['(a)(b)\\g{-1}', 'abb', ['abb', 'a', 'b'], `${PATTERN_DOC}, "Backreferences": relative \\g{-1}`],
  // Numbering across atomic groups: they are not captures, the groups inside and after them keep PCRE's numbers.
  ['(?>(a))(b)\\2', 'abb', ['abb', 'a', 'b'], `${PATTERN_DOC}, "Atomic grouping …": atomic groups are not capture groups`],
  ['(a)++(b)\\1', 'aaaba', ['aaaba', 'a', 'b'], `${PATTERN_DOC}, "Atomic grouping …"`],
  // Other escapes with a PCRE-only meaning.
  ['^a\\Rb$', 'a\r\nb', ['a\r\nb'], `${PATTERN_DOC}, "Newline sequences": \\R is (?>\\r\\n|\\n|\\x0b|\\f|\\r|\\x85)`],
  ['^a\\R\\nb$', 'a\r\nb', null, `${PATTERN_DOC}, "Newline sequences": \\R is atomic`],
  ['^\\h\\v$', '\xa0\x85', ['\xa0\x85'], `${PATTERN_DOC}, "Generic character types": \\h and \\v`],
  ['^\\v$', '\v', ['\v'], `${PATTERN_DOC}, "Generic character types"`],
  ['^\\N\\a(?#comment)$', 'x\x07', ['x\x07'], `${PATTERN_DOC}, "Non-printing characters", "Comments"`],
  ['\\Gab', 'ab', ['ab'], `${PATTERN_DOC}, "Simple assertions": \\G is the start offset, 0 in nginx (ngx_regex_exec)`],
  ['\\Gab', 'xab', null, `${PATTERN_DOC}, "Simple assertions"`],
  ['^\\12$', '\n', ['\n'], `${PATTERN_DOC}, "Non-printing characters": \\12 without 12 groups is octal`],
  // Inline option settings last to the end of their group (here in a case-sensitive pattern, as a canary header's).
  ['a(?i)b|c', 'C', ['C'], `${PATTERN_DOC}, "Internal option setting": the setting reaches the later alternatives of its group`],
  ['(a(?i)b)c', 'aBC', null, `${PATTERN_DOC}, "Internal option setting": it ends with its group`],
  ['(a(?i)b)c', 'aBc', ['aBc', 'aB'], `${PATTERN_DOC}, "Internal option setting"`],
  ['(?i:[a-c]x)y', 'BXy', ['BXy'], `${PATTERN_DOC}, "Internal option setting": (?i:…) and classes`],
  ['^(?s:a.b)', 'a\nb', ['a\nb'], `${PATTERN_DOC}, "Internal option setting": (?s) dot matches a newline`],
  ['^a.b', 'a\nb', null, `${PATTERN_DOC}, "Full stop (period, dot) and \\N"`],
  ['(?m)^b$', 'a\nb\nc', ['b'], `${PATTERN_DOC}, "Circumflex and dollar": multiline`],
  ['(?m)^$', 'a\n', null, `${PATTERN_DOC}, "Circumflex and dollar": ^ is not matched after a final newline`],
  ['(?x) a b  c # comment', 'abc', ['abc'], `${PATTERN_DOC}, "Internal option setting": (?x) ignores white space and # comments`],
  ['(?U)a+', 'aaa', ['a'], `${PATTERN_DOC}, "Internal option setting": (?U) swaps greediness`],
  ['(?U)a+?', 'aaa', ['aaa'], `${PATTERN_DOC}, "Internal option setting"`],
]

describe('PCRE constructs (docs/routing.md#pcre-constructs)', () => {
  test.each(PCRE_CONSTRUCTS)('/%s/ on %j: %j (%s)', (pattern, subject, answer) => {
    expect(pcreExec(pattern, subject)).toEqual(answer)
  })

  test('a reference to a group the pattern lacks is refused, as PCRE refuses to compile it (pcre2pattern, "Backreferences")', () => {
    const translated = translatePcre('(?>a)\\1?', false)
    expect(translated.kind === 'unsupported' && translated.reason.id).toBe('regex-no-such-group')
  })

  test.each([
    ['a(?R)', 'regex-recursion-unsupported', 'recursion'],
    ['(a)(?1)', 'regex-recursion-unsupported', 'subroutine call'],
    ['(?<n>a)(?&n)', 'regex-recursion-unsupported', 'subroutine call by name'],
    ['(?(1)a|b)', 'regex-conditional-unsupported', 'conditional'],
    ['a(*PRUNE)b', 'regex-verb-unsupported', 'backtracking verb'],
    ['(*LIMIT_MATCH=10)a', 'regex-verb-unsupported', 'start-of-pattern option'],
    ['(?|(a)|(b))', 'regex-branch-reset-unsupported', 'branch reset (its numbering is not modelled)'],
    ['a(?C1)b', 'regex-callout-unsupported', 'callout'],
    ['a\\Kb', 'pcre-escape-unsupported', '\\K resets the match start'],
    ['a(?#b', 'regex-unclosed-comment', 'unclosed comment'],
    ['(?n)(a)', 'pcre-group-unsupported', '(?n) changes which groups capture'],
    ['a\\ib', 'regex-escape-unknown', 'PCRE refuses \\i, as every letter it has no escape for'],
    ['a(?-i)b', 'regex-case-sensitive-part', 'a case-sensitive part in a caseless location (JavaScript\'s i flag is whole-pattern)'],
  ])('%s is refused with %s (%s)', (pattern, id) => {
    const translated = translatePcre(pattern, true)
    expect(translated.kind === 'unsupported' && translated.reason.id).toBe(id)
  })

  test('a case rule that changes nothing (no letters) is no case-sensitive part: (?-i)/1 in a caseless location', () => {
    expect(pcreExec('^(?-i)/1(?i)a', '/1A', true)).toEqual(['/1A'])
    expect(translatePcre('^(?-i)/a', true).kind).toBe('unsupported')
  })

  test('named groups are numbered by pcreCaptureNames, the one place that does, as PCRE numbers them', () => {
    expect([...pcreCaptureNames("(a)(?>(?<x>b))(?'y'c)(?P<z>d)(?#(e))(?:f)")]).toEqual([['x', 2], ['y', 3], ['z', 4]])
  })
})

test('nginx unescapes \\", \\\\ and \\t in configuration tokens', () => {
  expect(unescapeNginxToken('a\\"b\\\\c\\td\\.e')).toBe('a"b\\c\td\\.e')
})
