/**
 * The Gateway API conformance suite (kubernetes-sigs/gateway-api v1.6.1, conformance/tests/*.go) run against the
 * engine: for every transcribed test (scenarios/), the base manifests and the test's manifests go through
 * `analyze` → `compileGateways`; each status assertion is checked on the compiled status and each request goes
 * through `routeGatewayRequest`, compared as conformance/utils/http/http.go `CompareRoundTrip` compares a round
 * trip. One `it` per upstream case, named `<ShortName> #<case>`. What is not run and why:
 * docs/gateway-api.md#conformance (kept equal to upstream-tests.ts by the last block of this file).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseAllDocuments, stringify } from 'yaml'
import { analyze, type SourceFile } from '../../analyze'
import { buildClusterIndex, type ClusterIndex } from '../../checks/cluster-index'
import { formatMessage } from '../../messages/render'
import type { ClusterModel } from '../../model/types'
import { createRandom } from '../../route/random'
import { compileGateways } from '../compile-gateways'
import { routeGatewayRequest } from '../route-gateway-request'
import type { CompiledGateways, GatewayCondition, GatewayRouteOptions, GatewayRouteResult } from '../types'
import type {
  ConformanceScenario, ExpectedCondition, ExpectedListener, ManifestEdit, RepeatedCase, RequestCase, ScenarioPhase, StatusCheck,
} from './scenario-types'
import { CONFORMANCE_SCENARIOS } from './scenarios'
import { OTHER_FAMILIES, UPSTREAM_TESTS } from './upstream-tests'

const FIXTURES = new URL('./fixtures/', import.meta.url)
/** The suite applies these before every test (conformance/utils/suite/suite.go, Setup). */
const BASE_FIXTURES = ['base-manifests.yaml', 'programmatic-secrets.yaml']
/** The Gateway's address when a test sends no Host (the suite connects to the address in the Gateway's status). */
const GATEWAY_ADDRESS = '192.0.2.10'
const GATEWAY_API_GROUP = 'gateway.networking.k8s.io'
/** roundtripper.go `IsRedirect`. */
const REDIRECT_CODES = [300, 301, 302, 303, 304, 305, 307, 308]
/** A case that first analyses its test's manifests (every phase of it) may take seconds on a busy machine. */
const ANALYSIS_TIMEOUT = 30_000

const fixture = (name: string): SourceFile => ({ name, text: readFileSync(new URL(name, FIXTURES), 'utf8') })

// --- the manifests of a phase -----------------------------------------------------------------------------------

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function metaOf(object: Json): { kind: string; namespace: string; name: string } {
  const meta = isObject(object.metadata) ? object.metadata : {}
  return { kind: String(object.kind), namespace: String(meta.namespace ?? 'default'), name: String(meta.name) }
}

/** The object after `edit`, or null when the edit deletes it. */
function edited(object: Json, edit: ManifestEdit): Json | null {
  const { kind, namespace, name } = metaOf(object)
  if (edit.kind === 'delete') {
    const target = edit.object
    return kind === target.kind && namespace === target.namespace && name === target.name ? null : object
  }
  if (kind !== 'Gateway' || `${namespace}/${name}` !== edit.gateway || !isObject(object.spec)) return object
  const listeners = Array.isArray(object.spec.listeners) ? object.spec.listeners as Json[] : []
  const next = edit.kind === 'add-listener'
    ? [...listeners, edit.listener]
    : listeners.filter((listener) => edit.names.includes(String(listener.name)))
  return { ...object, spec: { ...object.spec, listeners: next } }
}

/** The files after the test's changes (`edits`), written back as YAML where something changed. */
function applyEdits(files: readonly SourceFile[], edits: readonly ManifestEdit[]): SourceFile[] {
  if (edits.length === 0) return [...files]
  return files.map((file) => {
    let changed = false
    const objects: Json[] = []
    for (const document of parseAllDocuments(file.text)) {
      const original: unknown = document.toJS()
      if (!isObject(original)) continue
      let object: Json | null = original
      for (const edit of edits) object = object === null ? null : edited(object, edit)
      if (object !== original) changed = true
      if (object !== null) objects.push(object)
    }
    return changed ? { name: file.name, text: objects.map((object) => stringify(object)).join('---\n') } : file
  })
}

