import { afterEach, describe, expect, it, vi } from 'vitest'
import { DurableTexts, isTextKey, openDurableTexts, routeTexts, type StorageProblem } from './durable-texts'
import { SOURCE_STORAGE_KEY } from './persistence'
import { SCENARIO_INDEX_KEY, scenarioEntryKey } from './scenario-storage'
import { localStorageBackend, type TextBackend } from './text-backends'

/** An IndexedDB stand-in: keeps strings, can be blocked, have a quota, or never answer. */
class FakeBackend implements TextBackend {
  readonly items = new Map<string, string>()
  readonly writes: { sets: string[]; deletes: string[] }[] = []
  blocked = false
  hang = false
  quotaBytes = Infinity

  async readAll(): Promise<Map<string, string>> {
    if (this.hang) return new Promise(() => {})
    if (this.blocked) throw new DOMException('blocked', 'SecurityError')
    return new Map(this.items)
  }
  async write(sets: ReadonlyMap<string, string>, deletes: readonly string[]): Promise<void> {
    if (this.blocked) throw new DOMException('blocked', 'SecurityError')
    const next = new Map(this.items)
    for (const [key, value] of sets) next.set(key, value)
    for (const key of deletes) next.delete(key)
    const bytes = [...next.values()].reduce((n, value) => n + value.length * 2, 0)
    if (bytes > this.quotaBytes) throw new DOMException('full', 'QuotaExceededError')
    this.writes.push({ sets: [...sets.keys()], deletes: [...deletes] })
    this.items.clear()
    for (const [key, value] of next) this.items.set(key, value)
  }
}

