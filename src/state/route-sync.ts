/**
 * Keeps the routing views in step with the manifests: after every edit, asks the worker for the route view of
 * the text (graph with layout, route table, nginx.conf, examples), then re-tests the last tested request so its
 * result and highlighted route stay true to the text. `sendTest` runs the URL tester.
 */
import type { RouteRequest } from '../engine'
import { SEED_FILE_NAME } from '../presets/seed'
import type { EngineClient } from '../worker/engine-client'
import type { RoutedResponse } from '../worker/protocol'
import { ANALYZE_DEBOUNCE_MS } from './analysis-sync'
import { debounce } from './debounce'
import { applyRouteView, markRouteViewFailed, markRouteViewPending } from './graph-actions'
import { analyzeOptions } from './rules'
import { routerKey, type TestDraft, type TestOutcome } from './slices/tester-slice'
import { useStudioStore } from './store'
import { loadTesterHistory, pushHistory, saveTesterHistory } from './tester-history'

type RouteClient = Pick<EngineClient, 'routeView' | 'route'>

let client: RouteClient | null = null
let storage: Pick<Storage, 'getItem' | 'setItem'> | undefined

const { setState, getState, subscribe } = useStudioStore

/** `foo.com/x` → `http://foo.com/x`: people type hosts without a scheme. */
export function completeUrl(url: string): string {
  const trimmed = url.trim()
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed.replace(/^\/\//, '')}`
}

/** The engine's request for a tester form: empty rows left out, the URL completed. */
export function toRouteRequest(draft: TestDraft): RouteRequest {
  const rows = (list: TestDraft['headers']) => Object.fromEntries(list.filter((row) => row.name.trim() !== '').map((row) => [row.name.trim(), row.value]))
  const headers = rows(draft.headers)
  const cookies = rows(draft.cookies)
  return {
    url: completeUrl(draft.url),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(Object.keys(cookies).length > 0 ? { cookies } : {}),
  }
}

/** The store's record of an answer: which router answered, its result and its route through the graph. */
export function toTestOutcome(draft: TestDraft, answer: RoutedResponse, revision: number): TestOutcome {
  const { highlight } = answer
  if (answer.router === 'ingress-nginx') return { router: 'ingress-nginx', draft, result: answer.result, highlight, revision }
  const result = { ...answer.result, locationId: null, serverHostname: null }
  return { router: 'gateway', gateway: answer.gateway, draft, result, highlight, revision }
}

function viewOptions(): { expanded: string[] } {
  return { expanded: [...getState().expandedWorkloads] }
}

/** What the latest route view was asked for: the text's revision and the rule settings it was analysed with. */
let requested: { revision: number; rules: unknown; expanded: readonly string[] } | null = null

async function refreshRouteView(source: string, revision: number): Promise<void> {
  if (!client) return
  const { ruleSettings, expandedWorkloads } = getState()
  requested = { revision, rules: ruleSettings, expanded: expandedWorkloads }
  markRouteViewPending()
  const outcome = await client.routeView([{ name: SEED_FILE_NAME, text: source }], analyzeOptions(), viewOptions())
  if (outcome.kind === 'stale') return
  if (outcome.kind === 'failed') {
    markRouteViewFailed(outcome.error)
    return
  }
  const { view, layout, layoutReused, layoutBy, millis, router } = outcome.value
  applyRouteView({ view, layout, layoutReused, layoutBy, millis, source, revision })
  if (routerKey(router) !== routerKey(getState().testDefaultRouter)) setState({ testDefaultRouter: router })
  // The request still out is the newest one (its answer would be dropped as stale by this re-test), else the shown one.
  const latest = outstanding ?? getState().testOutcome?.draft
  if (latest) void sendTest(latest, { record: false })
}

/** The request sent last whose answer has not come yet: a re-test after a new route view must send it, not the older result's. */
let outstanding: TestDraft | null = null

/**
 * Tests `draft` (default: the form) against the text of the route view on screen and stores the result and its
 * route. `record` (default true) adds it to the history.
 */
export async function sendTest(draft: TestDraft = getState().testDraft, options: { record?: boolean } = {}): Promise<void> {
  const shown = getState().routeView
  if (!client || draft.url.trim() === '') return
  const source = shown?.source ?? getState().analyzedSource
  const revision = shown?.revision ?? getState().analyzedRevision
  if (options.record !== false) {
    const testHistory = pushHistory(getState().testHistory, draft)
    setState({ testHistory, testDraft: draft, inspectorTab: 'request' })
    saveTesterHistory(storage, testHistory)
  }
  setState({ testStatus: 'pending' })
  outstanding = draft
  const through = { ...(draft.router ? { router: draft.router } : {}), method: draft.method }
  const outcome = await client.route([{ name: SEED_FILE_NAME, text: source }], toRouteRequest(draft), viewOptions(), analyzeOptions(), through)
  if (outcome.kind === 'stale') return
  if (outstanding === draft) outstanding = null
  if (outcome.kind === 'failed') {
    setState({ testStatus: 'failed', testFailure: { error: outcome.error, draft } })
    return
  }
  setState({ testStatus: 'idle', testFailure: null, testOutcome: toTestOutcome(draft, outcome.value, revision) })
  // The text changed while the request was out (a preset opened, a link applied): answer for the text shown now.
  const now = getState().routeView
  if (now && now.revision !== revision) void sendTest(draft, { record: false })
}

/** Asks again for the route view of the text on screen (after a timeout or a crash). */
export function retryRouteView(): void {
  void refreshRouteView(getState().source, getState().revision)
}

/** Sends the test that got no answer again (it is in the history already if it was the user's). */
export function retryTest(): void {
  const failed = getState().testFailure
  if (failed) void sendTest(failed.draft, { record: false })
}

/**
 * Starts the route view sync with `engine`; returns a function that stops it. The route view is asked for with
 * the same pause after an edit as the analysis (`debounceMs`), so both requests reach the worker together and it
 * analyses the text once; a new analysis of the same text (rule settings changed) or expanded pods ask again.
 */
export function startRouteSync(engine: RouteClient, browserStorage?: Pick<Storage, 'getItem' | 'setItem'>, debounceMs = ANALYZE_DEBOUNCE_MS): () => void {
  client = engine
  storage = browserStorage
  requested = null
  outstanding = null
  setState({ testHistory: loadTesterHistory(storage) })
  const current = () => void refreshRouteView(getState().source, getState().revision)
  const scheduled = debounce(current, debounceMs)
  const unsubscribe = subscribe((state, previous) => {
    if (state.revision !== previous.revision) scheduled()
    else if (state.expandedWorkloads !== previous.expandedWorkloads) current()
    else if (state.analysis !== previous.analysis && state.analyzedRevision === state.revision) {
      const same = requested?.revision === state.revision && requested.rules === state.ruleSettings && requested.expanded === state.expandedWorkloads
      if (!same) current()
    }
  })
  current()
  return () => {
    scheduled.cancel()
    unsubscribe()
    client = null
  }
}