interface PhaseState {
  readonly files: readonly SourceFile[]
  readonly model: ClusterModel
  readonly cluster: ClusterIndex
  readonly compiled: CompiledGateways
  /** Source and model errors: what the API server would refuse (the suite applies every manifest). */
  readonly rejected: readonly string[]
}

/** Each scenario's phases, computed once on first use: phase i sees the edits of phases 0..i. */
function phaseStates(scenario: ConformanceScenario): () => PhaseState[] {
  let states: PhaseState[] | null = null
  return () => {
    if (states) return states
    const edits: ManifestEdit[] = []
    const original = [...BASE_FIXTURES, ...scenario.manifests].map(fixture)
    states = scenario.phases.map((phase) => {
      edits.push(...(phase.edits ?? []))
      const files = applyEdits(original, edits)
      const analysis = analyze(files, { checks: false })
      const rejected = analysis.diagnostics
        .filter((d) => d.severity === 'error' && (d.stage === 'source' || d.stage === 'model'))
        .map((d) => `${d.file}:${d.start.line} ${d.code}: ${d.message}`)
      return { files, model: analysis.model, cluster: buildClusterIndex(analysis.model), compiled: compileGateways(analysis.model), rejected }
    })
    return states
  }
}

// --- status assertions (conformance/utils/kubernetes/helpers.go) -------------------------------------------------

const conditionText = (c: ExpectedCondition | GatewayCondition): string => `${c.type}=${c.status ?? '*'}/${c.reason ?? '*'}`

/** helpers.go `findConditionInList`: an expected status or reason left out matches any. */
function hasCondition(conditions: readonly GatewayCondition[], expected: ExpectedCondition): boolean {
  return conditions.some((c) => c.type === expected.type
    && (expected.status === undefined || c.status === expected.status)
    && (expected.reason === undefined || c.reason === expected.reason))
}

function missing(what: string, conditions: readonly GatewayCondition[], expected: readonly ExpectedCondition[]): string[] {
  return expected.filter((e) => !hasCondition(conditions, e))
    .map((e) => `${what}: expected ${conditionText(e)}, has [${conditions.map(conditionText).join(', ')}]`)
}

const LISTENER_READY: readonly ExpectedCondition[] = [
  { type: 'ResolvedRefs', status: 'True' }, { type: 'Accepted', status: 'True' }, { type: 'Programmed', status: 'True' },
]

/** helpers.go `GatewayExcludedFromReadinessChecks`. */
const SKIP_READINESS = 'gateway-api/skip-this-for-readiness'

