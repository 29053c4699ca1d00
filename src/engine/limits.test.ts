import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exceedsUtf8Bytes, MAX_INPUT_BYTES, utf8ByteLength } from './limits'

const encoded = (text: string): number => new TextEncoder().encode(text).length

describe('utf8ByteLength', () => {
  it('counts 1, 2, 3 and 4 bytes per character, and 3 for a lone surrogate (TextEncoder writes U+FFFD)', () => {
    expect(utf8ByteLength('a')).toBe(1)
    expect(utf8ByteLength('é')).toBe(2)
    expect(utf8ByteLength('한')).toBe(3)
    expect(utf8ByteLength('😀')).toBe(4)
    expect(utf8ByteLength('\uD800x')).toBe(4)
    expect(utf8ByteLength('x\uDC00')).toBe(4)
  })

  it('equals the length TextEncoder gives, for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      expect(utf8ByteLength(text)).toBe(encoded(text))
    }), { numRuns: 500 })
  })
})

describe('exceedsUtf8Bytes', () => {
  it('answers as the exact count does, whether or not the UTF-16 length decides', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.nat(200), (text, max) => {
      expect(exceedsUtf8Bytes(text, max)).toBe(encoded(text) > max)
    }), { numRuns: 500 })
  })

  it('holds the cap at 5 MiB', () => {
    expect(MAX_INPUT_BYTES).toBe(5 * 1024 * 1024)
  })
})
