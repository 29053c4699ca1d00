/** Quoting user strings for nginx.conf: every value reads back as itself through nginx's tokenizer rules. */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { parseNginxConf } from './nginx-conf-tokens'
import { nginxCommentText, quoteNginxValue, type NginxValueKind } from './nginx-quote'

/** The one parameter of `directive <text>;` as nginx reads it, or the tokenizer's complaint. */
function readBack(text: string): string[] | string {
  const parsed = parseNginxConf(`directive ${text};\nnext;\n`)
  if (parsed.kind === 'error') return parsed.message
  return parsed.directives.map((d) => [d.name, ...d.args].join('|'))
}

// eslint-disable-next-line no-control-regex -- what must never reach the file or a terminal raw
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u
// eslint-disable-next-line no-control-regex -- the characters quoteNginxValue has no escape for
const NO_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u

const hostile = fc.string({ unit: fc.oneof(
  fc.constantFrom('"', "'", '\\', ';', '{', '}', '#', ' ', '\n', '\r', '\t', '$', '(', ')', 'n', 't', 'r', '/'),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
  fc.constantFrom('\u0000', '\u001b', '\u0085', '\u202e', '\u2066', '\u007f', 'é', '한'),
), maxLength: 40 })

describe('quoteNginxValue', () => {
  test.each<[string, NginxValueKind, string]>([
    ['/api', 'literal', '/api'],
    ['^/api(/|$)(.*)', 'literal', '^/api(/|$)(.*)'],
    ['~^(?<subdomain>[\\w-]+)\\.a\\.test$', 'literal', '~^(?<subdomain>[\\w-]+)\\.a\\.test$'],
    ['/a b', 'literal', '"/a b"'],
    ['/a"b', 'literal', '"/a\\"b"'],
    ['/a\\"b', 'literal', '"/a\\\\\\"b"'],
    ['/a\\', 'literal', '"/a\\\\"'],
    ['/a\\n', 'literal', '"/a\\\\n"'],
    ['/a\nb', 'literal', '"/a\\nb"'],
    ['/a;b{c}#d', 'literal', '"/a;b{c}#d"'],
    ["/a'b", 'literal', '"/a\'b"'],
    ['', 'text', '""'],
    ['/$2', 'script', '/$2'],
  ])('%j (%s) is written %s', (value, kind, text) => {
    expect(quoteNginxValue(value, kind)).toEqual({ kind: 'ok', text })
  })

  test.each<[string, NginxValueKind, RegExp]>([
    ['/a\u0000b', 'literal', /NUL/],
    ['/a\u001b[2J', 'literal', /U\+001B/],
    ['/a\u202eb', 'literal', /U\+202E/],
    ['/a\u0085', 'literal', /U\+0085/],
    ['https://x/$host', 'text', /variable/],
  ])('%j (%s) is refused', (value, kind, reason) => {
    const quoted = quoteNginxValue(value, kind)
    expect(quoted.kind).toBe('refused')
    expect(quoted.kind === 'refused' ? quoted.reason : '').toMatch(reason)
  })

  test('property: every value it writes reads back through nginx\'s tokenizer as itself, one parameter, nothing after it', () => {
    fc.assert(fc.property(hostile, fc.constantFrom<NginxValueKind>('literal', 'text', 'script'), (value, kind) => {
      const quoted = quoteNginxValue(value, kind)
      if (quoted.kind === 'refused') return
      expect(readBack(quoted.text)).toEqual([`directive|${value}`, 'next'])
      // Nothing a terminal would act on goes into the file raw.
      expect(quoted.text).not.toMatch(RAW_CONTROL)
    }), { numRuns: 3000 })
  })

  test('property: it refuses only NULs, controls without an escape, and a $ where nginx would expand it', () => {
    fc.assert(fc.property(hostile, (value) => {
      const refusable = NO_ESCAPE.test(value)
      expect(quoteNginxValue(value, 'literal').kind).toBe(refusable ? 'refused' : 'ok')
      expect(quoteNginxValue(value, 'text').kind).toBe(refusable || value.includes('$') ? 'refused' : 'ok')
    }), { numRuns: 2000 })
  })
})

describe('nginxCommentText', () => {
  test('a comment stays one line and shows control characters as escapes', () => {
    expect(nginxCommentText('a\nb\r\t\u001b[31m\u202ex')).toBe('a\\nb\\r\\t\\x1b[31m\\u202ex')
  })

  test('property: after "#" it never ends the comment or carries a control character', () => {
    fc.assert(fc.property(hostile, (text) => {
      const written = nginxCommentText(text)
      expect(written).not.toMatch(RAW_CONTROL)
      const parsed = parseNginxConf(`# ${written}\nnext;\n`)
      expect(parsed.kind === 'ok' ? parsed.directives.map((d) => d.name) : parsed).toEqual(['next'])
    }), { numRuns: 1000 })
  })
})