/** What `check` finds wrong in the compiled status (empty: it holds). */
function checkStatus(state: Pick<PhaseState, 'model' | 'compiled'>, check: StatusCheck): string[] {
  const compiled = state.compiled
  const gatewayOf = (key: string) => compiled.gateways.find((g) => g.ref.key === key)
  const routeOf = (key: string) => compiled.routes.find((r) => r.ref.key === key)
  switch (check.kind) {
    case 'gateway-and-routes-accepted': {
      const gateway = gatewayOf(check.gateway)
      if (!gateway) return [`no Gateway ${check.gateway}`]
      const problems: string[] = []
      for (const key of check.routes) {
        const route = routeOf(key)
        if (!route) { problems.push(`no HTTPRoute ${key}`); continue }
        const parents = route.parents.filter((p) => p.gateway === check.gateway)
        if (!parents.some((p) => hasCondition(p.conditions, { type: 'Accepted', status: 'True', reason: 'Accepted' }))) {
          problems.push(`HTTPRoute ${key}: no parent status for ${check.gateway} with Accepted=True/Accepted; has ${JSON.stringify(parents.map((p) => p.conditions.map(conditionText)))}`)
        }
      }
      for (const listener of gateway.listeners) problems.push(...missing(`listener ${listener.name}`, listener.conditions, LISTENER_READY))
      return problems
    }
    case 'route-condition': {
      const route = routeOf(check.route)
      if (!route) return [`no HTTPRoute ${check.route}`]
      const parents = route.parents.filter((p) => p.gateway === check.gateway)
      if (parents.some((p) => hasCondition(p.conditions, check.condition))) return []
      return [`HTTPRoute ${check.route} parent ${check.gateway}: expected ${conditionText(check.condition)}, has ${JSON.stringify(parents.map((p) => p.conditions.map(conditionText)))}`]
    }
    case 'route-parents': {
      const route = routeOf(check.route)
      if (!route) return [`no HTTPRoute ${check.route}`]
      return check.parents.flatMap((expected) => {
        const parents = route.parents.filter((p) => p.gateway === expected.gateway)
        if (parents.some((p) => expected.conditions.every((c) => hasCondition(p.conditions, c)))) return []
        return [`HTTPRoute ${check.route}: no parent ${expected.gateway} with [${expected.conditions.map(conditionText).join(', ')}]; has ${JSON.stringify(parents.map((p) => p.conditions.map(conditionText)))}`]
      })
    }
    case 'route-no-accepted-parents': {
      const route = routeOf(check.route)
      if (!route) return [`no HTTPRoute ${check.route}`]
      if (route.parents.length === 0) return []
      const [only] = route.parents
      if (route.parents.length === 1 && only && hasCondition(only.conditions, { type: 'Accepted', status: 'False' })) return []
      return [`HTTPRoute ${check.route}: expected no parent or one with Accepted=False, has ${JSON.stringify(route.parents.map((p) => p.conditions.map(conditionText)))}`]
    }
    case 'gateway-zero-routes': {
      const gateway = gatewayOf(check.gateway)
      if (!gateway) return [`no Gateway ${check.gateway}`]
      const [only] = gateway.listeners
      if (gateway.listeners.length === 0 || (gateway.listeners.length === 1 && only?.attachedRoutes === 0)) return []
      return [`Gateway ${check.gateway}: expected one listener with 0 attached routes, has ${gateway.listeners.map((l) => `${l.name}: ${l.attachedRoutes}`).join(', ')}`]
    }
    case 'gateway-listeners': {
      const gateway = gatewayOf(check.gateway)
      if (!gateway) return [`no Gateway ${check.gateway}`]
      const problems: string[] = []
      if (gateway.listeners.length !== check.listeners.length) {
        problems.push(`Gateway ${check.gateway}: expected ${check.listeners.length} listeners, has ${gateway.listeners.length}`)
      }
      for (const expected of check.listeners) problems.push(...checkListener(gateway.listeners, expected))
      return problems
    }
    case 'gateway-condition': {
      const gateway = gatewayOf(check.gateway)
      if (!gateway) return [`no Gateway ${check.gateway}`]
      return missing(`Gateway ${check.gateway}`, gateway.conditions, [check.condition])
    }
    case 'namespaces-ready': {
      const skipped = new Set(state.model.gateways.filter((g) => g.meta.annotations[SKIP_READINESS] === 'true').map((g) => `${g.meta.namespace}/${g.meta.name}`))
      return compiled.gateways
        .filter((g) => check.namespaces.includes(g.ref.namespace) && !skipped.has(g.ref.key))
        .flatMap((g) => missing(`Gateway ${g.ref.key}`, g.conditions, [{ type: 'Accepted', status: 'True' }, { type: 'Programmed', status: 'True' }]))
    }
    case 'gateway-class-accepted': {
      const gatewayClass = compiled.gatewayClasses.find((c) => c.ref.name === check.gatewayClass)
      if (!gatewayClass) return [`no GatewayClass ${check.gatewayClass}`]
      return missing(`GatewayClass ${check.gatewayClass}`, gatewayClass.conditions, [{ type: 'Accepted', status: 'True' }])
    }
  }
}

/** helpers.go `gatewayListenersMatch` for one listener. */
function checkListener(listeners: CompiledGateways['gateways'][number]['listeners'], expected: ExpectedListener): string[] {
  const listener = listeners.find((l) => l.name === expected.name)
  if (!listener) return [`no listener ${expected.name}`]
  const problems: string[] = []
  const kinds = listener.supportedKinds.map((k) => `${k.group}/${k.kind}`)
  if (expected.supportedKinds.length === 0 && kinds.length > 0) problems.push(`listener ${expected.name}: expected no supportedKinds, has ${kinds.join(', ')}`)
  for (const kind of expected.supportedKinds) {
    if (!kinds.includes(`${GATEWAY_API_GROUP}/${kind}`)) problems.push(`listener ${expected.name}: ${kind} not in supportedKinds [${kinds.join(', ')}]`)
  }
  if (listener.attachedRoutes !== expected.attachedRoutes) {
    problems.push(`listener ${expected.name}: expected ${expected.attachedRoutes} attached routes, has ${listener.attachedRoutes}`)
  }
  problems.push(...missing(`listener ${expected.name}`, listener.conditions, expected.conditions))
  return problems
}

