/** nginx's URI and Host normalisation, and the escaping of a rewritten URI. */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { formatMessage } from '../messages/render'
import { normalizeHost } from './normalize-host'
import { escapeUri, parseTarget, toByteString, unescapeRedirect } from './normalize-uri'

function uri(target: string): string {
  const parsed = parseTarget(target)
  return parsed.kind === 'ok' ? parsed.uri : `400: ${formatMessage(parsed.reason)}`
}

describe('parseTarget', () => {
  test.each([
    ['/a/b', '/a/b'],
    ['//a///b//', '/a/b/'],
    ['/a/./b', '/a/b'],
    ['/a/.', '/a/'],
    ['/a/b/..', '/a/'],
    ['/a/../b', '/b'],
    ['/a/%2e%2E/b', '/b'],
    ['/%41%2Fb', '/A/b'],
    ['/a%3Fb', '/a?b'],
    ['/a%25b', '/a%b'],
    ['/...', '/...'],
    ['/.a/..b', '/.a/..b'],
  ])('%s → %s', (target, expected) => {
    expect(uri(target)).toBe(expected)
  })

  test('query and fragment are split off the raw target; the raw path is kept for $request_uri', () => {
    expect(parseTarget('/a/../b?x=/../y#frag')).toMatchObject({ kind: 'ok', rawPath: '/a/../b', query: 'x=/../y', uri: '/b' })
    expect(parseTarget('/a?')).toMatchObject({ query: '' })
    expect(parseTarget('/a')).toMatchObject({ query: null, quoted: false, plus: false })
    expect(parseTarget('/a%2Bb')).toMatchObject({ quoted: true, plus: true })
  })

  test.each(['/..', '/a/../..', '//..', '/%zz', '/%4', '/a%00b', 'a'])('%s is a 400', (target) => {
    expect(parseTarget(target).kind).toBe('bad')
  })

  test('non-ASCII text becomes UTF-8 bytes, as nginx sees them', () => {
    expect(uri('/é')).toBe(toByteString('/é'))
    expect(uri('/%C3%A9')).toBe('/\u00c3\u00a9')
  })

  test('normalised paths are fixed points: no //, no . or .. segments', () => {
    const segment = fc.constantFrom('a', 'b', '.', '..', '', '%2e', '%2F', 'x%20y')
    fc.assert(fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
      const parsed = parseTarget('/' + segments.join('/'))
      if (parsed.kind === 'bad') return
      expect(parsed.uri).not.toMatch(/\/\/|\/\.\.?(\/|$)/)
      expect(uri(escapeUri(parsed.uri))).toBe(parsed.uri)
    }), { seed: 42, numRuns: 300 })
  })
})

describe('escaping', () => {
  test('a rewritten URI is escaped like NGX_ESCAPE_URI: space, #, %, ?, controls and bytes above 0x7e', () => {
    expect(escapeUri('/a b#c%d?e\u00e9~!$&')).toBe('/a%20b%23c%25d%3Fe%E9~!$&')
  })

  test('a redirect built from captures decodes only printable characters above %', () => {
    expect(unescapeRedirect('/a%26b%20c%25?x=%26')).toBe('/a&b%20c%25?x=%26')
  })
})

describe('normalizeHost', () => {
  test.each([
    ['Foo.Example.com', 'foo.example.com'],
    ['foo.example.com.', 'foo.example.com'],
    ['foo.example.com:8080', 'foo.example.com'],
    ['foo.example.com.:8080', 'foo.example.com'],
    ['[::1]:80', '[::1]'],
    ['127.0.0.1', '127.0.0.1'],
  ])('%s → %s', (raw, host) => {
    expect(normalizeHost(raw)).toEqual({ kind: 'ok', host })
  })

  test.each(['', 'a..b', '.a', 'a/b', 'a b', ':80', 'a:8/0'])('%j is a 400', (raw) => {
    expect(normalizeHost(raw).kind).toBe('bad')
  })
})
