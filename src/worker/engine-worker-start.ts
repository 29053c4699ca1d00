/**
 * Reaching the engine: the engine worker started from its bundle and watched for its end, or — when no worker can
 * run — that same bundle imported into the page (`runEngineInThread`), so the build holds the engine once.
 * `engine-client.ts` does the bookkeeping on top (ids, staleness, timeouts, restarts).
 */
import type { answerEngineRequest } from './handle-request'
import { IN_PAGE_ENGINE_KEY, type EngineRequest, type EngineResponse } from './protocol'
import { isAliveMessage, watchLife } from './worker-liveness'
// The engine worker's bundle: started as the worker, and imported by the in-thread fallback (one copy of the engine
// in the build and the precache, not a second in the page's own chunks).
import engineWorkerUrl from './engine.worker.ts?worker&url'

/** What the client needs of a Worker; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: EngineRequest): void
  terminate(): void
  onmessage: ((event: MessageEvent<EngineResponse>) => void) | null
  onerror: ((event: Event) => void) | null
  /** Called when the worker ended without an error (see `worker-liveness.ts`); optional for fakes. */
  onexit?: (() => void) | null
}

/** The engine worker, watched (`watchWorker`). */
export function startEngineWorker(): WorkerLike {
  return watchWorker(new Worker(engineWorkerUrl, { type: 'module', name: 'engine' }))
}

/**
 * A Worker whose end is reported: `onexit` when its life lock is released, `onerror` for an error or a message
 * that cannot be read (`messageerror`: its answer is lost, so the requests in it would only time out).
 */
export function watchWorker(worker: Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror' | 'onmessageerror'>, locks?: Pick<LockManager, 'request'>): WorkerLike {
  let stopWatching = () => {}
  const watched: WorkerLike = {
    onmessage: null,
    onerror: null,
    onexit: null,
    postMessage: (message) => worker.postMessage(message),
    terminate: () => {
      stopWatching()
      worker.terminate()
    },
  }
  worker.onmessage = (event: MessageEvent) => {
    if (isAliveMessage(event.data)) stopWatching = watchLife(event.data.lock, () => watched.onexit?.(), locks)
    else watched.onmessage?.(event)
  }
  worker.onerror = (event) => watched.onerror?.(event)
  worker.onmessageerror = (event) => watched.onerror?.(event)
  return watched
}

/** Answers `request` in this thread with the engine worker's own bundle. */
export async function runEngineInThread(request: EngineRequest): Promise<EngineResponse> {
  await import(/* @vite-ignore */ engineWorkerUrl)
  const answer = (globalThis as Record<symbol, unknown>)[Symbol.for(IN_PAGE_ENGINE_KEY)] as typeof answerEngineRequest | undefined
  if (typeof answer !== 'function') throw new Error('The engine did not load in the page.')
  return answer(request)
}
