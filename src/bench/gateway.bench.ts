/**
 * Gateway API route decisions per second: `routeGatewayRequest` through one Gateway (an HTTP listener on 80 and
 * an HTTPS one on 443) with 10 and 1,000 HTTPRoutes × 10 rules (Exact and PathPrefix paths, every third rule
 * with a header match, every fifth a method; hostnames shared by pairs of routes, one hostname shared by a tenth
 * of them, some wildcards, some routes without hostnames), with a fixed mix of requests (known and unknown hosts,
 * deeper paths, headers, queries, 404s). Budget: ≥ 500,000 requests/s at 1,000 HTTPRoutes, as for ingress-nginx
 * (route.bench.ts). Decisions are measured without the trace; with the trace and compileGateways are reported.
 * Rates are measured in interleaved rounds on process CPU time, so a busy machine skews them alike.
 */
import { compileGateways, createRandom, routeGatewayRequest, type ClusterModel, type CompiledGateways, type GatewayRequest } from '../engine'
import { joinDocuments } from '../engine/testing/manifests'
import { modelOfFiles } from '../engine/testing/models'
import { median, type BenchFigure } from './figure'

const RULES_PER_ROUTE = 10
const REQUESTS = 20_000
/** HTTPRoutes per file of the generated input: each file stays under the engine's input cap. */
const ROUTES_PER_FILE = 250
const GATEWAY = 'default/gw'

const GATEWAY_YAML = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: studio
  listeners:
  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}, allowedRoutes: {namespaces: {from: All}}}
`

/** The hostnames of route `i` (null: none). */
function hostnamesOf(i: number): string[] | null {
  if (i % 50 === 49) return null
  if (i % 25 === 24) return [`*.wild-${i}.example.com`]
  if (i % 10 === 3) return ['shared.example.com']
  return [`app-${i >> 1}.example.com`]
}

function routeYaml(i: number): string {
  const rules: string[] = []
  for (let r = 0; r < RULES_PER_ROUTE; r++) {
    const path = r % 2 === 0 ? `{type: Exact, value: /api-${i}/v${r}}` : `{type: PathPrefix, value: /app-${i}/section-${r}}`
    const header = r % 3 === 0 ? `, headers: [{name: x-version, value: v${r}}]` : ''
    const method = r % 5 === 0 ? ', method: GET' : ''
    rules.push(`  - matches: [{path: ${path}${header}${method}}]\n    backendRefs: [{name: svc-${i}-${r % 3}, port: 80}]\n`)
  }
  const hostnames = hostnamesOf(i)
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: route-${i}, namespace: team-${i % 7}, creationTimestamp: "2024-01-01T00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z"}
spec:
  parentRefs: [{name: gw, namespace: default}]
${hostnames ? `  hostnames: [${hostnames.map((h) => `"${h}"`).join(', ')}]\n` : ''}  rules:
${rules.join('')}`
}

/** The Gateway and the routes written as YAML and read by the model stage, as a user's files would be. */
function buildModel(count: number): ClusterModel {
  const files = [{ name: 'gateway.yaml', text: GATEWAY_YAML }]
  for (let start = 0; start < count; start += ROUTES_PER_FILE) {
    const documents = []
    for (let i = start; i < Math.min(count, start + ROUTES_PER_FILE); i++) documents.push(routeYaml(i))
    files.push({ name: `routes-${files.length}.yaml`, text: joinDocuments(...documents) })
  }
  return modelOfFiles(files)
}

function buildRequests(count: number): GatewayRequest[] {
  const random = createRandom(42)
  const pick = (n: number): number => Math.floor(random.next() * n)
  const requests: GatewayRequest[] = []
  for (let r = 0; r < REQUESTS; r++) {
    const i = pick(count)
    const rule = pick(RULES_PER_ROUTE)
    const roll = pick(20)
    const hostnames = hostnamesOf(i)
    const host = roll === 0 ? `unknown-${r}.test` : hostnames === null ? `any-${r % 11}.test` : (hostnames[0] as string).replace('*', `x${r % 9}`)
    const path = rule % 2 === 0 ? `/api-${i}/v${rule}` : `/app-${i}/section-${rule}/page/${r % 13}`
    const variant = roll === 1 ? `${path}/extra` : roll === 2 ? `${path}?q=${r}` : roll === 3 ? `/nothing/${r}` : path
    const scheme = roll === 4 ? 'https' : 'http'
    const headers = rule % 3 === 0 && roll !== 5 ? { 'X-Version': `v${rule}` } : undefined
    requests.push({ url: `${scheme}://${host}${variant}`, ...(headers ? { headers } : {}) })
  }
  return requests
}

/** CPU milliseconds of one pass (process CPU time: steadier than wall time on a busy machine). */
export function pass(compiled: CompiledGateways, requests: readonly GatewayRequest[], trace: boolean): number {
  const started = process.cpuUsage()
  let sink = 0
  for (const request of requests) sink += routeGatewayRequest(compiled, GATEWAY, request, { trace }).status
  const used = process.cpuUsage(started)
  if (sink === 0) throw new Error('no requests routed')
  return (used.user + used.system) / 1000
}

export interface Case {
  readonly count: number
  readonly compiled: CompiledGateways
  readonly requests: readonly GatewayRequest[]
  readonly compileMs: number
  /** The first request, which builds the Gateway's and the listener's index. */
  readonly indexMs: number
}

export function prepare(count: number): Case {
  const model = buildModel(count)
  const started = performance.now()
  const compiled = compileGateways(model)
  const compileMs = performance.now() - started
  const requests = buildRequests(count)
  const first = performance.now()
  routeGatewayRequest(compiled, GATEWAY, requests[0] as GatewayRequest, { trace: false })
  return { count, compiled, requests, compileMs, indexMs: performance.now() - first }
}

/** Requests per second of each case, from interleaved rounds (the first three are warm-up). */
function measureAll(cases: readonly Case[], trace: boolean, requestsPerPass: number): number[] {
  const times: number[][] = cases.map(() => [])
  for (let round = 0; round < 14; round++) {
    const roundTimes = cases.map((entry) => pass(entry.compiled, entry.requests.slice(0, requestsPerPass), trace))
    if (round < 3) continue
    roundTimes.forEach((ms, i) => (times[i] as number[]).push(ms))
  }
  return times.map((samples) => (requestsPerPass / median(samples)) * 1000)
}

export async function run(): Promise<BenchFigure[]> {
  const cases = [10, 1_000].map(prepare)
  const plain = measureAll(cases, false, REQUESTS)
  const traced = measureAll(cases, true, 2_000)
  const figures: BenchFigure[] = []
  cases.forEach((entry, i) => {
    const label = `${entry.count.toLocaleString('en-US')} HTTPRoutes`
    const rate = plain[i] as number
    figures.push({
      name: `Gateway API route decisions, ${label} × ${RULES_PER_ROUTE} rules`,
      value: rate,
      unit: 'req/s',
      ...(entry.count === 1_000 ? { budget: '≥ 500,000', ok: rate >= 500_000 } : {}),
    })
    figures.push({ name: `  with trace, ${label}`, value: traced[i] as number, unit: 'req/s' })
    figures.push({ name: `  compileGateways, ${label}`, value: entry.compileMs, unit: 'ms' })
    figures.push({ name: `  first request (builds the listener index), ${label}`, value: entry.indexMs, unit: 'ms' })
  })
  return figures
}
