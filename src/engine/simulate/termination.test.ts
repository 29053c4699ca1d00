import { describe, expect, it } from 'vitest'
import { PodPhase } from './cluster-state'
import type { RolloutResult } from './simulate-rollout'
import { intervalsOf, podsOf, simulateOk } from '../testing/rollouts'

const T = 16_000 // the old pod of a 1-replica seed rollout is deleted when the new pod is Ready
/** The longest request a graceful app waits for: 50 ms × e^(0.2 × 1.959964), the top service-time point. */
const DRAIN = Math.round(50e6 * Math.exp(0.2 * 1.959964)) / 1e6

function oldPod(r: RolloutResult): { phases: [number, number, number][]; listening: [number, number, number][]; kills: [number, number][]; goneMs: number | null } {
  const pod = podsOf(r, 'old')[0]!
  const kills: [number, number][] = []
  for (let i = 0; i < r.timeline.kills.pod.length; i++) if (r.timeline.kills.pod[i] === pod) kills.push([r.timeline.kills.timeMs[i]!, r.timeline.kills.signal[i]!])
  return {
    phases: intervalsOf(r.timeline.tracks.phase, pod).filter(([, end]) => end > 0),
    listening: intervalsOf(r.timeline.tracks.listening, pod),
    kills,
    goneMs: r.timeline.pods[pod]!.goneMs,
  }
}

describe('termination timeline (docs/rollout.md#termination)', () => {
  it('runs an instant httpGet preStop, then SIGTERM: a graceful app closes its listener and exits after draining', () => {
    const o = oldPod(simulateOk())
    expect(o.phases.slice(-1)).toEqual([[T, T + DRAIN, PodPhase.draining]])
    expect(o.listening.at(-1)![1]).toBe(T)
    expect(o.goneMs).toBe(T + DRAIN)
    expect(o.kills).toEqual([])
  })

  it('keeps serving during a 5 s preStop, then drains', () => {
    const o = oldPod(simulateOk({}, { preStopHttpSeconds: 5 }))
    expect(o.phases.slice(-2)).toEqual([
      [T, T + 5000, PodPhase.preStop],
      [T + 5000, T + 5000 + DRAIN, PodPhase.draining],
    ])
    expect(o.listening.at(-1)![1]).toBe(T + 5000)
  })

  it('cuts a preStop longer than the grace period at the grace period and adds the 2 s SIGKILL extension', () => {
    const sleep40 = { type: 'sleep', seconds: 40 } as const
    const graceful = oldPod(simulateOk({ preStop: sleep40 }))
    expect(graceful.phases.at(-2)).toEqual([T, T + 30_000, PodPhase.preStop])
    expect(graceful.kills).toEqual([])
    const ignoring = oldPod(simulateOk({ preStop: sleep40 }, { sigterm: 'ignore' }))
    expect(ignoring.phases.at(-1)).toEqual([T + 30_000, T + 32_000, PodPhase.draining])
    expect(ignoring.kills).toEqual([[T + 32_000, 1]])
  })

  it('counts the hook against the grace period in whole seconds and never leaves SIGTERM less than 2 s', () => {
    const o = oldPod(simulateOk({}, { preStopHttpSeconds: 29.5, sigterm: 'ignore' }))
    // SIGTERM at T+29.5 s; remaining grace max(2, 30 − 29) = 2 s.
    expect(o.kills).toEqual([[T + 31_500, 1]])
  })

  it('kills in-flight work at once when the app exits on SIGTERM', () => {
    const o = oldPod(simulateOk({ preStop: null }, { sigterm: 'immediate' }))
    expect(o.kills).toEqual([[T, 0]])
    expect(o.goneMs).toBe(T)
  })

  it('sends SIGKILL at the end of the grace period to an app that ignores SIGTERM', () => {
    const o = oldPod(simulateOk({ preStop: null }, { sigterm: 'ignore' }))
    expect(o.phases.at(-1)).toEqual([T, T + 30_000, PodPhase.draining])
    expect(o.listening.at(-1)).toEqual([expect.any(Number), T + 30_000, 1])
    expect(o.kills).toEqual([[T + 30_000, 1]])
  })

  it('skips the hook with a grace period of 0 and still allows 2 s after SIGTERM', () => {
    const o = oldPod(simulateOk({ grace: 0, preStop: { type: 'sleep', seconds: 10 } }, { sigterm: 'ignore' }))
    expect(o.kills).toEqual([[T + 2000, 1]])
  })

  it('records the kubelet\'s Killing event and the app\'s own log lines', () => {
    const r = simulateOk()
    const name = r.timeline.pods[podsOf(r, 'old')[0]!]!.name
    expect(r.events).toContainEqual(expect.objectContaining({ timeMs: T, reason: 'Killing', object: `pod/${name}`, message: 'Stopping container websample' }))
    const lines = r.logs.filter((l) => r.timeline.pods[l.pod]!.name === name && l.timeMs >= T).map((l) => [l.kind, l.message])
    expect(lines).toEqual([
      ['app', 'GET /prestop 200'],
      ['app', 'SIGTERM received: closing the listener, finishing in-flight requests'],
      ['app', 'shutdown complete'],
      ['stop', ''],
    ])
  })
})
