import { describe, expect, it } from 'vitest'
import { cutRunawayNesting } from './cut-runaway-nesting'

describe('cutRunawayNesting', () => {
  it('leaves ordinary manifests alone', () => {
    const text = 'a: [1, {b: [2]}]\nc: "[[[[" # [[[[\nd: \'[[[[\'\n'
    expect(cutRunawayNesting(text, 3)).toEqual({ text, cuts: [] })
  })

  it('cuts flow nesting past the limit to the end of the document, keeping offsets and newlines', () => {
    const text = 'a: [[[[[\n]]]]]\n---\nb: 1\n'
    const { text: out, cuts } = cutRunawayNesting(text, 3)
    expect(cuts).toEqual([{ at: 6, end: 15 }])
    expect(out).toBe('a: [[[  \n     \n---\nb: 1\n')
    expect(out).toHaveLength(text.length)
  })

  it('cuts block nesting by indentation and by compact indicators', () => {
    expect(cutRunawayNesting('a:\n        b: 1\n', 4).cuts).toEqual([{ at: 7, end: 16 }])
    expect(cutRunawayNesting('- - - - - x\n', 4).cuts).toEqual([{ at: 8, end: 12 }])
    expect(cutRunawayNesting('----------------\n', 4).cuts).toEqual([])
  })

  it('does not count brackets in quoted scalars with escapes or in comments', () => {
    expect(cutRunawayNesting('a: "\\"[[[[[" # [[[[[\nb: \'it\'\'s [[[[[\'\n', 3).cuts).toEqual([])
  })

  it('finds one runaway region per document', () => {
    const { cuts } = cutRunawayNesting('[[[[[\n---\n{{{{{\n', 3)
    expect(cuts.map((cut) => cut.at)).toEqual([3, 13])
  })
})
