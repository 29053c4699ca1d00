/** PCRE to JavaScript: shared syntax passes, PCRE-only forms are rewritten or reported, never guessed. */
import { describe, expect, test } from 'vitest'
import { formatMessage } from '../messages/render'
import { translatePcre, unescapeNginxToken } from './pcre'

function matches(pattern: string, text: string, caseless = false): boolean {
  const translated = translatePcre(pattern, caseless)
  if (translated.kind !== 'ok') throw new Error(formatMessage(translated.reason))
  return new RegExp(translated.source, translated.caseless ? 'i' : '').test(text)
}

describe('translatePcre', () => {
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

  test.each(['a++', '(?>a)', '(?i:a)', 'a(?R)', '\\p{L}', '(', '[a'])('%s is reported, not guessed', (pattern) => {
    expect(translatePcre(pattern, false).kind).toBe('unsupported')
  })
})

test('nginx unescapes \\", \\\\ and \\t in configuration tokens', () => {
  expect(unescapeNginxToken('a\\"b\\\\c\\td\\.e')).toBe('a"b\\c\td\\.e')
})
