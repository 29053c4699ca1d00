import { describe, expect, it } from 'vitest'
import { analyzeText } from '../testing/analyze-text'
import { failedRequests, simulateText, webManifest } from '../testing/prestop-rollouts'
import { formatPreStop } from './prestop-summary'
import { formatRolloutSummary } from './rollout-summary'
import type { RolloutResult } from './simulate-rollout'

/** The first old pod's stop: when SIGTERM came after deletion, in seconds. */
function firstStop(r: RolloutResult) {
  const stop = r.terminations.find((t) => !r.timeline.replicaSets[r.timeline.pods[t.pod]!.replicaSet]!.isNew)
  if (!stop) throw new Error('no old pod was stopped')
  return { ...stop, sigtermAfterSeconds: (stop.sigtermMs - stop.startMs) / 1000 }
}

describe('preStop idioms, simulated (endpoint lag 1 s)', () => {
  it.each([
    ['the sleep action', '{sleep: {seconds: 10}}', 10],
    ['exec ["sleep", "10"]', '{exec: {command: ["sleep", "10"]}}', 10],
    ['exec ["/bin/sleep", "10"]', '{exec: {command: ["/bin/sleep", "10"]}}', 10],
    ['exec ["busybox", "sleep", "10"]', '{exec: {command: ["busybox", "sleep", "10"]}}', 10],
    ['a 10s suffix', '{exec: {command: ["sleep", "10s"]}}', 10],
    ['0.5m', '{exec: {command: ["sleep", "0.5m"]}}', 30],
    ['summed arguments', '{exec: {command: ["sleep", "1m", "30s"]}}', 90],
    ['/bin/sh -c "sleep 10"', '{exec: {command: ["/bin/sh", "-c", "sleep 10"]}}', 10],
    ['sh -c "sleep 10 && nginx -s quit"', '{exec: {command: ["sh", "-c", "sleep 10 && nginx -s quit"]}}', 10],
    ['bash -c "echo bye; sleep 5"', '{exec: {command: ["bash", "-c", "echo bye; sleep 5"]}}', 5],
  ])('%s delays SIGTERM by its own time: no request fails', (_, preStop, seconds) => {
    const r = simulateText(webManifest({ preStop, grace: seconds + 30 }), { endpointLagSeconds: 1 })
    expect(failedRequests(r)).toBe(0)
    expect(r.deployment.preStop).toMatchObject({ runSeconds: seconds, assumed: false })
    expect(firstStop(r)).toMatchObject({ sigtermAfterSeconds: seconds, hookCut: false })
  })

  it('sleep 0 delays nothing: SIGTERM closes the listener while the ingress still sends (502)', () => {
    const r = simulateText(webManifest({ preStop: '{exec: {command: ["sleep", "0"]}}' }), { endpointLagSeconds: 1 })
    expect(r.load.statusCodes['502']).toBeGreaterThan(0)
    expect(r.failures.byDetail['listener-closed']).toBeGreaterThan(0)
  })

  it('an httpGet hook runs for --prestop-http, and the result says that time is assumed', () => {
    const text = webManifest({ preStop: '{httpGet: {path: /prestop, port: 8080}}' })
    const instant = simulateText(text, { endpointLagSeconds: 1 })
    expect(instant.failures.byDetail['listener-closed']).toBeGreaterThan(0)
    expect(instant.deployment.preStop).toMatchObject({ runSeconds: 0, assumed: true, duration: { kind: 'unknown', handler: 'httpGet' } })
    const waiting = simulateText(text, { endpointLagSeconds: 1, preStopHttpSeconds: 5 })
    expect(failedRequests(waiting)).toBe(0)
    expect(formatPreStop(waiting.deployment.preStop)).toBe('httpGet /prestop (5s assumed, --prestop-http)')
  })

  it('an httpGet hook against an app that is not listening yet fails at once, with the kubelet\'s event', () => {
    const liveness = '        livenessProbe: {httpGet: {path: /live, port: 8080}, periodSeconds: 1, failureThreshold: 2}'
    const r = simulateText(webManifest({ preStop: '{httpGet: {path: /prestop, port: 8080}}', containerExtra: liveness }), { appStartSeconds: 6, preStopHttpSeconds: 5 })
    const failed = r.events.filter((e) => e.reason === 'FailedPreStopHook')
    expect(failed.length).toBeGreaterThan(0)
    expect(failed.every((e) => e.type === 'Warning' && e.message === 'PreStopHook failed')).toBe(true)
    const probeStop = r.terminations.find((t) => t.reason === 'liveness')!
    expect(probeStop.sigtermMs).toBe(probeStop.startMs)
  })

  it('an exec hook that is not a sleep is assumed too', () => {
    const r = simulateText(webManifest({ preStop: '{exec: {command: ["/app/drain.sh"]}}' }), { preStopHttpSeconds: 3 })
    expect(r.deployment.preStop).toMatchObject({ runSeconds: 3, assumed: true, duration: { kind: 'unknown', handler: 'exec' } })
    expect(firstStop(r).sigtermAfterSeconds).toBe(3)
  })

  it('Recreate creates the new ReplicaSet only after the exec sleep and the drain: every old pod is gone first', () => {
    const r = simulateText(webManifest({ strategy: '{type: Recreate}', preStop: '{exec: {command: ["sh", "-c", "sleep 10"]}}' }))
    const [scaleDown, createNew] = r.steps
    expect(scaleDown!.actions[0]).toMatch(/^Scaled down/)
    expect(createNew!.timeMs - scaleDown!.timeMs).toBeGreaterThanOrEqual(10_000)
    const oldGone = r.timeline.pods.filter((p) => !r.timeline.replicaSets[p.replicaSet]!.isNew).map((p) => p.goneMs!)
    expect(createNew!.timeMs).toBeGreaterThanOrEqual(Math.max(...oldGone))
  })
})

