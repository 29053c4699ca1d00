/**
 * The studio's migration to Gateway API (docs/migration.md#studio): `migration` converts the text's Ingresses
 * (`convertToGatewayApi`), checks parity between the Ingresses and the conversion (`checkParity`), and builds the
 * route view of the text and the conversion together, so one graph shows both the Ingresses and the converted
 * HTTPRoutes; `migration-trace` lights one difference's two routes in that graph. The latest migration is kept,
 * so a trace of the view on screen costs two walks of the graph.
 */
import {
  analyzeDetailed,
  buildRouteView,
  checkParity,
  convertToGatewayApi,
  isRejectedInput,
  traceGatewayRouteInGraph,
  traceRouteInGraph,
  type AnalyzeOptions,
  type GatewayConversion,
  type GatewayConversionOptions,
  type Message,
  type ParityReport,
  type RouteView,
  type SourceFile,
} from '../engine'
import { analyzeCached, inputKey, sameInput, type InputKey } from './analysis-cache'
import { layoutGraph } from './layout-graph'
import {
  PROTOCOL_VERSION,
  type FindingPlace,
  type MigrationAnswer,
  type MigrationRequest,
  type MigrationResponse,
  type MigrationTracedResponse,
  type MigrationTraceRequest,
} from './protocol'

/** The name the converted manifests go by (the download's name too). */
export const CONVERTED_FILE_NAME = 'gateway-api.yaml'

type Built =
  | { readonly key: InputKey; readonly kind: 'rejected' | 'problem'; readonly answer: MigrationAnswer }
  | {
      readonly key: InputKey
      readonly kind: 'done'
      readonly conversion: GatewayConversion
      readonly findingPlaces: readonly (FindingPlace | null)[]
      readonly parity: ParityReport | { readonly problem: Message }
      readonly view: RouteView
    }

let last: Built | null = null


/** Drops empty options, so an empty field asks for the converter's default. */
function cleanOptions(options: GatewayConversionOptions): GatewayConversionOptions {
  const gateway = options.gateway?.trim()
  const gatewayClass = options.gatewayClass?.trim()
  return { ...(gateway ? { gateway } : {}), ...(gatewayClass ? { gatewayClass } : {}) }
}

function build(files: readonly SourceFile[], options: AnalyzeOptions | undefined, asked: GatewayConversionOptions): Built {
  const conversionOptions = cleanOptions(asked)
  const key = inputKey(files, options, [conversionOptions.gateway ?? null, conversionOptions.gatewayClass ?? null])
  if (last && sameInput(last.key, key)) return last
  const detailed = analyzeCached(files, options)
  // Input the API server refuses is not converted: say so at its lines, as the CLI's exit 2 does.
  const rejected = detailed.analysis.diagnostics.filter(isRejectedInput)
  if (rejected.length > 0) {
    last = { key, kind: 'rejected', answer: { kind: 'rejected', diagnostics: rejected } }
    return last
  }
  const converted = convertToGatewayApi(files, conversionOptions)
  if ('problem' in converted) {
    last = { key, kind: 'problem', answer: { kind: 'problem', problem: converted.problem } }
    return last
  }
  const findingPlaces = converted.findings.map((finding): FindingPlace | null => {
    try {
      const path = finding.annotation === null ? [] : ['metadata', 'annotations', finding.annotation]
      const span = detailed.locate.spanOf(finding.source, path, 'key')
      return { offset: span.start, line: detailed.locate.lineColOf(finding.source.file, span.start).line }
    } catch {
      return null
    }
  })
  const against = [{ name: CONVERTED_FILE_NAME, text: converted.text }]
  const parity = checkParity(files, against, { gateway: converted.gateway, ...(conversionOptions.gatewayClass ? { gatewayClass: conversionOptions.gatewayClass } : {}) })
  // One graph of the originals and the conversion: the Ingresses and the HTTPRoutes side by side.
  const both = analyzeDetailed([...files, ...against], options)
  const { view } = buildRouteView(both)
  last = { key, kind: 'done', conversion: converted, findingPlaces, parity, view }
  return last
}

/** Converts, checks parity and lays the combined graph out. */
export async function answerMigration(request: MigrationRequest): Promise<MigrationResponse> {
  const started = performance.now()
  const built = build(request.files, request.options, request.conversion)
  const head = { v: PROTOCOL_VERSION, type: 'migration-checked', id: request.id } as const
  if (built.kind !== 'done') return { ...head, answer: built.answer, millis: performance.now() - started }
  const outcome = await layoutGraph(built.view.graph)
  const answer: MigrationAnswer = {
    kind: 'done',
    conversion: built.conversion,
    findingPlaces: built.findingPlaces,
    parity: built.parity,
    view: built.view,
    layout: outcome.layout,
  }
  return { ...head, answer, millis: performance.now() - started }
}

/** The ingress-nginx route and the Gateway route of one difference, through the combined graph. */
export function answerMigrationTrace(request: MigrationTraceRequest): MigrationTracedResponse {
  const built = build(request.files, request.options, request.conversion)
  const head = { v: PROTOCOL_VERSION, type: 'migration-traced', id: request.id, difference: request.difference } as const
  const difference = built.kind === 'done' && !('problem' in built.parity) ? built.parity.differences[request.difference] : undefined
  if (built.kind !== 'done' || !difference) return { ...head, ingressNginx: null, gatewayApi: null }
  return {
    ...head,
    ingressNginx: traceRouteInGraph(built.view.graph, difference.ingressNginx),
    gatewayApi: traceGatewayRouteInGraph(built.view.graph, difference.gatewayApi),
  }
}
