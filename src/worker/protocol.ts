/**
 * The one protocol between the page and the engine worker: plain, structured-clone-safe messages only
 * (no classes, no functions). Both sides import this module; nothing else crosses the boundary.
 *
 * Expected problems in the user's manifests travel as `Diagnostic`s inside a successful answer; `failed`
 * means the engine itself broke (an exception, a timeout, a crashed worker).
 */
import type { GatewayRouteResult, GraphLayout, RouteHighlight, RouteRequest, RouteResult, RouteView, RouteViewOptions } from '../engine'
import type { Analysis, AnalyzeOptions, ScenarioFileResult, PreparedShare, ShareDecodeResult, ShareFormat, SharePayload, SourceFile } from '../engine'
import type { ClusterModel, CursorReport, CursorReportInput, RolloutParameters, ScenarioOutcome, ScenarioStage } from '../engine'

import type { MigrationResult, QuickFix, QuickFixTarget } from '../engine'
import type { Diagnostic, GatewayConversion, GatewayConversionOptions, Message, ParityReport } from '../engine'
import type { AnalysisDelta } from './analysis-delta'
import type { RouteViewDelta } from './route-view-delta'

/** Bumped whenever a message shape changes, so a stale worker build is detected instead of misread. */
export const PROTOCOL_VERSION = 4

/**
 * Where the page's in-thread fallback finds the engine (`Symbol.for` this key on `globalThis`): it imports the
 * engine worker's own bundle, and a worker build keeps no exports, so the bundle registers itself there when it is
 * not running as a worker (`engine.worker.ts`).
 */
export const IN_PAGE_ENGINE_KEY = 'ingress-studio.in-page-engine'

/** Request types. Later stages add `route` and `simulate` here. */
export const EngineCommand = {
  analyze: 'analyze',
  quickFixes: 'quick-fixes',
  migrate: 'migrate',
  shareEncode: 'share-encode',
  shareDecode: 'share-decode',
  scenarioRead: 'scenario-read',
  routeView: 'route-view',
  route: 'route',
  simulate: 'simulate',
  report: 'report',
  migration: 'migration',
  migrationTrace: 'migration-trace',
} as const
export type EngineCommand = (typeof EngineCommand)[keyof typeof EngineCommand]