// --- requests (conformance/utils/http/http.go) ----------------------------------------------------------------------

const lowerKeys = (record: Readonly<Record<string, string>> | null | undefined): Map<string, string> =>
  new Map(Object.entries(record ?? {}).map(([name, value]) => [name.toLowerCase(), value]))

/** The port of `gwAddr`: the Gateway's first listener (kubernetes/helpers.go `WaitForGatewayAddress`). */
function gatewayPort(model: ClusterModel, key: string, scheme: 'http' | 'https'): number {
  const gateway = model.gateways.find((g) => `${g.meta.namespace}/${g.meta.name}` === key)
  return gateway?.listeners[0]?.port ?? (scheme === 'https' ? 443 : 80)
}

/** The request as the suite sends it: to the Gateway's address and port, `Host` in the header. */
function requestOf(c: RequestCase, model: ClusterModel): { url: string; method: string; headers: Record<string, string> } {
  const scheme = c.scheme ?? 'http'
  const port = c.port ?? gatewayPort(model, c.gateway, scheme)
  const hostname = c.serverName ?? (c.request.host === undefined ? GATEWAY_ADDRESS : c.request.host.replace(/:\d+$/, ''))
  const authority = port === (scheme === 'https' ? 443 : 80) ? hostname : `${hostname}:${port}`
  const headers = { ...c.request.headers, ...(c.request.host === undefined ? {} : { host: c.request.host }) }
  return { url: `${scheme}://${authority}${c.request.path}`, method: c.request.method ?? 'GET', headers }
}

/** The route options with what the echo backend answers (`BackendSetResponseHeaders`). */
function optionsOf(c: RequestCase): GatewayRouteOptions {
  return c.backendSetResponseHeaders ? { backendResponseHeaders: c.backendSetResponseHeaders } : {}
}

/** Whether a pod of the answering Service is named with `prefix` (pods carry their Deployment's name). */
function podPrefixMatches(state: PhaseState, result: GatewayRouteResult, prefix: string): string | null {
  if (result.service === null || result.namespace === null) return `no Service answered (expected a pod named ${prefix || 'anything'}…)`
  if (prefix === '') return null
  const service = state.cluster.service(result.namespace, result.service)
  const deployments = service ? state.cluster.selectedBy(service).map((d) => d.meta.name) : []
  if (deployments.some((name) => name.startsWith(prefix))) return null
  return `expected a pod named ${prefix}…, Service ${result.namespace}/${result.service} selects pods of [${deployments.join(', ')}]`
}

