/**
 * The studio's large texts, read once at start-up and then served from memory, so the code that saves them
 * (`persistence.ts`, `scenarios.ts`) keeps its synchronous Storage interface while the bytes go to IndexedDB in
 * the background. Every write reports whether it landed, so a refused write is shown to the user instead of being
 * found out after a reload.
 *
 * Start-up order: IndexedDB; texts still in localStorage (older builds kept them there) are moved into it. Where
 * IndexedDB is refused, localStorage alone (about 5 MB). Where neither can be read, nothing is written either: a
 * write would replace saved work the studio could not read.
 *
 * An IndexedDB write is asynchronous, so a reload right after an edit can end the page before it lands. When the
 * page is hidden (`journalUnsaved`, called after the debounced saves are flushed), every text whose latest value
 * has not landed yet is also written synchronously to localStorage; start-up moves such copies into IndexedDB,
 * and they win, being newer. A copy is removed again as soon as its IndexedDB write lands.
 */
import type { TextBackend } from './text-backends'

/** Why storage failed, as the notice words it: the error's name (`QuotaExceededError`, `SecurityError`, …). */
export interface StorageProblem {
  /** `unreadable`: saved work could not be read at start-up; `unsaved`: the latest text could not be written. */
  readonly kind: 'unreadable' | 'unsaved'
  readonly reason: string
}

export type SyncStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** The manifest (`ingress-studio.source.v1`) and every scenario payload (`ingress-studio.scenario.<id>.v1`). */
export function isTextKey(key: string): boolean {
  return key === 'ingress-studio.source.v1' || /^ingress-studio\.scenario\.[^.]+\.v1$/.test(key)
}

/**
 * One Storage for the scenario code: the texts from `texts`, the rest (the small scenario index) from `rest`,
 * which throws as a blocked localStorage does when there is none, so the refusal is reported.
 */
export function routeTexts(texts: SyncStorage, rest: SyncStorage | undefined): SyncStorage {
  const pick = (key: string): SyncStorage => {
    if (isTextKey(key)) return texts
    if (!rest) throw new DOMException('The browser refuses storage for this site', 'SecurityError')
    return rest
  }
  return {
    getItem: (key) => pick(key).getItem(key),
    setItem: (key, value) => pick(key).setItem(key, value),
    removeItem: (key) => pick(key).removeItem(key),
  }
}

/** Longest wait for the saved texts before the studio says they could not be read. */
export const READ_TIMEOUT_MS = 5000

export class DurableTexts implements SyncStorage {
  private readonly pending = new Map<string, string | null>()
  private writing: Promise<void> | null = null
  /** Keys whose latest value has not landed in the backend yet. */
  private readonly unlanded = new Set<string>()
  /** Keys copied to the journal by `journalUnsaved` and not removed since. */
  private readonly journaled = new Set<string>()

  constructor(
    private readonly backend: TextBackend | null,
    private readonly texts: Map<string, string>,
    private readonly onWrite: (problem: StorageProblem | null) => void,
    /** False when saved texts could not be read: the studio must not treat the visit as a first one. */
    readonly readable: boolean,
    /** Synchronous storage for texts not yet written when the page goes away (localStorage); null for none. */
    private readonly journal: SyncStorage | null = null,
  ) {}

  getItem(key: string): string | null {
    return this.texts.get(key) ?? null
  }

  setItem(key: string, value: string): void {
    this.texts.set(key, value)
    this.queue(key, value)
  }

  removeItem(key: string): void {
    this.texts.delete(key)
    this.queue(key, null)
  }

  /**
   * Copies every text whose latest value has not landed yet to the journal, synchronously: for `pagehide` and a
   * hidden page, when the asynchronous write may never finish. A journal that refuses (full, blocked) is skipped.
   */
  journalUnsaved(): void {
    if (!this.journal) return
    for (const key of this.unlanded) {
      const value = this.texts.get(key)
      if (value === undefined) continue // a removal: nothing to keep
      try {
        this.journal.setItem(key, value)
        this.journaled.add(key)
      } catch {
        // The IndexedDB write may still land; the storage notice reports it if it does not.
      }
    }
  }

  /** Resolves once every change made so far was written or refused. */
  async settled(): Promise<void> {
    while (this.writing) await this.writing
  }

  private queue(key: string, value: string | null): void {
    if (!this.backend) return
    this.unlanded.add(key)
    this.pending.set(key, value)
    this.writing ??= this.drain(this.backend)
  }

