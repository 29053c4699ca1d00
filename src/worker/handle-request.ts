/**
 * Answers one engine request. Shared by the worker and by the client's in-thread fallback, so both run
 * exactly the same code. Never throws: an engine exception becomes a `failed` response.
 */
import { analyze, decodeShareLink, readScenarioFile } from '../engine'
import { encodeShareRequest } from './share-requests'
import { PROTOCOL_VERSION, type EngineRequest, type EngineResponse } from './protocol'

/** Runs the request against the engine and returns its response (`failed` on a version mismatch or exception). */
export function handleEngineRequest(request: EngineRequest): EngineResponse {
  const id = typeof request?.id === 'number' ? request.id : -1
  if (request?.v !== PROTOCOL_VERSION) {
    return fail(id, 'protocol-mismatch', `Expected protocol version ${PROTOCOL_VERSION}, got ${String(request?.v)}.`)
  }
  try {
    switch (request.type) {
      case 'analyze': {
        const started = performance.now()
        const analysis = analyze(request.files, request.options)
        return { v: PROTOCOL_VERSION, type: 'analyzed', id, analysis, millis: performance.now() - started }
      }
      case 'share-encode':
        return { v: PROTOCOL_VERSION, type: 'share-encoded', id, ...encodeShareRequest(request) }
      case 'share-decode':
        return { v: PROTOCOL_VERSION, type: 'share-decoded', id, result: decodeShareLink(request.fragment) }
      case 'scenario-read':
        return { v: PROTOCOL_VERSION, type: 'scenario-read', id, result: readScenarioFile(request.text) }
      default:
        return fail(id, 'protocol-mismatch', `Unknown request type ${String((request as { type?: unknown }).type)}.`)
    }
  } catch (error) {
    return fail(id, 'engine-exception', error instanceof Error ? error.message : String(error))
  }
}

function fail(id: number, code: 'protocol-mismatch' | 'engine-exception', message: string): EngineResponse {
  return { v: PROTOCOL_VERSION, type: 'failed', id, error: { code, message } }
}
