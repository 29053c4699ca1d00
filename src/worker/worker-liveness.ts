/**
 * Telling the page at once that a worker is gone, even when it left without an error: `self.close()`, a worker
 * terminated from outside, or one the browser reclaimed fire no `error` event, and a Worker has no `close`
 * event. A heartbeat cannot tell either: the engine runs each request as one synchronous call, so a busy worker
 * answers no ping for as long as the request takes, exactly like a dead one.
 *
 * A Web Lock can. The worker takes a lock of its own name when it starts and never releases it; the browser
 * releases it only when the worker's global scope ends, however it ends. The page asks for the same lock, and is
 * granted it at that moment. Where the browser has no Web Locks (an insecure context), nothing is watched and the
 * client's timeout is the only guard.
 */

/** The worker's first message: it holds the lock named `lock` for as long as it lives. */
export interface AliveMessage {
  readonly type: 'alive'
  readonly lock: string
}

export function isAliveMessage(data: unknown): data is AliveMessage {
  return typeof data === 'object' && data !== null && (data as AliveMessage).type === 'alive' && typeof (data as AliveMessage).lock === 'string'
}

type Locks = Pick<LockManager, 'request'>

function browserLocks(): Locks | undefined {
  return typeof navigator !== 'undefined' ? navigator.locks : undefined
}

/** Worker side: takes this worker's life lock and then tells the page its name. */
export function announceLife(post: (message: AliveMessage) => void, locks: Locks | undefined = browserLocks()): void {
  if (!locks) return
  const lock = `ingress-studio.worker.${crypto.randomUUID()}`
  void locks.request(lock, () => {
    post({ type: 'alive', lock })
    return new Promise<never>(() => {})
  })
}

/** Page side: calls `onGone` when the worker holding `lock` has ended. Returns a function that stops watching. */
export function watchLife(lock: string, onGone: () => void, locks: Locks | undefined = browserLocks()): () => void {
  if (!locks) return () => {}
  const stop = new AbortController()
  locks.request(lock, { signal: stop.signal }, () => {
    if (!stop.signal.aborted) onGone()
  }).catch(() => {
    // Aborted: the client replaced the worker itself and no longer cares.
  })
  return () => stop.abort()
}
