/**
 * Route decisions per second: `routeRequest` over compiled models of 10, 1,000 and 10,000 Ingresses × 10
 * paths (exact, prefix, ImplementationSpecific; every tenth Ingress a rewrite-target regex host; some wildcard
 * hosts), with a fixed mix of requests (known and unknown hosts, deeper paths, normalisation cases).
 * Budgets are issue 18's targets: ≥ 1,000,000 requests/s at 1,000 Ingresses; per-request cost at 10,000 at most
 * 1.5× that at 10 (lookup flat in the number of Ingresses); compileRoutes of 10,000 Ingresses ≤ 300 ms.
 * Decisions are measured without the trace; with the trace is reported for information. Sizes are measured in
 * interleaved rounds on process CPU time, so a busy machine skews them alike.
 */
import { compileRoutes, createRandom, routeRequest, type ClusterModel, type CompiledRoutes, type RouteRequest, type SourceFile } from '../engine'
import { ingressYaml, joinDocuments, nginx, type IngressSpec, type PathSpec } from '../engine/testing/manifests'
import { modelOfFiles } from '../engine/testing/models'
import { median, type BenchFigure } from './figure'

const PATHS_PER_INGRESS = 10
const REQUESTS = 20_000
/** Ingresses per file of the generated input: each file stays under the engine's input cap. */
const INGRESSES_PER_FILE = 1_000

function hostOf(i: number): string {
  return i % 25 === 24 ? `*.wild-${i}.example.com` : `app-${i >> 1}.example.com`
}

function specOf(i: number): IngressSpec {
  const regex = i % 10 === 9
  const paths: PathSpec[] = []
  for (let p = 0; p < PATHS_PER_INGRESS; p++) {
    const service = `svc-${i}-${p % 3}:80`
    if (regex && p < 3) paths.push({ path: `/r${p}/v[0-9]+(/|$)(.*)`, type: 'ImplementationSpecific', backend: service })
    else if (p % 3 === 0) paths.push({ path: `/api-${i}/v${p}`, type: 'Exact', backend: service })
    else if (p % 3 === 1) paths.push({ path: `/app-${i}/section-${p}`, type: 'Prefix', backend: service })
    else paths.push({ path: `/static-${p}`, type: 'omitted', backend: service })
  }
  return {
    namespace: `team-${i % 7}`,
    ...(regex ? { annotations: nginx({ 'rewrite-target': '/$2', 'use-regex': 'true' }) } : {}),
    rules: [{ host: hostOf(i), paths }],
  }
}

/** `count` Ingresses as YAML files of at most 1,000 each, as a user's files would be (the CLI benchmark writes them out). */
export function fleetFiles(count: number): SourceFile[] {
  const files: SourceFile[] = []
  for (let start = 0; start < count; start += INGRESSES_PER_FILE) {
    const documents = []
    for (let i = start; i < Math.min(count, start + INGRESSES_PER_FILE); i++) documents.push(ingressYaml(`app-${i}`, specOf(i)))
    files.push({ name: `ingresses-${files.length}.yaml`, text: joinDocuments(...documents) })
  }
  return files
}

/** The Ingresses read by the model stage. */
function buildModel(count: number): ClusterModel {
  return modelOfFiles(fleetFiles(count))
}

/** The request mix over `count` Ingresses: known and unknown hosts, deeper paths, normalisation cases. */
export function buildRequests(count: number): RouteRequest[] {
  const random = createRandom(42)
  const pick = (n: number): number => Math.floor(random.next() * n)
  const requests: RouteRequest[] = []
  for (let r = 0; r < REQUESTS; r++) {
    const i = pick(count)
    const p = pick(PATHS_PER_INGRESS)
    const roll = pick(20)
    const host = roll === 0 ? `unknown-${r}.test` : hostOf(i).replace('*', `x${r % 9}`)
    const path = p % 3 === 0 ? `/api-${i}/v${p}` : p % 3 === 1 ? `/app-${i}/section-${p}/page/${r % 13}` : `/static-${p}/asset-${r % 31}.js`
    const variant = roll === 1 ? `/${path}` : roll === 2 ? `${path}?q=${r}` : roll === 3 ? `/r0/v2/deep/${r}` : path
    requests.push({ url: `http://${host}${variant}` })
  }
  return requests
}

/** CPU milliseconds of one pass (process CPU time: steadier than wall time on a busy machine). */
function pass(compiled: CompiledRoutes, requests: readonly RouteRequest[], trace: boolean): number {
  const started = process.cpuUsage()
  let sink = 0
  for (const request of requests) sink += routeRequest(compiled, request, { trace }).status
  const used = process.cpuUsage(started)
  if (sink === 0) throw new Error('no requests routed')
  return (used.user + used.system) / 1000
}

interface Case {
  readonly count: number
  readonly compiled: CompiledRoutes
  readonly requests: readonly RouteRequest[]
  readonly compileMs: number
}

function prepare(count: number): Case {
  const model = buildModel(count)
  const started = performance.now()
  // A copy: the analysis behind `model` compiled it already, and compileRoutes keeps that answer per model.
  const compiled = compileRoutes({ ...model })
  return { count, compiled, requests: buildRequests(count), compileMs: performance.now() - started }
}

/** Requests per second for each case and the cost ratio of the largest to the smallest, from interleaved rounds. */
function measureAll(cases: readonly Case[], trace: boolean, requestsPerPass: number): { rates: number[]; ratio: number } {
  const times: number[][] = cases.map(() => [])
  const ratios: number[] = []
  for (let round = 0; round < 14; round++) {
    const roundTimes = cases.map((entry) => pass(entry.compiled, entry.requests.slice(0, requestsPerPass), trace))
    if (round < 3) continue // warm-up
    roundTimes.forEach((ms, i) => (times[i] as number[]).push(ms))
    ratios.push((roundTimes[roundTimes.length - 1] as number) / (roundTimes[0] as number))
  }
  return { rates: times.map((samples) => (requestsPerPass / median(samples)) * 1000), ratio: median(ratios) }
}

export async function run(): Promise<BenchFigure[]> {
  const cases = [10, 1_000, 10_000].map(prepare)
  const plain = measureAll(cases, false, REQUESTS)
  const traced = measureAll(cases, true, 2_000)
  const figures: BenchFigure[] = []
  cases.forEach((entry, i) => {
    const label = `${entry.count.toLocaleString('en-US')} Ingresses`
    const rate = plain.rates[i] as number
    figures.push({
      name: `route decisions, ${label} × ${PATHS_PER_INGRESS} paths`,
      value: rate,
      unit: 'req/s',
      ...(entry.count === 1_000 ? { budget: '≥ 1,000,000', ok: rate >= 1_000_000 } : {}),
    })
    figures.push({ name: `  with trace, ${label}`, value: traced.rates[i] as number, unit: 'req/s' })
    figures.push({
      name: `  compileRoutes, ${label}`,
      value: entry.compileMs,
      unit: 'ms',
      ...(entry.count === 10_000 ? { budget: '≤ 300', ok: entry.compileMs <= 300 } : {}),
    })
  })
  figures.push({ name: 'per-request cost, 10,000 ÷ 10 Ingresses', value: plain.ratio, unit: '×', budget: '≤ 1.5', ok: plain.ratio <= 1.5 })
  return figures
}