/** localStorage as browsers give it: about 5 MB, each string counted in UTF-16 units; can be blocked. */
class FakeLocalStorage {
  readonly items = new Map<string, string>()
  blocked = false
  get length() {
    return this.items.size
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null
  }
  getItem(key: string) {
    if (this.blocked) throw new DOMException('blocked', 'SecurityError')
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string) {
    if (this.blocked) throw new DOMException('blocked', 'SecurityError')
    const bytes = [...this.items].reduce((n, [k, v]) => (k === key ? n : n + v.length * 2), value.length * 2)
    if (bytes > 5 * 1024 * 1024) throw new DOMException('full', 'QuotaExceededError')
    this.items.set(key, value)
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
}

const TEN_MB = 'x'.repeat(10 * 1024 * 1024)

function open(primary: TextBackend | null, legacy: TextBackend | null, timeoutMs?: number) {
  const reports: (StorageProblem | null)[] = []
  const opened = openDurableTexts({ primary, legacy, onWrite: (problem) => reports.push(problem), timeoutMs })
  return { opened, reports }
}

afterEach(() => vi.useRealTimers())

describe('opening the saved texts', () => {
  it('reads IndexedDB and moves what older builds left in localStorage into it', async () => {
    const idb = new FakeBackend()
    idb.items.set(scenarioEntryKey('a'), '{"source":"a"}')
    const local = new FakeLocalStorage()
    local.items.set(SOURCE_STORAGE_KEY, 'old: text\n')
    local.items.set(SCENARIO_INDEX_KEY, '{"items":[]}')
    const { texts, problem } = await open(idb, localStorageBackend(local)).opened
    expect(problem).toBeNull()
    expect(texts.readable).toBe(true)
    expect(texts.getItem(SOURCE_STORAGE_KEY)).toBe('old: text\n')
    expect(texts.getItem(scenarioEntryKey('a'))).toBe('{"source":"a"}')
    expect(idb.items.get(SOURCE_STORAGE_KEY)).toBe('old: text\n')
    // Moved, not copied: localStorage's 5 MB are free again; the small index stays where it was.
    expect([...local.items.keys()]).toEqual([SCENARIO_INDEX_KEY])
  })

  it('keeps the localStorage copies when IndexedDB refuses them', async () => {
    const idb = new FakeBackend()
    idb.quotaBytes = 0
    const local = new FakeLocalStorage()
    local.items.set(SOURCE_STORAGE_KEY, 'old: text\n')
    const { texts } = await open(idb, localStorageBackend(local)).opened
    expect(texts.getItem(SOURCE_STORAGE_KEY)).toBe('old: text\n')
    expect(local.items.get(SOURCE_STORAGE_KEY)).toBe('old: text\n')
  })

  it('falls back to localStorage where IndexedDB is blocked', async () => {
    const idb = new FakeBackend()
    idb.blocked = true
    const local = new FakeLocalStorage()
    local.items.set(SOURCE_STORAGE_KEY, 'kept\n')
    const { opened, reports } = open(idb, localStorageBackend(local))
    const { texts, problem } = await opened
    expect(problem).toBeNull()
    expect(texts.getItem(SOURCE_STORAGE_KEY)).toBe('kept\n')
    texts.setItem(SOURCE_STORAGE_KEY, 'edited\n')
    await texts.settled()
    expect(local.items.get(SOURCE_STORAGE_KEY)).toBe('edited\n')
    expect(reports).toEqual([null])
  })

  it('says so when neither can be read, and then writes nothing over the unread work', async () => {
    const idb = new FakeBackend()
    idb.blocked = true
    const { opened, reports } = open(idb, null)
    const { texts, problem } = await opened
    expect(problem).toEqual({ kind: 'unreadable', reason: 'SecurityError' })
    expect(texts.readable).toBe(false)
    idb.blocked = false
    texts.setItem(SOURCE_STORAGE_KEY, 'typed\n')
    await texts.settled()
    expect(texts.getItem(SOURCE_STORAGE_KEY)).toBe('typed\n')
    expect(idb.writes).toEqual([])
    expect(reports).toEqual([])
  })

  it('gives up on an IndexedDB that never answers, without trusting localStorage instead', async () => {
    vi.useFakeTimers()
    const idb = new FakeBackend()
    idb.hang = true
    const local = new FakeLocalStorage()
    const { opened } = open(idb, localStorageBackend(local), 1000)
    await vi.advanceTimersByTimeAsync(1000)
    expect((await opened).problem).toEqual({ kind: 'unreadable', reason: 'TimeoutError' })
  })

  it('reads a browser without IndexedDB as refused', async () => {
    const { problem } = await open(null, null).opened
    expect(problem).toEqual({ kind: 'unreadable', reason: 'NotSupportedError' })
  })
})

describe('writing', () => {
  async function opened(backend: FakeBackend) {
    const reports: (StorageProblem | null)[] = []
    const texts = new DurableTexts(backend, new Map(), (problem) => reports.push(problem), true)
    return { texts, reports }
  }

  it('keeps a 10 MB text that localStorage could not hold', async () => {
    const local = new FakeLocalStorage()
    expect(() => local.setItem(SOURCE_STORAGE_KEY, TEN_MB)).toThrow(/full/)
    const idb = new FakeBackend()
    const { texts, reports } = await opened(idb)
    texts.setItem(SOURCE_STORAGE_KEY, TEN_MB)
    await texts.settled()
    expect(idb.items.get(SOURCE_STORAGE_KEY)?.length).toBe(TEN_MB.length)
    expect(reports).toEqual([null])
    const reopened = await open(idb, localStorageBackend(local)).opened
    expect(reopened.texts.getItem(SOURCE_STORAGE_KEY)).toBe(TEN_MB)
  })

  it('writes the changes of one turn together, the latest value of each key', async () => {
    const idb = new FakeBackend()
    const { texts } = await opened(idb)
    texts.setItem('a', '1')
    texts.setItem('a', '2')
    texts.setItem('b', '3')
    texts.removeItem('c')
    await texts.settled()
    expect(idb.writes).toEqual([{ sets: ['a', 'b'], deletes: ['c'] }])
    expect(idb.items.get('a')).toBe('2')
  })

  it('reports a full quota, keeps the text on screen, and clears the report once a write lands', async () => {
    const idb = new FakeBackend()
    idb.quotaBytes = 1000
    const { texts, reports } = await opened(idb)
    texts.setItem(SOURCE_STORAGE_KEY, 'y'.repeat(1000))
    await texts.settled()
    expect(reports).toEqual([{ kind: 'unsaved', reason: 'QuotaExceededError' }])
    expect(texts.getItem(SOURCE_STORAGE_KEY)).toHaveLength(1000)
    texts.setItem(SOURCE_STORAGE_KEY, 'small')
    await texts.settled()
    expect(reports.at(-1)).toBeNull()
    expect(idb.items.get(SOURCE_STORAGE_KEY)).toBe('small')
  })

  it('retries a refused write with the next change', async () => {
    const idb = new FakeBackend()
    const { texts, reports } = await opened(idb)
    idb.blocked = true
    texts.setItem('scenario', 'payload')
    await texts.settled()
    expect(reports).toEqual([{ kind: 'unsaved', reason: 'SecurityError' }])
    idb.blocked = false
    texts.setItem(SOURCE_STORAGE_KEY, 'next')
    await texts.settled()
    expect(idb.items.get('scenario')).toBe('payload')
  })
})

describe('routing keys', () => {
  it('sends the texts to the durable store and the rest to localStorage', () => {
    expect(isTextKey(SOURCE_STORAGE_KEY)).toBe(true)
    expect(isTextKey(scenarioEntryKey('m1-abc'))).toBe(true)
    expect(isTextKey(SCENARIO_INDEX_KEY)).toBe(false)
    const texts = new DurableTexts(null, new Map(), () => {}, true)
    const local = new FakeLocalStorage()
    const routed = routeTexts(texts, local)
    routed.setItem(SOURCE_STORAGE_KEY, 'text')
    routed.setItem(SCENARIO_INDEX_KEY, '{}')
    expect(texts.getItem(SOURCE_STORAGE_KEY)).toBe('text')
    expect([...local.items.keys()]).toEqual([SCENARIO_INDEX_KEY])
    expect(() => routeTexts(texts, undefined).setItem(SCENARIO_INDEX_KEY, '{}')).toThrow(/refuses/)
  })
})

describe('a page that goes away before its IndexedDB write lands', () => {
  /** An IndexedDB whose writes wait until `release` is called, as a slow disk or a reload mid-write does. */
  class SlowBackend extends FakeBackend {
    private waiting: (() => void)[] = []
    override async write(sets: ReadonlyMap<string, string>, deletes: readonly string[]): Promise<void> {
      await new Promise<void>((resolve) => this.waiting.push(resolve))
      return super.write(sets, deletes)
    }
    release(): void {
      for (const resolve of this.waiting.splice(0)) resolve()
    }
  }

  it('keeps the latest text in localStorage, and the next start moves it into IndexedDB, where it wins', async () => {
    const idb = new SlowBackend()
    idb.items.set(SOURCE_STORAGE_KEY, 'replicas: 2\n')
    const local = new FakeLocalStorage()
    const first = await openDurableTexts({ primary: idb, legacy: localStorageBackend(local), journal: local, onWrite: () => {} })
    first.texts.setItem(SOURCE_STORAGE_KEY, 'replicas: 7\n')
    first.texts.journalUnsaved() // pagehide: the write above is still waiting
    expect(local.items.get(SOURCE_STORAGE_KEY)).toBe('replicas: 7\n')

    // The reload: the old page's write never lands; the new page reads both stores.
    const next = new FakeBackend()
    next.items.set(SOURCE_STORAGE_KEY, 'replicas: 2\n')
    const second = await openDurableTexts({ primary: next, legacy: localStorageBackend(local), journal: local, onWrite: () => {} })
    expect(second.texts.getItem(SOURCE_STORAGE_KEY)).toBe('replicas: 7\n')
    expect(next.items.get(SOURCE_STORAGE_KEY)).toBe('replicas: 7\n')
    expect(local.items.has(SOURCE_STORAGE_KEY)).toBe(false)
  })

  it('removes its localStorage copy once the write lands, so a stale copy never wins later', async () => {
    const idb = new SlowBackend()
    const local = new FakeLocalStorage()
    const { texts } = await openDurableTexts({ primary: idb, legacy: localStorageBackend(local), journal: local, onWrite: () => {} })
    texts.setItem(SOURCE_STORAGE_KEY, 'a: 1\n')
    texts.journalUnsaved() // the tab was hidden for a moment
    expect(local.items.get(SOURCE_STORAGE_KEY)).toBe('a: 1\n')
    await Promise.resolve()
    idb.release()
    await texts.settled()
    expect(idb.items.get(SOURCE_STORAGE_KEY)).toBe('a: 1\n')
    expect(local.items.has(SOURCE_STORAGE_KEY)).toBe(false)
    texts.journalUnsaved() // nothing left unwritten: nothing copied
    expect(local.items.has(SOURCE_STORAGE_KEY)).toBe(false)
  })
})
