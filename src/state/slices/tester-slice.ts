import type { StateCreator } from 'zustand'
import type { ExampleRequest, GatewayRouteResult, RouteHighlight, RouteResult } from '../../engine'
import type { EngineFailure, TesterRouter } from '../../worker/protocol'
import type { StudioState } from '../store'

export type { TesterRouter }

export interface KeyValueRow {
  readonly name: string
  readonly value: string
}

/**
 * The URL tester's form. ingress-nginx routes by host and path (the method travels along for the reader); a
 * Gateway's HTTPRoutes match the method too. `router` absent: the input's default (`testDefaultRouter`).
 */
export interface TestDraft {
  readonly method: string
  readonly url: string
  readonly headers: readonly KeyValueRow[]
  readonly cookies: readonly KeyValueRow[]
  readonly router?: TesterRouter
}

interface OutcomeBase {
  readonly draft: TestDraft
  readonly highlight: RouteHighlight
  readonly revision: number
}

/**
 * A Gateway's answer as the tester keeps it. No nginx.conf location answers a request through a Gateway, so the
 * views that mark one (nginx.conf, the route table's ingress rows) read `locationId` and `serverHostname` as null.
 */
export type GatewayTestResult = GatewayRouteResult & { readonly locationId: null; readonly serverHostname: null }

/** The answer to the last request tested, for the route view of `revision`: ingress-nginx's or a Gateway's. */
export type TestOutcome =
  | (OutcomeBase & { readonly router: 'ingress-nginx'; readonly result: RouteResult })
  | (OutcomeBase & { readonly router: 'gateway'; readonly gateway: string; readonly result: GatewayTestResult })

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
  /** What the input's requests go through unless the form says otherwise (the worker's pick, with the route view). */
  readonly testDefaultRouter: TesterRouter
}

export const EMPTY_DRAFT: TestDraft = { method: 'GET', url: '', headers: [], cookies: [] }
export const INGRESS_NGINX: TesterRouter = { router: 'ingress-nginx' }

export const createTesterSlice: StateCreator<StudioState, [], [], TesterSlice> = () => ({
  testDraft: EMPTY_DRAFT,
  testOutcome: null,
  testStatus: 'idle',
  testFailure: null,
  testHistory: [],
  inspectorTab: 'diagnostics',
  testDefaultRouter: INGRESS_NGINX,
})

/** `ingress-nginx` or `gateway:namespace/name`: one string per router, for a `<select>` and comparisons. */
export function routerKey(router: TesterRouter): string {
  return router.router === 'gateway' ? `gateway:${router.gateway}` : 'ingress-nginx'
}

/** The router a `routerKey` names. */
export function routerOfKey(key: string): TesterRouter {
  return key.startsWith('gateway:') ? { router: 'gateway', gateway: key.slice('gateway:'.length) } : INGRESS_NGINX
}

/**
 * The router the tester shows and sends through: the form's when the input still offers it (ingress-nginx, or a
 * Gateway of the route view), else the input's default.
 */
export function selectTestRouter(state: StudioState): TesterRouter {
  const chosen = state.testDraft.router
  if (chosen?.router === 'ingress-nginx') return chosen
  if (chosen?.router === 'gateway' && state.routeView?.view.gateways.some((gateway) => gateway.key === chosen.gateway)) return chosen
  return state.testDefaultRouter
}

const NO_EXAMPLES: readonly ExampleRequest[] = []

/**
 * The example requests for the router the tester sends through: the chosen Gateway's (the engine's
 * `suggestGatewayRequests`) or ingress-nginx's. The route view's own arrays, so the selection is stable.
 */
export function selectTestExamples(state: StudioState): readonly ExampleRequest[] {
  const view = state.routeView?.view
  if (!view) return NO_EXAMPLES
  const router = selectTestRouter(state)
  return router.router === 'gateway' ? (view.gatewayExamples[router.gateway] ?? NO_EXAMPLES) : view.examples
}
