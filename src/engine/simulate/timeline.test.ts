import { describe, expect, it } from 'vitest'
import { podsOf, simulateOk } from '../testing/rollouts'
import { selectFrameAt, stepToTime } from './timeline'

describe('selectFrameAt (seeking the seed rollout)', () => {
  const r = simulateOk()
  const [oldPod] = podsOf(r, 'old')
  const [newPod] = podsOf(r, 'new')

  it('shows the old pod serving and the new one starting at 10 s', () => {
    const frame = selectFrameAt(r.timeline, 10_000)
    expect(frame.pods).toEqual([
      { pod: oldPod, phase: 'ready', ready: true, available: true, endpoint: true, ingress: true, listening: true },
      { pod: newPod, phase: 'not-ready', ready: false, available: false, endpoint: false, ingress: false, listening: true },
    ])
    expect(frame.replicaSets).toEqual([
      { spec: 1, pods: 1, ready: 1, available: 1, terminating: 0 },
      { spec: 1, pods: 1, ready: 0, available: 0, terminating: 0 },
    ])
    expect(frame.ingressEndpoints).toEqual([1, 0])
    expect(frame.second.ok).toBe(50)
  })

  it('shows the ingress still sending to the gone old pod during the lag', () => {
    const frame = selectFrameAt(r.timeline, 16_500)
    expect(frame.pods.map((p) => p.pod)).toEqual([newPod])
    expect(frame.pods[0]).toMatchObject({ phase: 'ready', endpoint: true, ingress: false })
    expect(frame.ingressEndpoints).toEqual([1, 0])
    expect(frame.second['not-listening']).toBe(50)
    expect(selectFrameAt(r.timeline, 17_000).ingressEndpoints).toEqual([0, 1])
  })

  it('shows the old pod draining right after SIGTERM', () => {
    expect(selectFrameAt(r.timeline, 16_010).pods.find((p) => p.pod === oldPod)).toMatchObject({ phase: 'draining', endpoint: false, ingress: true, listening: false })
  })
})

describe('stepToTime', () => {
  const times = Float64Array.of(5000, 6000, 16_000, 16_000, 17_000)
  it('finds the next and previous event times', () => {
    expect(stepToTime(times, 6000, 1)).toBe(16_000)
    expect(stepToTime(times, 16_000, 1)).toBe(17_000)
    expect(stepToTime(times, 16_000, -1)).toBe(6000)
    expect(stepToTime(times, 5000, -1)).toBeNull()
    expect(stepToTime(times, 17_000, 1)).toBeNull()
  })
})
