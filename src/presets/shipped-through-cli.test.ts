/**
 * Every manifest the studio ships (the seed and each preset) gives the same answers on the command line as in
 * the studio: the CLI run in-process, the studio through the worker's request handler (the path the page takes,
 * minus postMessage). Rollouts: each scenario the preset sets up, each Deployment when the preset leaves the
 * choice open; routing: the studio's example requests and the preset's tested ones; the exit codes of route,
 * rollout, nginx-conf and lint.
 */
import { describe, expect, it } from 'vitest'
import { cursorReportInputOf, FLAGGED_PARAMETERS, formatMessage, isRejectedInput, type Analysis, type RolloutParameters, type RouteRequest, type ShareRequest, type ShareSimulation } from '../engine'
import { memoryIo } from '../cli/memory-io'
import { runCli } from '../cli/main'
import { answerEngineRequest, handleEngineRequest } from '../worker/handle-request'
import { PROTOCOL_VERSION, type EngineResponse, type RouteAnswer } from '../worker/protocol'
import { PRESETS } from './gallery'
import { SEED_FILE_NAME, SEED_MANIFEST } from './seed'
import type { Preset, StepEffect } from './types'

/** The clock for certificate expiry, inside the seed certificate's validity (2026-11-24 to 2036-11-21). */
const NOW = '2027-01-01T00:00:00Z'

interface Shipped {
  readonly id: string
  readonly manifest: string
  /** The rollout settings the studio simulates with, in the order a class meets them. */
  readonly simulations: readonly ShareSimulation[]
  /** The URLs the preset tests, each with the Gateway its step routes through (absent: the input's default). */
  readonly requests: readonly { readonly request: ShareRequest; readonly gateway?: string }[]
}

const effectsOf = (preset: Preset): StepEffect[] => [preset.start, ...preset.steps.map((step) => step.effect)]

/** Opening a preset without simulation settings simulates with the defaults; a step with some replaces them. */
function simulationsOf(preset: Preset): ShareSimulation[] {
  const all = [preset.start.simulation ?? { parameters: {} }, ...effectsOf(preset).flatMap((effect) => (effect.simulation ? [effect.simulation] : []))]
  return [...new Map(all.map((simulation) => [JSON.stringify(simulation), simulation])).values()]
}

const SHIPPED: readonly Shipped[] = [
  { id: 'seed', manifest: SEED_MANIFEST, simulations: [{ parameters: {} }], requests: [] },
  ...PRESETS.map((preset) => ({
    id: preset.id,
    manifest: preset.manifest,
    simulations: simulationsOf(preset),
    requests: effectsOf(preset).flatMap((effect) => (effect.tester?.requests ?? []).map((request) => ({ request, ...(effect.tester?.gateway ? { gateway: effect.tester.gateway } : {}) }))),
  })),
]

/**
 * `lint`'s exit code and error codes for each shipped manifest. The broken presets are broken for rollouts, not
 * for the API server: only prestop-over-grace has a lint error (its preStop outlasts the grace period).
 */
const LINT_ERRORS: Readonly<Record<string, readonly string[]>> = {
  'seed': [],
  'ingress-basics': [],
  'tls': [],
  'zero-downtime': [],
  'no-readiness': [],
  'sigterm-race': [],
  'prestop-over-grace': ['grace-shorter-than-prestop'],
  'max-unavailable-100': [],
  'recreate': [],
  'canary-20': [],
  'gateway-api': [],
  'migrate-gateway-api': [],
}

/** The `rollout` flags for `parameters`, from the engine's parameter table (the rows the command parses). */
function flagsOf(parameters: Partial<RolloutParameters>): string[] {
  return Object.entries(parameters).flatMap(([name, value]) => {
    const row = FLAGGED_PARAMETERS.find((entry) => entry.name === name)
    if (!row) throw new Error(`a preset sets ${name}, which has no rollout flag: the CLI cannot reproduce it (give the field a flag in simulate/parameter-table.ts)`)
    const word = row.value.kind === 'optional-number' ? row.value.flagWord : null
    if (value === null && word === null) throw new Error(`a preset leaves ${name} empty, which ${row.flag} cannot say`)
    return [row.flag, value === null ? word! : String(value)]
  })
}

/** The CLI over one file, also given as standard input. */
const fakeIo = (file: string, text: string) => memoryIo({ [file]: text }, text)

async function cli(text: string, args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo(SEED_FILE_NAME, text)
  const [command, ...rest] = args
  const code = await runCli([command!, SEED_FILE_NAME, ...rest], io)
  return { code, out: io.out(), err: io.err() }
}

