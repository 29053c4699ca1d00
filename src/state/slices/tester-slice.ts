import type { StateCreator } from 'zustand'
import type { RouteHighlight, RouteResult } from '../../engine'
import type { EngineFailure } from '../../worker/protocol'
import type { StudioState } from '../store'

export interface KeyValueRow {
  readonly name: string
  readonly value: string
}

/** The URL tester's form. The method travels along for the reader; ingress-nginx routes by host and path. */
export interface TestDraft {
  readonly method: string
  readonly url: string
  readonly headers: readonly KeyValueRow[]
  readonly cookies: readonly KeyValueRow[]
}

/** The answer to the last request tested, for the route view of `revision`. */
export interface TestOutcome {
  readonly draft: TestDraft
  readonly result: RouteResult
  readonly highlight: RouteHighlight
  readonly revision: number
}

export interface TesterSlice {
  readonly testDraft: TestDraft
  readonly testOutcome: TestOutcome | null
  readonly testStatus: 'idle' | 'pending' | 'failed'
  /** Why the latest test got no answer (timeout, crash), with the request, so it can be sent again. */
  readonly testFailure: { readonly error: EngineFailure; readonly draft: TestDraft } | null
  /** Recent requests, newest first, without duplicates. */
  readonly testHistory: readonly TestDraft[]
  /** The inspector's tab: the diagnostics, or the tested request (sending a request opens it). */
  readonly inspectorTab: 'diagnostics' | 'request'
}

export const EMPTY_DRAFT: TestDraft = { method: 'GET', url: '', headers: [], cookies: [] }

export const createTesterSlice: StateCreator<StudioState, [], [], TesterSlice> = () => ({
  testDraft: EMPTY_DRAFT,
  testOutcome: null,
  testStatus: 'idle',
  testFailure: null,
  testHistory: [],
  inspectorTab: 'diagnostics',
})
