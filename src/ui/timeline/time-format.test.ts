import { describe, expect, it } from 'vitest'
import { formatAge, formatSeconds } from './time-format'

describe('formatSeconds', () => {
  it.each([
    [0, '0.00'],
    [1234, '1.23'],
    [99_994, '99.99'],
    [123_456, '123.5'],
  ])('%i ms reads %s', (ms, text) => expect(formatSeconds(ms)).toBe(text))
})

describe('formatAge', () => {
  it.each([
    [-3, '0s'],
    [0, '0s'],
    [59.9, '59s'],
    [60, '1m'],
    [192, '3m12s'],
    [3_900, '1h5m'],
  ])('%d s reads %s', (s, text) => expect(formatAge(s)).toBe(text))
})