describe('a preStop hook that outlives the grace period', () => {
  const outlives = (preStop: string, parameters = {}) => simulateText(webManifest({ preStop, grace: 30 }), parameters)

  it('is cut at the grace period: SIGTERM at its end with the one-off 2 s, SIGKILL 2 s later', () => {
    const stop = firstStop(outlives('{sleep: {seconds: 40}}'))
    expect(stop).toMatchObject({ graceSeconds: 30, hookCut: true, stopGraceSeconds: 2, sigtermAfterSeconds: 30 })
    expect(stop.hookEndMs - stop.startMs).toBe(40_000)
    expect(stop.sigkillMs - stop.sigtermMs).toBe(2000)
  })

  it('shows the hook on the phase track until the grace period ends, then SIGTERM; an app that ignores it is SIGKILLed 2 s later', () => {
    const r = outlives('{exec: {command: ["sleep", "40"]}}', { sigterm: 'ignore' })
    const stop = firstStop(r)
    const phase = r.timeline.tracks.phase
    const intervals: [number, number, number][] = []
    for (let i = phase.offsets[stop.pod]!; i < phase.offsets[stop.pod + 1]!; i++) intervals.push([phase.startMs[i]!, phase.endMs[i]!, phase.value[i]!])
    // prestop (4) from deletion to the grace period's end, then draining (5) until SIGKILL.
    expect(intervals.slice(-2)).toEqual([
      [stop.startMs, stop.startMs + 30_000, 4],
      [stop.startMs + 30_000, stop.startMs + 32_000, 5],
    ])
    const kills = [...r.timeline.kills.pod].flatMap((pod, i) => (pod === stop.pod ? [{ timeMs: r.timeline.kills.timeMs[i], signal: r.timeline.kills.signal[i] }] : []))
    expect(kills).toEqual([{ timeMs: stop.startMs + 32_000, signal: 1 }])
  })

  it('writes the events the kubelet writes: Killing at deletion; FailedPreStopHook when an exec hook dies with its container', () => {
    const r = outlives('{exec: {command: ["sleep", "40"]}}')
    const stop = firstStop(r)
    const pod = `pod/${r.timeline.pods[stop.pod]!.name}`
    const events = r.events.filter((e) => e.object === pod && e.timeMs >= stop.startMs).map((e) => [e.timeMs - stop.startMs, e.type, e.reason, e.message])
    expect(events[0]).toEqual([0, 'Normal', 'Killing', 'Stopping container web'])
    expect(events.slice(1)).toEqual([[expect.any(Number), 'Warning', 'FailedPreStopHook', 'PreStopHook failed']])
    expect(events[1]![0]).toBeGreaterThanOrEqual(30_000)
    // The sleep action runs in the kubelet, not the container: it does not fail with it.
    const action = outlives('{sleep: {seconds: 40}}')
    expect(action.events.some((e) => e.reason === 'FailedPreStopHook')).toBe(false)
  })

  it('is explained by the lint reading the same 40 s, in the kubelet\'s terms', () => {
    const [finding] = analyzeText(webManifest({ preStop: '{exec: {command: ["sh", "-c", "sleep 40"]}}', grace: 30 })).of('grace-shorter-than-prestop')
    expect(finding).toMatchObject({ severity: 'error', text: '30' })
    expect(finding!.message).toContain('40 s preStop')
    expect(finding!.message).toContain('one-off 2 s extension and SIGKILL 2 s later')
  })

  it('is told in the text summary, with the hook as the manifest writes it', () => {
    const text = formatRolloutSummary(outlives('{exec: {command: ["sleep", "40"]}}'))
    expect(text).toContain('Stopping: preStop exec ["sleep","40"] (40s), terminationGracePeriodSeconds 30')
    expect(text).toMatch(/pod\/web-\S+: preStop hook not completed in the 30s grace period; SIGTERM with a grace period of 2s, SIGKILL at /)
  })

  it('the prestop-over-grace lesson runs without a failed request when the app drains in the 2 s', () => {
    const r = outlives('{sleep: {seconds: 40}}')
    expect(failedRequests(r)).toBe(0)
    expect(r.terminations.filter((t) => t.hookCut).length).toBe(3)
  })
})
