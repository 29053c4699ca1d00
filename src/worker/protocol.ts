/**
 * The one protocol between the page and the engine worker: plain, structured-clone-safe messages only
 * (no classes, no functions). Both sides import this module; nothing else crosses the boundary.
 *
 * Expected problems in the user's manifests travel as `Diagnostic`s inside a successful answer; `failed`
 * means the engine itself broke (an exception, a timeout, a crashed worker).
 */
import type { Analysis, AnalyzeOptions, ScenarioFileResult, ShareDecodeResult, ShareEncodeResult, ShareFormat, SharePayload, SourceFile } from '../engine'

/** Bumped whenever a message shape changes, so a stale worker build is detected instead of misread. */
export const PROTOCOL_VERSION = 1

/** Request types. Later stages add `route` and `simulate` here. */
export const EngineCommand = {
  analyze: 'analyze',
  shareEncode: 'share-encode',
  shareDecode: 'share-decode',
  scenarioRead: 'scenario-read',
} as const
export type EngineCommand = (typeof EngineCommand)[keyof typeof EngineCommand]

export interface AnalyzeRequest {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: typeof EngineCommand.analyze
  readonly id: number
  readonly files: readonly SourceFile[]
  readonly options?: AnalyzeOptions
}

/** Makes a share link (and the same scenario as a file) from `payload`, Secret values redacted unless included. */
export interface ShareEncodeRequest {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: typeof EngineCommand.shareEncode
  readonly id: number
  readonly payload: SharePayload
  readonly includeSecrets: boolean
  readonly format?: ShareFormat
}

/** Reads a link's fragment into a checked payload. */
export interface ShareDecodeRequest {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: typeof EngineCommand.shareDecode
  readonly id: number
  readonly fragment: string
}

/** Reads an imported file (a scenario file or any YAML). */
export interface ScenarioReadRequest {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: typeof EngineCommand.scenarioRead
  readonly id: number
  readonly text: string
}

export type EngineRequest = AnalyzeRequest | ShareEncodeRequest | ShareDecodeRequest | ScenarioReadRequest

export interface AnalyzedResponse {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: 'analyzed'
  readonly id: number
  readonly analysis: Analysis
  /** Time the engine spent, measured inside the worker (for the status bar and benchmarks). */
  readonly millis: number
}

export interface ShareEncodedResponse {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: 'share-encoded'
  readonly id: number
  readonly result: ShareEncodeResult
  /** The scenario file of the same (redacted) payload, for "download instead". */
  readonly file: string
  /** Secret values replaced, and Secret documents that could not be read cleanly (0 when secrets are included). */
  readonly redaction: { readonly redacted: number; readonly unreadable: number }
}

export interface ShareDecodedResponse {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: 'share-decoded'
  readonly id: number
  readonly result: ShareDecodeResult
}

export interface ScenarioReadResponse {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: 'scenario-read'
  readonly id: number
  readonly result: ScenarioFileResult
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

export type EngineResponse = AnalyzedResponse | ShareEncodedResponse | ShareDecodedResponse | ScenarioReadResponse | FailedResponse

/** Maps each request type to the response that answers it successfully. */
export interface ResultOf {
  readonly analyze: AnalyzedResponse
  readonly 'share-encode': ShareEncodedResponse
  readonly 'share-decode': ShareDecodedResponse
  readonly 'scenario-read': ScenarioReadResponse
}
