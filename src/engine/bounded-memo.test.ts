import { describe, expect, it } from 'vitest'
import { boundedMemo } from './bounded-memo'
import { catastrophicPattern } from './route/regex/catastrophic-pattern'
import { translatePcre } from './route/pcre'

describe('boundedMemo', () => {
  it('computes each key once and answers as the function does, starting over when full', () => {
    const calls: string[] = []
    const double = boundedMemo(2, (n: number) => String(n), (n: number) => {
      calls.push(String(n))
      return n * 2
    })
    expect([double(1), double(1), double(2), double(1)]).toEqual([2, 2, 4, 2])
    expect(calls).toEqual(['1', '2'])
    double(3) // full: starts over with 3
    expect(double(1)).toBe(2)
    expect(calls).toEqual(['1', '2', '3', '1'])
  })

  it('keeps null answers (a pattern that is safe is not judged again)', () => {
    let calls = 0
    const none = boundedMemo(8, (s: string) => s, () => {
      calls++
      return null
    })
    expect([none('a'), none('a')]).toEqual([null, null])
    expect(calls).toBe(1)
  })

  it('the regex answers kept by pattern are those of a first reading, case flag included', () => {
    for (const pattern of ['/api(/|$)(.*)', '(a+)+$', '(?i)/Admin', '/x{2,}']) {
      for (const caseless of [true, false]) {
        const first = JSON.stringify([translatePcre(pattern, caseless), catastrophicPattern(pattern, caseless)])
        expect(JSON.stringify([translatePcre(pattern, caseless), catastrophicPattern(pattern, caseless)])).toBe(first)
      }
    }
    expect(translatePcre('/A', true)).not.toEqual(translatePcre('/A', false))
  })
})
