import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEventQueue } from './event-queue'

describe('createEventQueue', () => {
  it('pops by time, then priority, then insertion order', () => {
    const q = createEventQueue<string>()
    q.push(10, 1, 'sync@10')
    q.push(10, 0, 'pod@10 first')
    q.push(5, 1, 'sync@5')
    q.push(10, 0, 'pod@10 second')
    expect(q.peekTime()).toBe(5)
    expect(Array.from({ length: 4 }, () => q.pop()!.item)).toEqual(['sync@5', 'pod@10 first', 'pod@10 second', 'sync@10'])
    expect(q.pop()).toBeUndefined()
    expect(q.peekTime()).toBe(Infinity)
  })

  it('is a stable sort for any sequence of pushes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 1 }))), (items) => {
        const q = createEventQueue<number>()
        items.forEach(([t, p], i) => q.push(t, p, i))
        const popped: number[] = []
        while (q.size > 0) popped.push(q.pop()!.item)
        const expected = items.map((x, i) => ({ t: x[0], p: x[1], i })).sort((a, b) => a.t - b.t || a.p - b.p || a.i - b.i).map((x) => x.i)
        expect(popped).toEqual(expected)
      }),
    )
  })
})
