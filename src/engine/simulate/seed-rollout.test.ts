/**
 * The seed's `websample` under load, driven from the seed YAML through `analyze` (docs/rollout.md#how-requests-fail):
 * the configurations a class compares, with the failures each must (or must not) show, where and why.
 */
import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze'
import { SEED_FILE_NAME, SEED_MANIFEST } from '../../presets/seed'
import type { RolloutParameters } from './parameters'
import { findRolloutTarget } from './rollout-target'
import { simulateRollout, type RolloutResult } from './simulate-rollout'

function seedRollout(parameters: Partial<RolloutParameters> = {}, edit: (yaml: string) => string = (y) => y): RolloutResult {
  const { model, diagnostics } = analyze([{ name: SEED_FILE_NAME, text: edit(SEED_MANIFEST) }])
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  const deployment = model.deployments.find((d) => d.meta.name === 'websample')!
  const outcome = simulateRollout({ deployment, target: findRolloutTarget(model, deployment), parameters })
  if (outcome.kind !== 'ok') throw new Error(JSON.stringify(outcome.problems))
  return outcome.result
}

const withoutPreStop = (yaml: string): string => yaml.replace(/\n {8}lifecycle:\n {10}preStop:\n {12}httpGet:\n {14}path: \/prestop\n {14}port: 5000/, '')
const withoutReadiness = (yaml: string): string => yaml.replace(/\n {8}readinessProbe:\n {10}httpGet:\n {12}path: \/readiness\n {12}port: 5000/, '')
const recreate = (yaml: string): string => yaml.replace(/ {4}rollingUpdate:\n {6}maxSurge: 25%\n {6}maxUnavailable: 25%\n {4}type: RollingUpdate/, '    type: Recreate')
/** Hits of a 50 req/s attack sent in [fromMs, toMs): hit n goes at n × 20 ms. */
const hitsBetween = (fromMs: number, toMs: number): number => Math.ceil(toMs / 20) - Math.ceil(fromMs / 20)

