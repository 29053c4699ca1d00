/**
 * The engine worker: one message in, one message out (a long request may send `progress` messages first). It imports only the engine (through `handle-request`)
 * and the protocol; all bookkeeping (ids, staleness, timeouts, restarts) lives in `engine-client.ts`. It first
 * takes its life lock (`worker-liveness.ts`), so the page learns at once when it ends without an error.
 */
import { answerEngineRequest } from './handle-request'
import type { EngineRequest } from './protocol'
import { announceLife } from './worker-liveness'

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null
  postMessage(message: unknown): void
}

scope.onmessage = (event) => {
  void answerEngineRequest(event.data, (progress) => scope.postMessage(progress)).then((response) => scope.postMessage(response))
}

announceLife((message) => scope.postMessage(message))