  private async drain(backend: TextBackend): Promise<void> {
    // Changes made in the same turn (the manifest and its scenario) go in one write.
    await Promise.resolve()
    while (this.pending.size > 0) {
      const batch = new Map(this.pending)
      this.pending.clear()
      const sets = new Map([...batch].filter((entry): entry is [string, string] => entry[1] !== null))
      const deletes = [...batch].filter(([, value]) => value === null).map(([key]) => key)
      try {
        await backend.write(sets, deletes)
        this.landed(batch.keys())
        this.onWrite(null)
      } catch (error) {
        // Kept for the next change to try again with; a newer value of the same key replaces it.
        for (const [key, value] of batch) if (!this.pending.has(key)) this.pending.set(key, value)
        this.onWrite({ kind: 'unsaved', reason: errorName(error) })
        break
      }
    }
    this.writing = null
  }

  /** The batch's keys are in the backend; a newer value still pending keeps its key unlanded. */
  private landed(keys: Iterable<string>): void {
    for (const key of keys) {
      if (this.pending.has(key)) continue
      this.unlanded.delete(key)
      if (!this.journaled.delete(key)) continue
      try {
        this.journal?.removeItem(key)
      } catch {
        // Left behind, it is moved into IndexedDB at the next start: the same text, so no harm.
      }
    }
  }
}

export interface OpenOptions {
  /** IndexedDB (or a fake); null where the browser has none. */
  readonly primary: TextBackend | null
  /** localStorage (or a fake): where older builds kept the texts; null where it is refused. */
  readonly legacy: TextBackend | null
  /** The same localStorage, synchronously, for `journalUnsaved`; null where it is refused. */
  readonly journal?: SyncStorage | null
  readonly onWrite: (problem: StorageProblem | null) => void
  readonly timeoutMs?: number
}

export interface OpenedTexts {
  readonly texts: DurableTexts
  /** Set when saved texts could not be read; the studio says so and saves nothing. */
  readonly problem: StorageProblem | null
}

/** Reads the saved texts, moving old localStorage copies into IndexedDB; never rejects. */
export async function openDurableTexts(options: OpenOptions): Promise<OpenedTexts> {
  const { primary, legacy, onWrite } = options
  const timeoutMs = options.timeoutMs ?? READ_TIMEOUT_MS
  const fromPrimary = primary ? await attempt(() => primary.readAll(), timeoutMs) : { error: 'NotSupportedError' }
  const fromLegacy = legacy ? await attempt(() => legacy.readAll(), timeoutMs) : null
  if (primary && 'texts' in fromPrimary) {
    const texts = fromPrimary.texts
    if (legacy && fromLegacy && 'texts' in fromLegacy && fromLegacy.texts.size > 0) await migrate(primary, legacy, fromLegacy.texts, texts)
    return { texts: new DurableTexts(primary, texts, onWrite, true, options.journal ?? null), problem: null }
  }
  const reason = 'error' in fromPrimary ? fromPrimary.error : 'UnknownError'
  // A slow IndexedDB may still hold newer work than localStorage: only a refused one hands over to localStorage.
  if (reason !== 'TimeoutError' && legacy && fromLegacy && 'texts' in fromLegacy) {
    return { texts: new DurableTexts(legacy, fromLegacy.texts, onWrite, true), problem: null }
  }
  return { texts: new DurableTexts(null, new Map(), onWrite, false), problem: { kind: 'unreadable', reason } }
}

/**
 * Copies the localStorage texts into IndexedDB, then removes them from localStorage (they filled its 5 MB). A copy
 * in localStorage wins over IndexedDB's: it exists only when it was never moved, or was written by an older build
 * or while IndexedDB was refused, so it is the newer one. If the copy fails, localStorage keeps them.
 */
async function migrate(primary: TextBackend, legacy: TextBackend, found: ReadonlyMap<string, string>, texts: Map<string, string>): Promise<void> {
  try {
    await primary.write(found, [])
  } catch {
    for (const [key, value] of found) texts.set(key, value)
    return
  }
  for (const [key, value] of found) texts.set(key, value)
  await legacy.write(new Map(), [...found.keys()]).catch(() => {})
}

type Attempt = { readonly texts: Map<string, string> } | { readonly error: string }

async function attempt(read: () => Promise<Map<string, string>>, timeoutMs: number): Promise<Attempt> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<Attempt>((resolve) => {
    timer = setTimeout(() => resolve({ error: 'TimeoutError' }), timeoutMs)
  })
  try {
    return await Promise.race([read().then((texts): Attempt => ({ texts })), timeout])
  } catch (error) {
    return { error: errorName(error) }
  } finally {
    clearTimeout(timer)
  }
}

function errorName(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? error.name : 'UnknownError'
}
