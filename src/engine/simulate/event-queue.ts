/**
 * A binary min-heap of timed simulation events. Ties are broken by priority, then by insertion order, so two
 * runs with the same inputs pop events in exactly the same order.
 */

interface Entry<T> {
  readonly timeMs: number
  readonly priority: number
  readonly seq: number
  readonly item: T
}

/** Ordering of events that happen at the same millisecond: pod and kubelet changes first, then the controllers. */
export const EventPriority = { kubelet: 0, controller: 1 } as const

export interface EventQueue<T> {
  readonly size: number
  push(timeMs: number, priority: number, item: T): void
  /** Time of the next event, or `Infinity` when empty. */
  peekTime(): number
  /** Removes and returns the next event, or `undefined` when empty. */
  pop(): { timeMs: number; item: T } | undefined
}

function before<T>(a: Entry<T>, b: Entry<T>): boolean {
  if (a.timeMs !== b.timeMs) return a.timeMs < b.timeMs
  if (a.priority !== b.priority) return a.priority < b.priority
  return a.seq < b.seq
}

/** Creates an empty queue. O(log n) push and pop. */
export function createEventQueue<T>(): EventQueue<T> {
  const heap: Entry<T>[] = []
  let seq = 0

  const siftUp = (start: number): void => {
    let i = start
    const entry = heap[i]!
    while (i > 0) {
      const parent = (i - 1) >> 1
      const p = heap[parent]!
      if (!before(entry, p)) break
      heap[i] = p
      i = parent
    }
    heap[i] = entry
  }

  const siftDown = (start: number): void => {
    let i = start
    const entry = heap[i]!
    const n = heap.length
    for (;;) {
      const left = 2 * i + 1
      if (left >= n) break
      const right = left + 1
      const child = right < n && before(heap[right]!, heap[left]!) ? right : left
      if (!before(heap[child]!, entry)) break
      heap[i] = heap[child]!
      i = child
    }
    heap[i] = entry
  }

  return {
    get size() {
      return heap.length
    },
    push(timeMs, priority, item) {
      heap.push({ timeMs, priority, seq: seq++, item })
      siftUp(heap.length - 1)
    },
    peekTime() {
      return heap.length > 0 ? heap[0]!.timeMs : Infinity
    },
    pop() {
      if (heap.length === 0) return undefined
      const top = heap[0]!
      const last = heap.pop()!
      if (heap.length > 0) {
        heap[0] = last
        siftDown(0)
      }
      return { timeMs: top.timeMs, item: top.item }
    },
  }
}