/** http.go `CompareRoundTrip`: what differs between the engine's answer and the upstream expectation. */
function compareRoundTrip(state: PhaseState, c: RequestCase, sent: ReturnType<typeof requestOf>, result: GatewayRouteResult): string[] {
  const problems: string[] = []
  const codes = c.response?.statusCodes ?? [200]
  if (!codes.includes(result.status)) return [`expected status ${codes.join(' or ')}, got ${result.status}`]
  const url = new URL(sent.url)
  if (result.status === 200 || result.status === 204) {
    const expected = c.expectedRequest ?? { host: c.request.host, path: c.request.path, headers: c.request.headers }
    const [expectedPath = '', expectedQuery] = expected.path.split(/\?(.*)/s)
    const backendPath = result.rewrittenPath ?? url.pathname
    if (backendPath !== expectedPath) problems.push(`expected the backend to receive path ${expectedPath}, got ${backendPath}`)
    if (expectedQuery !== undefined && url.search !== `?${expectedQuery}`) problems.push(`expected query ?${expectedQuery}, sent ${url.search}`)
    const host = result.rewrittenHost ?? c.request.host
    if (expected.host !== undefined && expected.host !== host) problems.push(`expected the backend to receive Host ${expected.host}, got ${host ?? '(the Gateway address)'}`)
    if ((c.namespace ?? '') !== (result.namespace ?? '')) problems.push(`expected namespace ${c.namespace ?? '(none)'}, got ${result.namespace ?? '(none)'}`)
    const received = lowerKeys(result.requestHeaders)
    for (const [name, value] of Object.entries(expected.headers ?? {})) {
      const got = received.get(name.toLowerCase())
      if (got !== value) problems.push(`expected request header ${name}: ${value} at the backend, got ${got === undefined ? '(absent)' : got}`)
    }
    for (const name of c.expectedRequest?.absentHeaders ?? []) {
      if (received.has(name.toLowerCase())) problems.push(`expected request header ${name} absent at the backend, got ${received.get(name.toLowerCase())}`)
    }
    const answered = lowerKeys(result.responseHeaders)
    for (const [name, value] of Object.entries(c.response?.headers ?? {})) {
      const got = answered.get(name.toLowerCase())
      if (got !== value) problems.push(`expected response header ${name}: ${value}, got ${got === undefined ? '(absent)' : got}`)
    }
    for (const name of c.response?.absentHeaders ?? []) {
      if (answered.has(name.toLowerCase())) problems.push(`expected response header ${name} absent, got ${answered.get(name.toLowerCase())}`)
    }
    const pod = podPrefixMatches(state, result, c.backend ?? '')
    if (pod !== null) problems.push(pod)
    for (const mirror of c.mirroredTo ?? []) {
      if (!result.mirrors.some((m) => m.service === mirror.name && m.namespace === mirror.namespace)) {
        problems.push(`expected a mirror to ${mirror.namespace}/${mirror.name}, got [${result.mirrors.map((m) => `${m.namespace}/${m.service}`).join(', ')}]`)
      }
    }
  } else if (REDIRECT_CODES.includes(result.status) && c.redirectRequest) {
    if (result.location === null) return ['expected a Location, got none']
    const location = new URL(result.location, sent.url)
    const scheme = location.protocol.slice(0, -1)
    const expected = c.redirectRequest
    if (expected.host !== undefined && expected.host !== location.hostname) problems.push(`expected redirect host ${expected.host}, got ${location.hostname}`)
    const port = location.port
    if (expected.port === undefined) {
      if (scheme === 'http' && port !== '' && port !== '80') problems.push(`for http, expected redirect port 80 or none, got ${port}`)
      if (scheme === 'https' && port !== '' && port !== '443') problems.push(`for https, expected redirect port 443 or none, got ${port}`)
    } else if (expected.port !== port) problems.push(`expected redirect port ${expected.port}, got ${port || '(none)'}`)
    const expectedScheme = expected.scheme ?? url.protocol.slice(0, -1)
    if (expectedScheme !== scheme) problems.push(`expected redirect scheme ${expectedScheme}, got ${scheme}`)
    const expectedPath = expected.path ?? url.pathname
    if (expectedPath !== location.pathname) problems.push(`expected redirect path ${expectedPath}, got ${location.pathname}`)
  }
  return problems
}

/** The engine's trace in English, to read beside a failure. */
const traceOf = (result: GatewayRouteResult): string => result.trace.map((m) => `  · ${formatMessage(m)}`).join('\n')

function runRequest(state: PhaseState, c: RequestCase): void {
  const sent = requestOf(c, state.model)
  const result = routeGatewayRequest(state.compiled, c.gateway, sent, optionsOf(c))
  const problems = compareRoundTrip(state, c, sent, result)
  expect(problems, `${sent.method} ${sent.url} ${JSON.stringify(sent.headers)}\n${traceOf(result)}`).toEqual([])
}

function runRepeated(state: PhaseState, c: RepeatedCase): void {
  const random = createRandom(15)
  const seen = new Set<string>()
  const problems: string[] = []
  const sent = requestOf({ case: c.case, gateway: c.gateway, request: c.request }, state.model)
  for (let i = 0; i < c.samples && problems.length === 0; i++) {
    const result = routeGatewayRequest(state.compiled, c.gateway, sent, { random, trace: false })
    if (result.status !== 200 || result.namespace !== c.namespace) { problems.push(`request ${i}: status ${result.status}, namespace ${result.namespace ?? '(none)'}`); continue }
    const backend = c.backends.find((name) => podPrefixMatches(state, result, name) === null)
    if (backend === undefined) { problems.push(`request ${i}: answered by ${result.service ?? '(none)'}, expected one of ${c.backends.join(', ')}`); continue }
    seen.add(backend)
    if (c.headerNamesBackend) {
      const header = lowerKeys(result.requestHeaders).get(c.headerNamesBackend.toLowerCase())
      if (header === undefined || !backend.startsWith(header)) problems.push(`request ${i}: reached ${backend} carrying ${c.headerNamesBackend}: ${header ?? '(absent)'}`)
    }
  }
  expect(problems).toEqual([])
  // Every backend of non-zero weight answers some of the requests (at equal odds a miss is below 2^-99).
  expect([...seen].sort()).toEqual([...c.backends].sort())
}

