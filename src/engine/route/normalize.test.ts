/** nginx's URI and Host normalisation, and the escaping of a rewritten URI. */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { formatMessage } from '../messages/render'
import { normalizeHost } from './normalize-host'
import { escapeArgs, escapeUri, parseTarget, toByteString, unescapeRedirect } from './normalize-uri'

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

/**
 * ngx_escape_uri's bitmaps, word for word from nginx 1.22.1 src/core/ngx_string.c (`uri` = NGX_ESCAPE_URI,
 * `args` = NGX_ESCAPE_ARGS): bit b of word w set ⇔ byte 32w+b is escaped.
 */
const NGINX_URI_TABLE = [0xffffffff, 0xd000002d, 0x50000000, 0xb8000001, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff]
const NGINX_ARGS_TABLE = [0xffffffff, 0xd800086d, 0x50000000, 0xb8000001, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff]
const escapedBy = (table: readonly number[], byte: number): boolean => (((table[byte >> 5] as number) >>> (byte & 31)) & 1) === 1
const hex = (byte: number): string => '%' + byte.toString(16).toUpperCase().padStart(2, '0')

describe('escaping', () => {
  test('escapeUri escapes exactly the bytes of nginx\'s NGX_ESCAPE_URI table, all 256 of them', () => {
    for (let byte = 0; byte < 256; byte++) {
      const ch = String.fromCharCode(byte)
      expect([byte, escapeUri(ch)]).toEqual([byte, escapedBy(NGINX_URI_TABLE, byte) ? hex(byte) : ch])
    }
  })

  test('escapeArgs escapes exactly the bytes of nginx\'s NGX_ESCAPE_ARGS table, all 256 of them', () => {
    for (let byte = 0; byte < 256; byte++) {
      const ch = String.fromCharCode(byte)
      expect([byte, escapeArgs(ch)]).toEqual([byte, escapedBy(NGINX_ARGS_TABLE, byte) ? hex(byte) : ch])
    }
  })

  test.each([
    // ngx_string.c's comment: RFC 3986 forbids these unescaped, and nginx escapes them in a URI it sends.
    ['/a b#c%d?e\u00e9~!$&', '/a%20b%23c%25d%3Fe%E9~!$&'],
    ['/a"b', '/a%22b'],
    ['/<>\\^`{|}', '/%3C%3E%5C%5E%60%7B%7C%7D'],
    ["/-._~:@!$&'()*+,;=[]", "/-._~:@!$&'()*+,;=[]"],
    ['/\x7f\x00\x1f', '/%7F%00%1F'],
  ])('escapeUri(%j) = %j', (raw, escaped) => {
    expect(escapeUri(raw)).toBe(escaped)
  })

  test('escapeArgs adds &, + and ; to what escapeUri escapes', () => {
    expect(escapeArgs('a&b+c;d"e f')).toBe('a%26b%2Bc%3Bd%22e%20f')
  })

  test('escaping is undone by nginx\'s own decoding: every byte string survives escapeUri then parseTarget', () => {
    const byteString = fc.array(fc.integer({ min: 1, max: 255 }), { maxLength: 12 }).map((bytes) => '/' + String.fromCharCode(...bytes).replace(/\//g, 'x').replace(/\./g, 'y'))
    fc.assert(fc.property(byteString, (bytes) => {
      expect(uri(escapeUri(bytes))).toBe(bytes)
    }), { seed: 7, numRuns: 500 })
  })

  // ngx_unescape_uri with NGX_UNESCAPE_REDIRECT (src/core/ngx_string.c), case by case.
  test.each([
    ['/a%26b%20c%25?x=%26', '/a&b%20c%25?x=%26'], // printable above % decoded; space and % kept; stops at ?
    ['/a%3Fb%41', '/a?b%41'], // %3F decodes to ? and stops the unescaping there
    ['/a%3fb%41', '/a?b%41'],
    ['/%7e%7E%7f%22', '/~~%7f%22'], // DEL and " are not above % or not printable
    ['/a%zzb', '/azzb'], // % then a non-hex: the % is dropped
    ['/a%4zb', '/ab'], // %X then a non-hex: all three dropped
    ['/a%', '/a'], // trailing % dropped
    ['/a%4', '/a'], // trailing %X dropped
    ['/%C3%A9', '/%C3%A9'], // bytes above 0x7e stay escaped
  ])('unescapeRedirect(%j) = %j', (raw, unescaped) => {
    expect(unescapeRedirect(raw)).toBe(unescaped)
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