export interface AnalyzeRequest {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: typeof EngineCommand.analyze
  readonly id: number
  readonly files: readonly SourceFile[]
  readonly options?: AnalyzeOptions
  /**
   * The id of the analysis the page holds from this engine (the request it answered): the answer may then be
   * `analyzed-delta`, told against it (analysis-delta.ts). The client sets it; callers never do.
   */
  readonly base?: number
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

/** The routing views of the files: graph with layout, route table, nginx.conf, example requests. */
export interface RouteViewRequest {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: typeof EngineCommand.routeView
  readonly id: number
  readonly files: readonly SourceFile[]
  readonly options?: AnalyzeOptions
  readonly view?: RouteViewOptions
  /** The id of the route view the page holds from this engine: the answer may then be `route-viewed-delta`. */
  readonly base?: number
}

/**
 * What the URL tester sends a request through: ingress-nginx (the Ingresses' routes) or one Gateway of the
 * input (`namespace/name`, its HTTPRoutes). docs/gateway-api.md#studio-views
 */
export type TesterRouter = { readonly router: 'ingress-nginx' } | { readonly router: 'gateway'; readonly gateway: string }

/**
 * Routes one request (the URL tester) through the files' routes; `view` as in the route-view request. `router`
 * absent: the input's default (`RouteViewedResponse.router`). Through a Gateway the request's `method` decides
 * too; ingress-nginx reads only what it reads today (host, path, headers, cookies).
 */
export interface RouteRequestMessage {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: typeof EngineCommand.route
  readonly id: number
  readonly files: readonly SourceFile[]
  readonly options?: AnalyzeOptions
  readonly view?: RouteViewOptions
  readonly request: RouteRequest
  readonly router?: TesterRouter
  /** The request's method for a Gateway (default GET). */
  readonly method?: string
}

/** Simulates rolling out one Deployment of `model` (the latest analysis) under load; may report progress first. */
export interface SimulateRequest {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: typeof EngineCommand.simulate
  readonly id: number
  readonly model: ClusterModel
  /** `namespace/name`; `null` = the engine's pick. */
  readonly deployment: string | null
  readonly parameters: Partial<RolloutParameters>
}

/** vegeta's report of a run up to a cursor (stateless: the request carries the run's per-second record). */
export interface ReportRequest {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: typeof EngineCommand.report
  readonly id: number
  readonly input: CursorReportInput
}

/** The quick fixes of the diagnostic at `target`, computed on `files` analysed with `options`. */
export interface QuickFixesRequest {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: typeof EngineCommand.quickFixes
  readonly id: number
  readonly files: readonly SourceFile[]
  readonly options?: AnalyzeOptions
  readonly target: QuickFixTarget
}

/** The files rewritten to current API versions (networking.k8s.io/v1, apps/v1), comments kept. */
export interface MigrateRequest {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: typeof EngineCommand.migrate
  readonly id: number
  readonly files: readonly SourceFile[]
}

/**
 * The studio's migration to Gateway API (docs/migration.md#studio): the files' Ingresses converted, the parity of
 * the two routers over the files and the conversion, and the route view of both (graph laid out).
 */
export interface MigrationRequest {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: typeof EngineCommand.migration
  readonly id: number
  readonly files: readonly SourceFile[]
  readonly options?: AnalyzeOptions
  readonly conversion: GatewayConversionOptions
}

/** The two routes of one parity difference (by its index in the report), lit in the migration's graph. */
export interface MigrationTraceRequest {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: typeof EngineCommand.migrationTrace
  readonly id: number
  readonly files: readonly SourceFile[]
  readonly options?: AnalyzeOptions
  readonly conversion: GatewayConversionOptions
  readonly difference: number
}

export interface QuickFixesResponse {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: 'quick-fixes'
  readonly id: number
  readonly fixes: readonly QuickFix[]
}

export interface MigratedResponse {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: 'migrated'
  readonly id: number
  readonly result: MigrationResult
}

export type EngineRequest =
  | AnalyzeRequest | QuickFixesRequest | MigrateRequest
  | ShareEncodeRequest
  | ShareDecodeRequest
  | ScenarioReadRequest
  | RouteViewRequest
  | RouteRequestMessage
  | SimulateRequest
  | ReportRequest
  | MigrationRequest
  | MigrationTraceRequest

export interface AnalyzedResponse {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: 'analyzed'
  readonly id: number
  readonly analysis: Analysis
  /** Time the engine spent, measured inside the worker (for the status bar and benchmarks). */
  readonly millis: number
}

/** An analysis as what changed since the request's `base` (analysis-delta.ts); the client turns it into `analyzed`. */
export interface AnalyzedDeltaResponse {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: 'analyzed-delta'
  readonly id: number
  readonly delta: AnalysisDelta
  readonly millis: number
}

export interface ShareEncodedResponse {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: 'share-encoded'
  readonly id: number
  /** The link and scenario file with the count of Secret values redacted, or why no default link can be made. */
  readonly share: PreparedShare
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

export interface RouteViewedResponse {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: 'route-viewed'
  readonly id: number
  readonly view: RouteView
  readonly layout: GraphLayout
  /** True when the graph's structure was laid out before and its positions were reused. */
  readonly layoutReused: boolean
  /** Who placed the nodes: ELK, or the column layout (a large graph, or ELK could not run). */
  readonly layoutBy: 'elk' | 'columns'
  readonly millis: { readonly build: number; readonly layout: number }
  /**
   * The URL tester's default for this input: the Gateway `pickGateway` picks (exactly one Gateway and no
   * Ingress), else ingress-nginx.
   */
  readonly router: TesterRouter
}

/** A route view as what changed since the request's `base` (route-view-delta.ts); the client turns it into `route-viewed`. */
export interface RouteViewedDeltaResponse {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: 'route-viewed-delta'
  readonly id: number
  readonly delta: RouteViewDelta
}

/**
 * The answer of one tested request: ingress-nginx's, or a Gateway's. A Gateway asked for that the input does not
 * hold (an edit removed it) is not asked: the input's default answers, and `router` says which did.
 */
export type RouteAnswer =
  | { readonly router: 'ingress-nginx'; readonly result: RouteResult }
  | { readonly router: 'gateway'; readonly gateway: string; readonly result: GatewayRouteResult }

export type RoutedResponse = {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: 'routed'
  readonly id: number
  /** The nodes and edges of the route view's graph the request went through. */
  readonly highlight: RouteHighlight
} & RouteAnswer

export interface SimulatedResponse {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: 'simulated'
  readonly id: number
  readonly outcome: ScenarioOutcome
  readonly millis: number
}

export interface ReportedResponse {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: 'reported'
  readonly id: number
  readonly report: CursorReport
}

/** Where a conversion finding points in the input: its annotation's key (or its object), 1-based line. */
export interface FindingPlace {
  readonly offset: number
  readonly line: number
}

/**
 * The migration's answer. `rejected`: the input is one the API server refuses (its errors, at their lines);
 * `problem`: the options are unusable (a Gateway that is not `namespace/name`); `done`: the conversion, the
 * parity report (or why parity could not run), the route view of the files and the conversion together.
 */
export type MigrationAnswer =
  | { readonly kind: 'rejected'; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'problem'; readonly problem: Message }
  | {
      readonly kind: 'done'
      readonly conversion: GatewayConversion
      /** One per `conversion.findings`, in order; null when the place could not be found. */
      readonly findingPlaces: readonly (FindingPlace | null)[]
      readonly parity: ParityReport | { readonly problem: Message }
      readonly view: RouteView
      readonly layout: GraphLayout
    }

export interface MigrationResponse {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: 'migration-checked'
  readonly id: number
  readonly answer: MigrationAnswer
  readonly millis: number
}

/** The ingress-nginx route and the Gateway route of one difference through the migration's graph. */
export interface MigrationTracedResponse {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: 'migration-traced'
  readonly id: number
  readonly difference: number
  /** Null when the difference no longer exists (the input changed). */
  readonly ingressNginx: RouteHighlight | null
  readonly gatewayApi: RouteHighlight | null
}

/** Sent while a long request runs, before its answer; never an answer itself. */
export interface ProgressMessage {
  readonly v: typeof PROTOCOL_VERSION
  readonly type: 'progress'
  readonly id: number
  readonly stage: ScenarioStage
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

export type EngineResponse =
  | AnalyzedResponse | AnalyzedDeltaResponse | QuickFixesResponse | MigratedResponse
  | ShareEncodedResponse
  | ShareDecodedResponse
  | ScenarioReadResponse
  | RouteViewedResponse
  | RouteViewedDeltaResponse
  | RoutedResponse
  | SimulatedResponse
  | ReportedResponse
  | MigrationResponse
  | MigrationTracedResponse
  | ProgressMessage
  | FailedResponse

/** Maps each request type to the response that answers it successfully. */
export interface ResultOf {
  readonly analyze: AnalyzedResponse
  readonly 'quick-fixes': QuickFixesResponse
  readonly migrate: MigratedResponse
  readonly 'share-encode': ShareEncodedResponse
  readonly 'share-decode': ShareDecodedResponse
  readonly 'scenario-read': ScenarioReadResponse
  readonly 'route-view': RouteViewedResponse
  readonly route: RoutedResponse
  readonly simulate: SimulatedResponse
  readonly report: ReportedResponse
  readonly migration: MigrationResponse
  readonly 'migration-trace': MigrationTracedResponse
}
