/**
 * The routing engine against real nginx. For many generated Ingress sets, the engine's nginx.conf runs in a
 * real nginx on loopback (upstreams point at an echo server that returns the route and the URI it received);
 * every request's status, backend, upstream URI and Location must equal the engine's answer.
 *
 * https redirects and canary live in ingress-nginx's Lua, which plain nginx cannot run: the generator leaves
 * them out and the rendered conf only mentions them in comments (they have unit tests instead).
 * Seed: DIFF_SEED (default 20260401); scenario count: DIFF_SCENARIOS (default 120). Ports: free loopback ports
 * chosen by the OS. Every nginx runs under its own prefix directory in the temp dir and is stopped by pid.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { compileRoutes } from './compile-routes'
import { scenarioArbitrary, type DifferentialRequest, type Scenario } from '../testing/differential-scenarios'
import { HOSTILE_CASES } from '../testing/hostile-ingresses'
import { parseNginxConf, type ConfDirective } from './nginx-conf-tokens'
import { NginxOracle } from './nginx-oracle'
import { renderNginxConf } from './render-nginx-conf'
import { indexRoutes } from './route-index'
import { routeRequest } from './route-request'
import { nginx } from '../testing/manifests'
import { clusterModel, ingress, modelOf } from '../testing/models'
import type { CompiledRoutes, RouteResult } from './types'

const SEED = Number(process.env.DIFF_SEED ?? 20260401)
const SCENARIOS = Number(process.env.DIFF_SCENARIOS ?? 120)
const REQUESTS_PER_SCENARIO = 20
const PARALLEL = 4

let oracle: NginxOracle

function compileScenario(scenario: Scenario): CompiledRoutes {
  return compileRoutes(clusterModel(...scenario.ingresses.map(({ name, spec }) => ingress(name, spec))))
}

/** Outcomes seen, to show the generated requests cover every kind of answer. */
const outcomes = new Map<string, number>()

function outcomeOf(compiled: CompiledRoutes, result: RouteResult): string {
  const server = compiled.servers.find((candidate) => candidate.hostname === result.serverHostname)
  const location = server?.locations.find((loc) => loc.id === result.locationId)
  const kind = location ? `${location.modifier || 'prefix'}${location.rewriteTarget !== null ? '+rewrite' : ''}` : 'server'
  return `${result.status} ${server?.kind ?? 'none'} ${kind}${result.divergences.some((note) => note.id === 'D10') ? ' normalised' : ''}`
}

/** Servers routed with hash maps instead of the compact tables (large hosts), so both paths meet nginx. */
let largeServers = 0

async function runScenario(scenario: Scenario, index: number): Promise<string[]> {
  const failures = await runOnNginx(compileScenario(scenario), scenario.requests, `diff-${index}`)
  if (failures.length === 0) return []
  return [`Scenario ${index} (seed ${SEED}):\n${JSON.stringify(scenario.ingresses, null, 1)}\n${failures.join('\n')}`]
}

/** The oracle's answer for `compiled`, counting the outcomes and the large hosts it met. */
function runOnNginx(compiled: CompiledRoutes, requests: readonly DifferentialRequest[], label: string): Promise<string[]> {
  const routerIndex = indexRoutes(compiled)
  for (const server of routerIndex.exactHosts.values()) if (server.compact === null || (server.regexCount > 0 && server.plan === null)) largeServers++
  return oracle.check(compiled, requests, label, (result) => {
    const outcome = outcomeOf(compiled, result)
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
  })
}

describe('routing engine = real nginx', () => {
  beforeAll(async () => {
    oracle = await NginxOracle.start()
  })

  afterAll(async () => {
    await oracle?.stop()
  })

  test(`${SCENARIOS} generated scenarios × ${REQUESTS_PER_SCENARIO} requests (seed ${SEED})`, async () => {
    const scenarios = fc.sample(scenarioArbitrary(REQUESTS_PER_SCENARIO), { seed: SEED, numRuns: SCENARIOS })
    const started = Date.now()
    const failures: string[] = []
    for (let i = 0; i < scenarios.length; i += PARALLEL) {
      const batch = scenarios.slice(i, i + PARALLEL).map((scenario, j) => runScenario(scenario, i + j))
      for (const result of await Promise.all(batch)) failures.push(...result)
    }
    const requests = scenarios.length * REQUESTS_PER_SCENARIO
    console.log(`nginx differential: ${scenarios.length} scenarios, ${requests} requests, ${Date.now() - started} ms, ${failures.length} failing scenarios, ${largeServers} large hosts`)
    console.log([...outcomes].sort((a, b) => b[1] - a[1]).map(([outcome, count]) => `${count}\t${outcome}`).join('\n'))
    expect(scenarios.length).toBeGreaterThanOrEqual(100)
    expect(requests).toBeGreaterThanOrEqual(2000)
    expect(largeServers).toBeGreaterThan(0)
    expect(failures.slice(0, 3).join('\n\n')).toBe('')
  }, 180_000)

  test.each(HOSTILE_CASES.map((hostile) => [hostile.label, hostile] as const))('hostile strings: %s — nginx -t passes, nothing injected, nginx answers as route does', async (_label, hostile) => {
    const compiled = compileRoutes(modelOf(hostile.yaml, { allowErrors: ['invalid-host', 'invalid-path', 'invalid-value'] }))
    const conf = renderNginxConf(compiled)
    const checked = oracle.test(compiled)
    expect(checked.output).toBe('')
    expect(checked.ok).toBe(true)
    const parsed = parseNginxConf(conf)
    expect(parsed.kind).toBe('ok')
    const words = (directives: readonly ConfDirective[]): string[] => directives.flatMap((d) => [d.name, ...d.args, ...words(d.block ?? [])])
    expect(words(parsed.kind === 'ok' ? parsed.directives : [])).not.toContain('injected')
    expect(conf).not.toMatch(/^\s*return 200 injected;/m)
    expect(await runOnNginx(compiled, hostile.requests, 'hostile')).toEqual([])
  }, 30_000)

  test('catastrophic location regexes: nginx answers 500 at PCRE\'s match limit, and so does the engine', async () => {
    const compiled = compileRoutes(clusterModel(
      ingress('attack', {
        annotations: nginx({ 'use-regex': 'true' }),
        rules: [{ host: 't.test', paths: [{ path: '/(a+)+b', type: 'ImplementationSpecific', backend: 'app:80' }, { path: '/x(a|aa)+$', type: 'ImplementationSpecific', backend: 'alt:80' }] }],
      }),
    ))
    const as = (count: number): string => 'a'.repeat(count)
    // Past the limit (500), just under it (no match), no required "b" (no match at once), ordinary matches.
    const paths = [`/${as(40)}!b`, `/${as(22)}!b`, `/${as(21)}!b`, `/${as(40)}`, '/aab', `/x${as(40)}!`, `/x${as(29)}!`, `/x${as(30)}!`, `/x${as(40)}`]
    const results = paths.map((path) => routeRequest(compiled, { url: `http://t.test${path}` }).status)
    expect(results.filter((status) => status === 500)).toHaveLength(4)
    expect(await runOnNginx(compiled, paths.map((path) => ({ host: 't.test', path })), 'match-limit')).toEqual([])
  }, 60_000)

  test('the nginx.conf users get passes nginx -t', () => {
    const scenarios = fc.sample(scenarioArbitrary(1), { seed: SEED + 1, numRuns: 20 })
    for (const scenario of scenarios) {
      const checked = oracle.test(compileScenario(scenario))
      expect(checked.output).toBe('')
      expect(checked.ok).toBe(true)
    }
  })
})
