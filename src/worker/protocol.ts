/**
 * The one protocol between the page and the engine worker: plain, structured-clone-safe messages only
 * (no classes, no functions). Both sides import this module; nothing else crosses the boundary.
 *
 * Expected problems in the user's manifests travel as `Diagnostic`s inside a successful answer; `failed`
 * means the engine itself broke (an exception, a timeout, a crashed worker).
 */
import type { Analysis, AnalyzeOptions, SourceFile } from '../engine'

/** Bumped whenever a message shape changes, so a stale worker build is detected instead of misread. */
export const PROTOCOL_VERSION = 1

/** Request types. Later stages add `route` and `simulate` here. */
export const EngineCommand = {
  analyze: 'analyze',
} as const
export type EngineCommand = (typeof EngineCommand)[keyof typeof EngineCommand]

export interface AnalyzeRequest {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: typeof EngineCommand.analyze
  readonly id: number
  readonly files: readonly SourceFile[]
  readonly options?: AnalyzeOptions
}

export type EngineRequest = AnalyzeRequest

export interface AnalyzedResponse {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: 'analyzed'
  readonly id: number
  readonly analysis: Analysis
  /** Time the engine spent, measured inside the worker (for the status bar and benchmarks). */
  readonly millis: number
}

export type EngineFailureCode = 'engine-exception' | 'protocol-mismatch' | 'timeout' | 'worker-crashed'

export interface EngineFailure {
  readonly code: EngineFailureCode
  readonly message: string
}

export interface FailedResponse {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: 'failed'
  readonly id: number
  readonly error: EngineFailure
}

export type EngineResponse = AnalyzedResponse | FailedResponse

/** Maps each request type to the response that answers it successfully. */
export interface ResultOf {
  readonly analyze: AnalyzedResponse
}