describe('the seed websample (1 replica, 25%/25%, httpGet probes and preStop, grace 30)', () => {
  it('is read from YAML with its Service and Ingress: one step up, one down', () => {
    const r = seedRollout()
    expect(r.target).toEqual({ url: 'http://127.0.0.1.xip.io/', service: 'websample', ingress: 'websample-ing' })
    expect(r.resolved).toEqual({ maxSurge: 1, maxUnavailable: 0 })
    expect(r.steps.map((s) => [s.old, s.new])).toEqual([[1, 1], [0, 1]])
    expect(r.complete).toBe(true)
    expect(r.images).toEqual({ old: 'acadx0/190713:v1', new: 'acadx0/190713:v2' })
  })

  it('loses no request when the preStop hook outlasts the endpoint lag and the app shuts down gracefully', () => {
    for (const parameters of [{ preStopHttpSeconds: 5 }, { preStopHttpSeconds: 3, endpointLagSeconds: 2 }, { preStopHttpSeconds: 5, rps: 500 }]) {
      const r = seedRollout(parameters)
      expect(r.load.requests).toBeGreaterThan(1000)
      expect(r.load.success).toBe(r.load.requests)
      expect(r.failures.total).toBe(0)
      expect(r.load.statusCodes).toEqual({ '200': r.load.requests })
    }
  })

  it('still fails when the preStop hook is shorter than the endpoint lag', () => {
    const r = seedRollout({ preStopHttpSeconds: 0.5 })
    // SIGTERM at 16.5 s closes the listener; the ingress keeps sending until 17 s.
    expect(r.load.failuresByCause).toEqual({ 'not-listening': hitsBetween(16_500, 17_000) })
  })

  it('returns 502s exactly in [deletion, deletion + lag) with an immediate-exit app and no preStop delay', () => {
    const r = seedRollout({ sigterm: 'immediate' }, withoutPreStop)
    const deletedMs = r.timeline.pods.find((p) => p.deletedMs !== null)!.deletedMs!
    expect(deletedMs).toBe(16_000)
    const notListening = r.failures.kept.filter((f) => f.cause === 'not-listening')
    expect(notListening).toHaveLength(hitsBetween(16_000, 17_000))
    expect(notListening.every((f) => f.code === 502 && f.sentMs >= 16_000 && f.sentMs < 17_000 && f.detail === 'pod-gone')).toBe(true)
    // Requests the app was serving when it exited are reset: sent less than one request time before SIGTERM.
    const resets = r.failures.kept.filter((f) => f.cause === 'reset')
    expect(resets.length).toBeGreaterThan(0)
    expect(resets.every((f) => f.detail === 'killed-on-sigterm' && f.sentMs < 16_000 && f.sentMs > 16_000 - 75)).toBe(true)
    expect(r.load.maxConsecutiveFailures).toBeGreaterThanOrEqual(notListening.length)
  })

  it('fails while a slow app starts when there is no readinessProbe', () => {
    const r = seedRollout({ appStartSeconds: 10 }, withoutReadiness)
    // Ready at container start (6 s): the old pod goes at once; the ingress switches at 7 s; the app listens at 16 s.
    expect(r.failures.byDetail['app-not-started']).toBe(hitsBetween(7000, 16_000))
    const starting = r.failures.kept.filter((f) => f.detail === 'app-not-started')
    expect(starting.every((f) => f.podPhase === 'starting' && f.podReady)).toBe(true)
  })

  it('fails the same way with a readinessProbe that does not test the serving path', () => {
    const r = seedRollout({ appStartSeconds: 10, probesTestServing: false })
    expect(r.failures.byDetail['app-not-started']).toBe(hitsBetween(7000, 16_000))
  })

  it('has an outage of the predicted length with Recreate', () => {
    const r = seedRollout({}, recreate)
    const lastOldGone = r.timeline.pods.find((p) => p.deletedMs !== null)!.goneMs!
    // Outage as clients see it: the ingress drops the old pod at 5 s + lag; the new pod starts 1 s after the old
    // is gone, is Ready at its second readiness probe (10 s later) and reaches the ingress after the lag.
    const from = 5000 + 1000
    const to = lastOldGone + 1000 + 10_000 + 1000
    expect(r.failures.byDetail['no-endpoints']).toBe(hitsBetween(from, to))
    const noEndpoints = r.failures.kept.filter((f) => f.code === 503)
    expect(noEndpoints[0]!.sentMs).toBeGreaterThanOrEqual(from)
    expect(noEndpoints.at(-1)!.sentMs).toBeLessThan(to)
  })

  it('masks refused connections with ingress retries when another endpoint is ready', () => {
    const scaled = (yaml: string): string => yaml.replace('  name: websample\nspec:\n', '  name: websample\nspec:\n  replicas: 10\n')
    const plain = seedRollout({}, scaled)
    const some = seedRollout({ retries: 2 }, scaled)
    const enough = seedRollout({ retries: 5 }, scaled)
    // At 16 s five old pods leave at once; they sit side by side in the balancer's list, so 3 tries can all fail.
    expect(plain.load.failuresByCause['not-listening']).toBeGreaterThan(some.load.failuresByCause['not-listening']!)
    expect(some.failures.kept.every((f) => f.tries === 3)).toBe(true)
    expect(enough.load.success).toBe(enough.load.requests)
  })

  it('times out slow requests: the client at --timeout (code 0), the ingress at proxy-read-timeout (504)', () => {
    const client = seedRollout({ requestSeconds: 40, durationSeconds: 3, latencySpread: 0 })
    expect(client.load.statusCodes).toEqual({ '0': client.load.requests })
    expect(client.failures.kept[0]).toMatchObject({ cause: 'timeout', detail: 'client-timeout', latencyMs: 30_000 })
    // The rollout starts after the 60 s wait: a pod SIGKILLed at the end of its grace period would reset the request (502) first.
    const upstream = seedRollout({ requestSeconds: 70, durationSeconds: 3, latencySpread: 0, timeoutSeconds: 100, rolloutAtSeconds: 61 })
    expect(upstream.load.statusCodes).toEqual({ '504': upstream.load.requests })
  })
})
