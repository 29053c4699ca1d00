import { describe, expect, it } from 'vitest'
import { formatSternLine, hashFnv1, pickSternColour, STERN_COLOURS, type LogLine } from './stern'

const line = (kind: LogLine['kind'], message = ''): LogLine => ({ timeMs: 0, pod: 0, container: 'websample', message, kind })

describe('stern colours (32-bit FNV-1 of the pod name, modulo 6)', () => {
  it('hashes with FNV-1 (multiply, then xor), not FNV-1a', () => {
    expect(hashFnv1('a')).toBe(0x050c5d7e)
    expect(hashFnv1('')).toBe(0x811c9dc5)
  })

  it('picks stern\'s colour for two known names: both magenta (index 2)', () => {
    expect(pickSternColour('a')).toBe(2)
    expect(pickSternColour('websample-7d9f8c6b5-q8zrt')).toBe(2)
    expect(STERN_COLOURS[2]).toEqual([95, 35])
  })
})

describe('formatSternLine', () => {
  it('prints "<pod> <container> <message>", with the timestamp before the message', () => {
    expect(formatSternLine(line('app', 'listening on :5000'), 'web-1')).toBe('web-1 websample listening on :5000')
    expect(formatSternLine(line('app', 'hi'), 'web-1', { timestamp: '2026-01-01T00:00:01.000000000Z' })).toBe('web-1 websample 2026-01-01T00:00:01.000000000Z hi')
  })

  it('prints the + and - lines with U+203A', () => {
    expect(formatSternLine(line('start'), 'web-1')).toBe('+ web-1 \u203a websample')
    expect(formatSternLine(line('stop'), 'web-1')).toBe('- web-1 \u203a websample')
  })

  it('colours the pod bright and the container normal, + in bright green bold', () => {
    const [pod, container] = STERN_COLOURS[pickSternColour('a')]!
    expect(formatSternLine(line('app', 'x'), 'a', { colour: true })).toBe(`\u001b[${pod}ma\u001b[0m \u001b[${container}mwebsample\u001b[0m x`)
    expect(formatSternLine(line('start'), 'a', { colour: true }).startsWith('\u001b[92;1m+\u001b[0m ')).toBe(true)
  })
})
