/**
 * The engine worker: one message in, one message out (a long request may send `progress` messages first). It imports only the engine (through `handle-request`)
 * and the protocol; all bookkeeping (ids, staleness, timeouts, restarts) lives in `engine-client.ts`. It first
 * takes its life lock (`worker-liveness.ts`), so the page learns at once when it ends without an error.
 * The same bundle is the page's in-thread fallback (`runEngineInThread` imports it): outside a worker it registers
 * `answerEngineRequest` under `IN_PAGE_ENGINE_KEY` instead of listening for messages.
 */
import { answerEngineRequest } from './handle-request'
import { IN_PAGE_ENGINE_KEY, type EngineRequest } from './protocol'
import { announceLife } from './worker-liveness'

const inWorker = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === 'function'

if (!inWorker) {
  ;(globalThis as Record<symbol, unknown>)[Symbol.for(IN_PAGE_ENGINE_KEY)] = answerEngineRequest
} else {
  const scope = self as unknown as {
    onmessage: ((event: MessageEvent<EngineRequest>) => void) | null
    postMessage(message: unknown): void
  }
  scope.onmessage = (event) => {
    void answerEngineRequest(event.data, (progress) => scope.postMessage(progress)).then((response) => scope.postMessage(response))
  }
  announceLife((message) => scope.postMessage(message))
}
