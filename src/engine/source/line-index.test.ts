import { describe, expect, it } from 'vitest'
import { indexLines, lineColAt, offsetAt } from './line-index'

describe('line index', () => {
  const text = 'ab\ncd\r\n\nxyz'
  const index = indexLines(text)

  it.each([
    [0, 1, 1],
    [2, 1, 3],
    [3, 2, 1],
    [5, 2, 3], // the \r belongs to line 2
    [7, 3, 1],
    [8, 4, 1],
    [11, 4, 4], // end of text
  ])('offset %i is line %i column %i', (offset, line, column) => {
    expect(lineColAt(index, offset)).toEqual({ line, column })
    expect(offsetAt(index, { line, column })).toBe(offset)
  })

  it('breaks a line at a lone CR, as go-yaml and kubectl do, and keeps the CR of a CRLF in its line', () => {
    const mixed = indexLines('a\rb\r\nc\n\rd')
    expect(mixed.starts).toEqual([0, 2, 5, 7, 8])
    expect(lineColAt(mixed, 2)).toEqual({ line: 2, column: 1 })
    expect(lineColAt(mixed, 3)).toEqual({ line: 2, column: 2 }) // the CR of CRLF
    expect(lineColAt(mixed, 8)).toEqual({ line: 5, column: 1 })
  })

  it('clamps offsets outside the text', () => {
    expect(lineColAt(index, -5)).toEqual({ line: 1, column: 1 })
    expect(lineColAt(index, 999)).toEqual({ line: 4, column: 4 })
    expect(offsetAt(index, { line: 99, column: 99 })).toBe(text.length)
  })

  it('counts columns in UTF-16 code units, as Monaco does', () => {
    const emoji = indexLines('a: "😀x"')
    // 😀 is two code units, so x is at offset 6, column 7.
    expect(lineColAt(emoji, 6)).toEqual({ line: 1, column: 7 })
  })

  it('indexes an empty text as one line', () => {
    expect(indexLines('').starts).toEqual([0])
  })
})
