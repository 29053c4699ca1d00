import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bestContaining, spanContains, type RankedSpan } from './span-stabbing'

const file = fc.constantFrom('a.yaml', 'b.yaml')
const span = fc.record({ file, start: fc.nat(30), length: fc.nat(12) }).map(({ file, start, length }) => ({ file, start, end: start + length }))

/** Every span asked about every offset: the answer the sweep must give. */
function bruteForce<T>(spans: readonly RankedSpan<T>[], file: string, offset: number): T | null {
  let best: RankedSpan<T> | null = null
  for (const s of spans) {
    if (!spanContains(s.span, file, offset)) continue
    if (lexLess(s.rank, best?.rank ?? null)) best = s
  }
  return best?.value ?? null
}

function lexLess(a: readonly number[], b: readonly number[] | null): boolean {
  if (!b) return true
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number)
  return a.length < b.length
}

describe('bestContaining', () => {
  it('answers as asking every span about every offset does (ties by rank, empty spans at their own offset)', () => {
    fc.assert(fc.property(fc.array(span, { maxLength: 25 }), fc.array(fc.record({ file, offset: fc.nat(45) }), { maxLength: 25 }), (spans, queries) => {
      const ranked = spans.map((s, i) => ({ span: s, value: i, rank: [s.end - s.start, i] }))
      expect(bestContaining(ranked, queries)).toEqual(queries.map((q) => bruteForce(ranked, q.file, q.offset)))
    }), { numRuns: 300 })
  })

  it('answers null where no span of the file contains the offset', () => {
    expect(bestContaining([{ span: { file: 'a.yaml', start: 0, end: 5 }, value: 'x', rank: [0] }], [{ file: 'b.yaml', offset: 1 }, { file: 'a.yaml', offset: 5 }])).toEqual([null, null])
  })
})