/** The studio's side, through the worker's handler. */
const files = (text: string) => [{ name: SEED_FILE_NAME, text }]
let ids = 0
const ask = <T extends EngineResponse['type']>(response: EngineResponse, type: T): Extract<EngineResponse, { type: T }> => {
  if (response.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(response).slice(0, 300)}`)
  return response as Extract<EngineResponse, { type: T }>
}

function studioAnalysis(text: string): Analysis {
  const request = { v: PROTOCOL_VERSION, type: 'analyze', id: ++ids, files: files(text), options: { rules: {}, now: Date.parse(NOW) } } as const
  return ask(handleEngineRequest(request), 'analyzed').analysis
}

function studioSimulation(analysis: Analysis, deployment: string, parameters: Partial<RolloutParameters>) {
  const simulated = ask(handleEngineRequest({ v: PROTOCOL_VERSION, type: 'simulate', id: ++ids, model: analysis.model, deployment, parameters }), 'simulated')
  if (simulated.outcome.kind !== 'ok') throw new Error(`the studio cannot simulate ${deployment}: ${JSON.stringify(simulated.outcome.problems)}`)
  const { result, view } = simulated.outcome
  // The vegeta report the studio shows for the whole run.
  const report = ask(handleEngineRequest({ v: PROTOCOL_VERSION, type: 'report', id: ++ids, input: cursorReportInputOf(result, null, view.bucketsNs) }), 'reported').report
  return { load: result.load, failed: result.failures.total, report }
}

const toRouteRequest = (request: ShareRequest): RouteRequest => ({ url: request.url, headers: { ...request.headers }, cookies: { ...request.cookies } })

function routeArgs(request: RouteRequest): string[] {
  const headers = Object.entries(request.headers ?? {}).flatMap(([name, value]) => ['--header', `${name}: ${value}`])
  const cookies = Object.entries(request.cookies ?? {}).flatMap(([name, value]) => ['--cookie', `${name}=${value}`])
  return ['route', '--url', request.url, ...headers, ...cookies]
}

/**
 * The JSON line the CLI must print for the studio's answer: the studio's default router is the CLI's (ingress-nginx,
 * or the only Gateway of an input without Ingresses), so the same fields in the contract's order.
 */
function cliLineOf(answer: RouteAnswer): object {
  const trace = answer.result.trace.map((step) => formatMessage(step))
  if (answer.router === 'gateway') {
    const { status, service, port, namespace, route, rewrittenPath, rewrittenHost, location, requestHeaders, responseHeaders } = answer.result
    return { status, service, port, namespace, route, rewrittenPath, rewrittenHost, location, requestHeaders, responseHeaders, trace }
  }
  const { status, service, port, namespace, ingress, host, rewrittenPath, location, canary } = answer.result
  return { status, service, port, namespace, ingress, host, rewrittenPath, location, canary, trace }
}

const errorCodes = (analysis: Analysis) => analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code).sort()
/** The codes of the lint-form lines a command printed on stderr. */
const printedCodes = (stderr: string) => [...stderr.matchAll(/^[^:\n]+:\d+:\d+: error ([a-z0-9-]+): /gm)].map((m) => m[1]).sort()

describe.each(SHIPPED)('shipped manifest $id', ({ id, manifest, simulations, requests }) => {
  const analysis = studioAnalysis(manifest)

  it('is accepted by the API server in the studio and on the command line, with the lint result its lesson expects', async () => {
    expect(analysis.diagnostics.filter(isRejectedInput)).toEqual([])
    expect(errorCodes(analysis)).toEqual(LINT_ERRORS[id])
    const lint = await cli(manifest, ['lint', '--now', NOW])
    expect(lint.code).toBe(LINT_ERRORS[id]!.length > 0 ? 1 : 0)
    expect(printedCodes(lint.out)).toEqual(LINT_ERRORS[id])
  })

  const deployments = analysis.model.deployments.map((d) => `${d.meta.namespace}/${d.meta.name}`)
  const scenarios = simulations.flatMap((simulation) => (simulation.deployment ? [simulation.deployment] : deployments).map((deployment) => ({ deployment, parameters: simulation.parameters })))

  it.each(scenarios)('rolls $deployment out with $parameters through the CLI as the studio does', async ({ deployment, parameters }) => {
    const studio = studioSimulation(analysis, deployment, parameters)
    const { code, out, err } = await cli(manifest, ['rollout', '--deployment', deployment, '--format', 'json', ...flagsOf(parameters)])
    expect(code, err).toBe(0)
    // Lint errors are printed, and do not stop the simulation.
    expect(printedCodes(err)).toEqual(LINT_ERRORS[id])
    const json = JSON.parse(out) as { load: typeof studio.load; report: string }
    expect(json.load).toEqual(JSON.parse(JSON.stringify(studio.load)))
    expect(json.load.requests - json.load.success).toBe(studio.failed)
    expect({ requests: json.load.requests, success: json.load.success }).toEqual({ requests: studio.report.requests, success: studio.report.success })
    expect(json.report).toBe(studio.report.text)
  })

  it('routes the studio\'s example requests and the preset\'s tested ones as the studio does, and renders its nginx.conf', async () => {
    const viewed = ask(await answerEngineRequest({ v: PROTOCOL_VERSION, type: 'route-view', id: ++ids, files: files(manifest), options: { rules: {}, now: Date.parse(NOW) } }), 'route-viewed')
    const all = [...viewed.view.examples.map((example) => ({ request: example.request, gateway: undefined })), ...requests.map(({ request, gateway }) => ({ request: toRouteRequest(request), gateway }))]
    expect(all.length).toBeGreaterThan(0)
    for (const { request, gateway } of all) {
      const router = gateway === undefined ? {} : { router: { router: 'gateway', gateway } } as const
      const answer = ask(handleEngineRequest({ v: PROTOCOL_VERSION, type: 'route', id: ++ids, files: files(manifest), request, ...router }), 'routed')
      if (gateway !== undefined) expect(answer).toMatchObject({ router: 'gateway', gateway })
      const { code, out, err } = await cli(manifest, [...routeArgs(request), ...(gateway === undefined ? [] : ['--gateway', gateway])])
      expect(code, err).toBe(0)
      expect(printedCodes(err)).toEqual(LINT_ERRORS[id])
      expect(JSON.parse(out), request.url).toEqual(JSON.parse(JSON.stringify(cliLineOf(answer))))
    }
    const conf = await cli(manifest, ['nginx-conf'])
    expect(conf.code, conf.err).toBe(0)
    expect(conf.out).toBe(viewed.view.nginxConf)
  })
})
