import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escapeLines, escapeStrings, escapeText } from './escape-text'

// eslint-disable-next-line no-control-regex -- what must never reach a terminal
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u
const anyText = fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom('\u001b', '\u202e', '\u2066', '\u0085', '\n', '\r')) })

describe('escapeText', () => {
  it.each([
    ['key\n/x.yaml:1:1: error forged', 'key\\n/x.yaml:1:1: error forged'],
    ['\u001b[2J\r\t\u0000\u007f\u009b', '\\x1b[2J\\r\\t\\x00\\x7f\\x9b'],
    ['a\u202eb\u2066c\u2069', 'a\\u202eb\\u2066c\\u2069'],
    ['/x\\.y é 한 \u200b', '/x\\.y é 한 \u200b'],
  ])('%j → %j', (text, shown) => {
    expect(escapeText(text)).toBe(shown)
  })

  it('property: one line, no control or bidi character, idempotent', () => {
    fc.assert(fc.property(anyText, (text) => {
      const shown = escapeText(text)
      expect(shown).not.toMatch(UNSAFE)
      expect(escapeText(shown)).toBe(shown)
    }))
  })

  it('escapeLines keeps the line breaks it is given and escapes the rest', () => {
    expect(escapeLines('a\u001b\nb\r\n')).toBe('a\\x1b\nb\\r\n')
  })

  it('escapeStrings escapes every string of plain data and keeps everything else', () => {
    const data = { name: 'a\nb', list: ['\u001b', 1, null, true], nested: { deep: ['\u202e'] } }
    expect(escapeStrings(data)).toEqual({ name: 'a\\nb', list: ['\\x1b', 1, null, true], nested: { deep: ['\\u202e'] } })
    expect(data.name).toBe('a\nb')
  })
})
