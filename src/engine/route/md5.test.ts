import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { md5Hex } from './md5'

describe('md5Hex', () => {
  // RFC 1321, appendix A.5 (the test suite).
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', '57edf4a22be3c955ac49da2e2107b67a'],
  ])('RFC 1321 A.5: md5(%j)', (input, digest) => {
    expect(md5Hex(input)).toBe(digest)
  })

  it('agrees with node:crypto on lengths around the 64-byte block and on UTF-8', () => {
    for (let n = 0; n < 140; n++) {
      const text = 'x'.repeat(n) + (n % 3 === 0 ? 'é한' : '')
      expect(md5Hex(text)).toBe(createHash('md5').update(text, 'utf8').digest('hex'))
    }
  })
})