// --- the suite ----------------------------------------------------------------------------------------------------

const requestName = (c: RequestCase): string => {
  const answer = c.redirectRequest ? `redirect ${(c.response?.statusCodes ?? []).join('/')}` : c.backend ? c.backend : (c.response?.statusCodes ?? [200]).join('/')
  const sni = c.serverName === undefined ? '' : ` (TLS server name ${c.serverName})`
  return `${c.request.method ?? 'GET'} ${c.scheme ?? 'http'}://${c.request.host ?? '(address)'}${c.request.path}${sni} → ${answer}`
}

const subjectOf = (check: StatusCheck): string =>
  'route' in check ? check.route : 'gateway' in check ? check.gateway : 'namespaces' in check ? check.namespaces.join(', ') : check.gatewayClass

/** The base manifests alone, as the suite's Setup leaves the cluster. */
const setupStates = phaseStates({ shortName: 'Setup', source: 'suite.go', manifests: [], phases: [{ title: 'Setup', checks: [], requests: [] }] })
const setup = (): PhaseState => setupStates()[0] as PhaseState

describe('the suite\'s Setup (conformance/utils/suite/suite.go): the base manifests alone', () => {
  const checks: StatusCheck[] = [
    { kind: 'gateway-class-accepted', gatewayClass: 'gateway-conformance' },
    { kind: 'namespaces-ready', namespaces: ['gateway-conformance-infra', 'gateway-conformance-app-backend', 'gateway-conformance-web-backend'] },
  ]
  it('Setup: the API server accepts the base manifests and the suite\'s Secrets', () => {
    expect(setup().rejected).toEqual([])
  }, ANALYSIS_TIMEOUT)
  for (const check of checks) {
    it(`Setup: ${check.kind} ${subjectOf(check)}`, () => expect(checkStatus(setup(), check)).toEqual([]), ANALYSIS_TIMEOUT)
  }
})

for (const scenario of CONFORMANCE_SCENARIOS) {
  describe(`${scenario.shortName} (conformance/tests/${scenario.source})`, () => {
    const states = phaseStates(scenario)
    scenario.phases.forEach((phase: ScenarioPhase, p: number) => {
      const state = (): PhaseState => states()[p] as PhaseState
      describe(phase.title, () => {
        it(`${scenario.shortName}: the API server accepts the manifests${phase.edits ? ' after the change' : ''}`, () => {
          expect(state().rejected).toEqual([])
        }, ANALYSIS_TIMEOUT)
        phase.checks.forEach((check, i) => {
          it(`${scenario.shortName} status ${p}.${i}: ${check.kind} ${subjectOf(check)}`, () => {
            expect(checkStatus(state(), check)).toEqual([])
          }, ANALYSIS_TIMEOUT)
        })
        for (const c of phase.requests) {
          it(`${scenario.shortName} #${c.case}: ${requestName(c)}`, () => runRequest(state(), c), ANALYSIS_TIMEOUT)
        }
        for (const c of phase.repeated ?? []) {
          it(`${scenario.shortName} #${c.case}: ${c.samples} requests answered only by ${c.backends.join(', ')}`, () => runRepeated(state(), c), ANALYSIS_TIMEOUT)
        }
      })
    })
  })
}

