import { describe, expect, it } from 'vitest'
import { PodPhase } from './cluster-state'
import { firstStart, intervalsOf, httpProbe, podsOf, simulateOk } from '../testing/rollouts'

/** First Ready time of the first new pod (created at 5 s, container started at 6 s by default). */
function firstReady(options: Parameters<typeof simulateOk>[0], parameters: Parameters<typeof simulateOk>[1] = {}): number | null {
  const r = simulateOk(options, parameters)
  return firstStart(r.timeline.tracks.ready, podsOf(r, 'new')[0]!)
}

describe('probe timing (docs/rollout.md#probes): attempts at container start + initialDelaySeconds + k × periodSeconds', () => {
  it('makes a pod whose app listens after 3 s Ready 10 s after container start with period 10', () => {
    const r = simulateOk()
    const pod = podsOf(r, 'new')[0]!
    const phases = intervalsOf(r.timeline.tracks.phase, pod)
    expect(phases.slice(0, 3)).toEqual([
      [5000, 6000, PodPhase.pending],
      [6000, 9000, PodPhase.starting],
      [9000, 16_000, PodPhase.notReady],
    ])
    expect(firstStart(r.timeline.tracks.ready, pod)! - 6000).toBe(10_000)
    const probes = r.timeline.probes
    const readiness = [...probes.timeMs.keys()].filter((i) => probes.pod[i] === pod && probes.kind[i] === 0).map((i) => [probes.timeMs[i], probes.ok[i]])
    expect(readiness.slice(0, 2)).toEqual([[6000, 0], [16_000, 1]])
  })

  it.each([
    ['initialDelaySeconds 5', { readinessProbe: httpProbe('/readiness', { initialDelaySeconds: 5 }) }, {}, 11_000],
    ['successThreshold 2', { readinessProbe: httpProbe('/readiness', { successThreshold: 2 }) }, {}, 26_000],
    ['periodSeconds 2', { readinessProbe: httpProbe('/readiness', { periodSeconds: 2 }) }, {}, 10_000],
    ['a probe offset of 1 s', {}, { probeOffsetSeconds: 1 }, 17_000],
    ['an app that listens at once', {}, { appStartSeconds: 0 }, 6_000],
    ['no readinessProbe (Ready when the container starts)', { readinessProbe: null }, {}, 6_000],
    ['a pod start of 4 s', {}, { podStartSeconds: 4 }, 19_000],
    ['a probe that does not test the serving path', {}, { probesTestServing: false }, 6_000],
  ] as const)('%s', (_, options, parameters, expected) => {
    expect(firstReady(options, parameters)).toBe(expected)
  })

  it('skips readiness until the startupProbe has succeeded', () => {
    const ready = firstReady({ startupProbe: httpProbe('/startup', { failureThreshold: 30 }) })!
    expect(ready).toBeGreaterThanOrEqual(16_000)
    expect(ready).toBeLessThanOrEqual(26_000)
    expect(firstReady({ readinessProbe: null, startupProbe: httpProbe('/startup', { periodSeconds: 5 }) })).toBe(11_000)
  })

  it('makes a pod available minReadySeconds after Ready, and the controller waits for that', () => {
    const r = simulateOk({ minReadySeconds: 10 })
    const pod = podsOf(r, 'new')[0]!
    expect(firstStart(r.timeline.tracks.available, pod)).toBe(26_000)
    expect(r.steps.map((s) => s.timeMs)).toEqual([5000, 26_000])
  })
})

describe('liveness restarts with back-off', () => {
  it('kills an app that starts slower than liveness allows and restarts it after 0, 10, 20 s', () => {
    const r = simulateOk({}, { appStartSeconds: 25 })
    const pod = podsOf(r, 'new')[0]!
    const starts = intervalsOf(r.timeline.tracks.phase, pod).filter(([, , v]) => v === PodPhase.starting).map(([s]) => s)
    // Liveness fails at +0, +10, +20 s; the kill takes no time (the preStop httpGet is refused, SIGTERM finds nothing to drain).
    expect(starts.slice(0, 4)).toEqual([6_000, 26_000, 56_000, 96_000])
    expect(r.timeline.pods[pod]!.restarts).toBeGreaterThanOrEqual(3)
    const reasons = r.events.filter((e) => e.object === `pod/${r.timeline.pods[pod]!.name}`).map((e) => e.reason)
    expect(reasons).toEqual(expect.arrayContaining(['Unhealthy', 'Killing', 'FailedPreStopHook', 'BackOff']))
    expect(r.events.find((e) => e.reason === 'Killing' && e.object.endsWith(r.timeline.pods[pod]!.name))!.message).toBe('Container websample failed liveness probe, will be restarted')
    expect(r.complete).toBe(false)
  })

  it('lets a startupProbe protect the same slow app', () => {
    const r = simulateOk({ startupProbe: httpProbe('/startup', { failureThreshold: 30 }) }, { appStartSeconds: 25 })
    expect(r.timeline.pods.every((p) => p.restarts === 0)).toBe(true)
    expect(r.complete).toBe(true)
  })
})

describe('kubelet events', () => {
  it('reports scheduling, pulling, starting and a refused readiness probe in Kubernetes words', () => {
    const r = simulateOk()
    const name = r.timeline.pods[podsOf(r, 'new')[0]!]!.name
    const mine = r.events.filter((e) => e.object === `pod/${name}`)
    expect(mine.map((e) => e.reason).slice(0, 5)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'])
    expect(mine.find((e) => e.reason === 'Pulling')!.message).toBe('Pulling image "acadx0/190713:v2"')
    const unhealthy = mine.find((e) => e.reason === 'Unhealthy' && e.message.startsWith('Readiness'))!
    expect(unhealthy).toMatchObject({ type: 'Warning', timeMs: 6000 })
    expect(unhealthy.message).toMatch(/^Readiness probe failed: Get "http:\/\/10\.244\.\d+\.\d+:5000\/readiness": dial tcp 10\.244\.\d+\.\d+:5000: connect: connection refused$/)
  })
})
