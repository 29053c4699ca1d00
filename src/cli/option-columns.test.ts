import { describe, expect, it } from 'vitest'
import { formatOptionRows, NO_BREAK, wrap } from './option-columns'

describe('formatOptionRows', () => {
  it('puts descriptions in one column, on the next line after a wide option', () => {
    expect(formatOptionRows([
      { option: '--rps N', text: ['requests per second', 'second line'] },
      { option: '--sigterm graceful|immediate|ignore', text: ['what the app does'] },
    ])).toBe(
      `  --rps N${' '.repeat(16)}requests per second\n${' '.repeat(25)}second line\n` +
      `  --sigterm graceful|immediate|ignore\n${' '.repeat(25)}what the app does\n`,
    )
  })

  it('wraps at 110 columns and never at a no-break space', () => {
    const words = `${'word '.repeat(20)}(default${NO_BREAK}50)`
    const lines = formatOptionRows([{ option: '--x N', text: [words] }]).trimEnd().split('\n')
    expect(lines.length).toBe(2)
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(110)
    expect(lines[1]).toMatch(/\(default 50\)$/)
  })
})

describe('wrap', () => {
  it('keeps a line\'s indent on its continuation lines', () => {
    expect(wrap('  aaa bbb ccc', 9)).toEqual(['  aaa bbb', '  ccc'])
  })
})
