/**
 * Where the studio's large texts (the manifest and the saved scenarios' payloads) live: IndexedDB, which holds
 * hundreds of megabytes, and localStorage, which holds about 5 MB and is where older builds kept them. Both are
 * behind one small asynchronous interface so `durable-texts.ts` can be tested with fakes.
 */
import { createStore, type UseStore } from 'idb-keyval'
import { isTextKey } from './durable-texts'

/** A place that keeps string values by key; every method may reject (blocked, quota, I/O). */
export interface TextBackend {
  readAll(): Promise<Map<string, string>>
  /** Writes and deletes together; all or nothing where the backend allows it. */
  write(sets: ReadonlyMap<string, string>, deletes: readonly string[]): Promise<void>
}

const DATABASE = 'ingress-studio'
const STORE = 'texts'

/** IndexedDB through idb-keyval: one database, one object store of strings. */
export function indexedDbBackend(): TextBackend {
  let store: UseStore | undefined
  // `indexedDB` itself throws where site data is blocked; inside an async function that becomes a rejection.
  const withStore: UseStore = async (mode, callback) => {
    store ??= createStore(DATABASE, STORE)
    return store(mode, callback)
  }
  return {
    readAll: () =>
      withStore('readonly', async (objects) => {
        const [keys, values] = await Promise.all([request(objects.getAllKeys()), request(objects.getAll())])
        const texts = new Map<string, string>()
        keys.forEach((key, i) => {
          if (typeof key === 'string' && typeof values[i] === 'string') texts.set(key, values[i] as string)
        })
        return texts
      }),
    write: (sets, deletes) =>
      withStore('readwrite', (objects) => {
        for (const [key, value] of sets) objects.put(value, key)
        for (const key of deletes) objects.delete(key)
        return done(objects.transaction)
      }),
  }
}

/** localStorage (or any Storage), restricted to the text keys. */
export function localStorageBackend(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>): TextBackend {
  return {
    readAll: async () => {
      const texts = new Map<string, string>()
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i)
        const value = key !== null && isTextKey(key) ? storage.getItem(key) : null
        if (key !== null && value !== null) texts.set(key, value)
      }
      return texts
    },
    write: async (sets, deletes) => {
      for (const [key, value] of sets) storage.setItem(key, value)
      for (const key of deletes) storage.removeItem(key)
    },
  }
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

/** Resolves when the transaction committed (a quota error arrives as its abort). */
function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve()
    transaction.onabort = transaction.onerror = () => reject(transaction.error ?? new DOMException('The write was aborted', 'AbortError'))
  })
}
