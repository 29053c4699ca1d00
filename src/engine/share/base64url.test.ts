import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBase64Url, encodeBase64Url } from './base64url'
import { crc32 } from './crc32'

describe('base64url', () => {
  it('matches Node\'s encoder and round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase64Url(bytes)
        expect(text).toBe(Buffer.from(bytes).toString('base64url'))
        expect(decodeBase64Url(text)).toEqual({ kind: 'ok', bytes })
      }),
    )
  })

  it.each([
    ['a=', 1],
    ['ab+c', 2],
    ['abcde', 5],
    ['ab', 1], // the second character carries set bits no encoder writes
  ])('rejects %j at %i', (text, at) => {
    expect(decodeBase64Url(text)).toEqual({ kind: 'error', at })
  })
})

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array())).toBe(0)
  })
})