describe('the comparison itself (http.go CompareRoundTrip) refuses what upstream refuses', () => {
  const answer = (fields: Partial<GatewayRouteResult>): GatewayRouteResult => ({
    status: 200, service: 'infra-backend-v1', port: 8080, namespace: 'gateway-conformance-infra', route: null, rewrittenPath: null,
    rewrittenHost: null, location: null, requestHeaders: null, responseHeaders: null, trace: [], gateway: null, listener: null,
    matchIndex: null, backendIndex: null, mirrors: [], host: GATEWAY_ADDRESS, outcome: 'proxied', ...fields,
  })
  const compare = (c: RequestCase, result: GatewayRouteResult): string[] => compareRoundTrip(setup(), c, requestOf(c, setup().model), result)
  const toV1: RequestCase = { case: 't', gateway: 'gateway-conformance-infra/same-namespace', request: { path: '/a' }, backend: 'infra-backend-v1', namespace: 'gateway-conformance-infra' }

  it('a 200 from the expected backend passes; another backend, namespace, path or status fails', () => {
    expect(compare(toV1, answer({}))).toEqual([])
    expect(compare(toV1, answer({ service: 'infra-backend-v2' }))).toHaveLength(1)
    expect(compare(toV1, answer({ namespace: 'gateway-conformance-web-backend', service: 'web-backend' }))).toHaveLength(2)
    expect(compare(toV1, answer({ rewrittenPath: '/b' }))).toHaveLength(1)
    expect(compare(toV1, answer({ status: 404 }))).toHaveLength(1)
  }, ANALYSIS_TIMEOUT)

  it('request headers must reach the backend with the expected values; absent ones must not', () => {
    const c: RequestCase = { ...toV1, request: { path: '/a', headers: { Version: 'one' } }, expectedRequest: { path: '/a', headers: { 'X-A': '1,2' }, absentHeaders: ['X-B'] } }
    expect(compare(c, answer({ requestHeaders: { 'x-a': '1,2', version: 'one' } }))).toEqual([])
    expect(compare(c, answer({ requestHeaders: { 'x-a': '1' } }))).toHaveLength(1)
    expect(compare(c, answer({ requestHeaders: { 'x-a': '1,2', 'x-b': 'v' } }))).toHaveLength(1)
  }, ANALYSIS_TIMEOUT)

  it('a redirect without an expected port accepts the scheme\'s default port or none, and nothing else', () => {
    const c: RequestCase = { case: 't', gateway: 'gateway-conformance-infra/same-namespace', request: { path: '/a' }, response: { statusCodes: [302] }, redirectRequest: { host: 'example.org' } }
    expect(compare(c, answer({ status: 302, location: 'http://example.org/a' }))).toEqual([])
    expect(compare(c, answer({ status: 302, location: 'http://example.org:80/a' }))).toEqual([])
    expect(compare(c, answer({ status: 302, location: 'http://example.org:8080/a' }))).toHaveLength(1)
    expect(compare(c, answer({ status: 302, location: 'https://example.org/a' }))).toHaveLength(1)
    expect(compare(c, answer({ status: 302, location: 'http://example.org/b' }))).toHaveLength(1)
  }, ANALYSIS_TIMEOUT)
})

describe('the transcription and docs/gateway-api.md#conformance agree with upstream-tests.ts', () => {
  it('every test marked run has a scenario, and every scenario is a test marked run', () => {
    const runNames = UPSTREAM_TESTS.filter((t) => t.status === 'run').map((t) => t.shortName).sort()
    expect(CONFORMANCE_SCENARIOS.map((s) => s.shortName).sort()).toEqual(runNames)
    expect(new Set(UPSTREAM_TESTS.map((t) => t.shortName)).size).toBe(UPSTREAM_TESTS.length)
  })

  it('each scenario names its upstream file', () => {
    for (const scenario of CONFORMANCE_SCENARIOS) {
      expect(UPSTREAM_TESTS.find((t) => t.shortName === scenario.shortName)?.file).toBe(scenario.source)
    }
  })

  it('the docs table has one row per upstream test and per family of other kinds', () => {
    const docs = readFileSync(new URL('../../../../docs/gateway-api.md', import.meta.url), 'utf8')
    const section = docs.slice(docs.indexOf('## Conformance'), docs.indexOf('\n## ', docs.indexOf('## Conformance') + 1))
    for (const test of UPSTREAM_TESTS) {
      const row = section.split('\n').find((line) => line.startsWith(`| ${test.shortName} |`))
      expect(row, test.shortName).toBeDefined()
      expect(row?.includes(test.status === 'run' ? '| run |' : '| not run |'), `${test.shortName}: ${row}`).toBe(true)
    }
    for (const family of OTHER_FAMILIES) expect(section.includes(`\`${family.prefix}`), family.prefix).toBe(true)
  })
})
