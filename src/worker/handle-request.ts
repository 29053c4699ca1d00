/**
 * Answers one engine request. Shared by the worker and by the client's in-thread fallback, so both run
 * exactly the same code. Never throws: an engine exception becomes a `failed` response.
 */
import { computeCursorReport, decodeShareLink, readScenarioFile, simulateScenario } from '../engine'
import { encodeShareRequest } from './share-requests'
import { answerMigrate, answerQuickFixes } from './fix-requests'
import { PROTOCOL_VERSION, type EngineRequest, type EngineResponse, type ProgressMessage } from './protocol'
import { answerRoute, answerRouteView } from './route-view-requests'
import { analyzeCached } from './analysis-cache'
import { encodeAnalysisDelta, type HeldAnalysis } from './analysis-delta'
import { answerMigration, answerMigrationTrace } from './migration-requests'

/** The analysis answered last, which a page asking with that id as its `base` holds. */
let lastAnalysis: HeldAnalysis | null = null

/**
 * Runs the request against the engine and returns its response (`failed` on a version mismatch or exception).
 * A long request (`simulate`) reports each stage to `onProgress` before it answers.
 */
export function handleEngineRequest(request: EngineRequest, onProgress: (message: ProgressMessage) => void = () => {}): EngineResponse {
  const id = typeof request?.id === 'number' ? request.id : -1
  if (request?.v !== PROTOCOL_VERSION) {
    return fail(id, 'protocol-mismatch', `Expected protocol version ${PROTOCOL_VERSION}, got ${String(request?.v)}.`)
  }
  try {
    switch (request.type) {
      case 'analyze': {
        const started = performance.now()
        const analysis = analyzeCached(request.files, request.options).analysis
        // Against the analysis the page says it holds, when it is the one answered last (analysis-delta.ts).
        const base = lastAnalysis !== null && request.base === lastAnalysis.id ? lastAnalysis : null
        lastAnalysis = { id, analysis }
        if (base !== null) {
          const delta = encodeAnalysisDelta(base, analysis)
          return { v: PROTOCOL_VERSION, type: 'analyzed-delta', id, delta, millis: performance.now() - started }
        }
        return { v: PROTOCOL_VERSION, type: 'analyzed', id, analysis, millis: performance.now() - started }
      }
      case 'share-encode':
        return { v: PROTOCOL_VERSION, type: 'share-encoded', id, ...encodeShareRequest(request) }
      case 'share-decode':
        return { v: PROTOCOL_VERSION, type: 'share-decoded', id, result: decodeShareLink(request.fragment) }
      case 'scenario-read':
        return { v: PROTOCOL_VERSION, type: 'scenario-read', id, result: readScenarioFile(request.text) }
      case 'quick-fixes':
        return answerQuickFixes(request)
      case 'migrate':
        return answerMigrate(request)
      case 'route':
        return answerRoute(request)
      case 'route-view':
        return fail(id, 'protocol-mismatch', 'route-view waits for the layout: answer it with answerEngineRequest.')
      case 'migration':
        return fail(id, 'protocol-mismatch', 'migration waits for the layout: answer it with answerEngineRequest.')
      case 'migration-trace':
        return answerMigrationTrace(request)
      case 'simulate': {
        const started = performance.now()
        const input = { model: request.model, deployment: request.deployment, parameters: request.parameters }
        const outcome = simulateScenario(input, (stage) => onProgress({ v: PROTOCOL_VERSION, type: 'progress', id, stage }))
        return { v: PROTOCOL_VERSION, type: 'simulated', id, outcome, millis: performance.now() - started }
      }
      case 'report':
        return { v: PROTOCOL_VERSION, type: 'reported', id, report: computeCursorReport(request.input) }
      default:
        return fail(id, 'protocol-mismatch', `Unknown request type ${String((request as { type?: unknown }).type)}.`)
    }
  } catch (error) {
    return fail(id, 'engine-exception', error instanceof Error ? error.message : String(error))
  }
}

/**
 * Answers any request, including those that wait for something (the route view and the migration wait for ELK's layout).
 * The worker and the in-thread fallback call this; it never rejects.
 */
export async function answerEngineRequest(request: EngineRequest, onProgress?: (message: ProgressMessage) => void): Promise<EngineResponse> {
  if (request?.v !== PROTOCOL_VERSION || (request.type !== 'route-view' && request.type !== 'migration')) return handleEngineRequest(request, onProgress)
  try {
    return request.type === 'migration' ? await answerMigration(request) : await answerRouteView(request)
  } catch (error) {
    return fail(request.id, 'engine-exception', error instanceof Error ? error.message : String(error))
  }
}

function fail(id: number, code: 'protocol-mismatch' | 'engine-exception', message: string): EngineResponse {
  return { v: PROTOCOL_VERSION, type: 'failed', id, error: { code, message } }
}
