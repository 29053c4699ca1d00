/**
 * What can become of one request, in the client's terms: the five causes of the issue, the per-second outcome slots
 * with their status codes, the failure details that name a fix, and the record kept for each failed request.
 */
import type { PodPhaseName } from './cluster-state'

/** What happened to a request, as the client sees it (the five causes). */
export type RequestCause = 'ok' | 'not-listening' | 'reset' | 'no-endpoints' | 'timeout'

/** Per-second outcome slots: the causes, with `timeout` split by who gave up. */
export const OUTCOMES = ['ok', 'not-listening', 'reset', 'no-endpoints', 'upstream-timeout', 'client-timeout'] as const
export type Outcome = (typeof OUTCOMES)[number]
export const OUTCOME_CODES: Readonly<Record<Outcome, number>> = {
  ok: 200,
  'not-listening': 502,
  reset: 502,
  'no-endpoints': 503,
  'upstream-timeout': 504,
  'client-timeout': 0,
}
export const OUTCOME_CAUSES: Readonly<Record<Outcome, RequestCause>> = {
  ok: 'ok',
  'not-listening': 'not-listening',
  reset: 'reset',
  'no-endpoints': 'no-endpoints',
  'upstream-timeout': 'timeout',
  'client-timeout': 'timeout',
}

/** Why a request failed, precisely enough to name the configuration change that prevents it. */
export type FailureDetail =
  | 'no-endpoints'
  | 'app-not-started'
  | 'listener-closed'
  | 'pod-gone'
  | 'container-restarting'
  | 'killed-on-sigterm'
  | 'killed-at-grace-end'
  | 'killed-by-probe'
  | 'upstream-timeout'
  | 'client-timeout'

/** One failed request, explained. */
export interface FailedRequest {
  /** vegeta's hit number (1-based). */
  readonly seq: number
  readonly sentMs: number
  readonly latencyMs: number
  /** HTTP status the client got; 0 when it gave up (timeout). */
  readonly code: number
  readonly cause: RequestCause
  readonly detail: FailureDetail
  /** Pod index of the last endpoint tried, -1 when there was none. */
  readonly pod: number
  /** That pod's phase when the request was sent; null when it no longer existed. */
  readonly podPhase: PodPhaseName | null
  /** Whether that pod was Ready when the request was sent. */
  readonly podReady: boolean
  /** Endpoints tried (1 + retries used). */
  readonly tries: number
}
