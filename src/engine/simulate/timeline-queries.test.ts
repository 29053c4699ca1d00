import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { podsOf, simulateOk } from '../testing/rollouts'
import {
  countAtOrBefore,
  countIngressEndpointsAt,
  DISPLAY_PHASES,
  listKilledPods,
  packPodStateAt,
  selectDisplayPhaseAt,
  selectLastReadinessAt,
  selectNewTrafficShareAt,
  unpackPodState,
} from './timeline-queries'
import { buildTimelineView } from './timeline-view'

// The seed's websample: 1 replica, surge 1. The new pod starts at 5 s and is Ready at 16 s; the old one is deleted then.
const graceful = simulateOk({}, { preStopHttpSeconds: 5 })
const immediate = simulateOk({ preStop: null }, { sigterm: 'immediate' })

describe('selectDisplayPhaseAt', () => {
  const t = graceful.timeline
  const killed = listKilledPods(t)
  const [oldPod] = podsOf(graceful, 'old')
  const [newPod] = podsOf(graceful, 'new')

  it.each([
    [2_000, 'ready', 'absent'],
    [5_500, 'ready', 'pending'],
    [7_000, 'ready', 'starting'],
    [12_000, 'ready', 'not-ready'],
    [16_500, 'prestop', 'ready'],
    [21_010, 'draining', 'ready'],
    [30_000, 'gone', 'ready'],
  ] as const)('at %i ms the old pod is %s and the new one %s', (time, old, fresh) => {
    expect(selectDisplayPhaseAt(t, killed, oldPod!, time)).toBe(old)
    expect(selectDisplayPhaseAt(t, killed, newPod!, time)).toBe(fresh)
  })

  it('calls a pod that exited at once on SIGTERM killed, and one that drained gone', () => {
    const [old] = podsOf(immediate, 'old')
    const k = listKilledPods(immediate.timeline)
    expect(k[old!]).toBe(1)
    expect(selectDisplayPhaseAt(immediate.timeline, k, old!, immediate.timeline.endMs - 1)).toBe('killed')
    expect(killed[oldPod!]).toBe(0)
  })

  it('reads the run\'s last moment as the moment just before it (intervals close there)', () => {
    expect(selectDisplayPhaseAt(t, killed, newPod!, t.endMs)).toBe('ready')
    expect(selectDisplayPhaseAt(t, killed, newPod!, t.endMs + 5_000)).toBe('ready')
    expect(countIngressEndpointsAt(t, t.pods[newPod!]!.replicaSet, t.endMs)).toBe(1)
  })

  it('answers absent for a pod index that does not exist', () => {
    expect(selectDisplayPhaseAt(t, killed, 99, 1_000)).toBe('absent')
  })
})

describe('packPodStateAt', () => {
  const t = graceful.timeline
  const killed = listKilledPods(t)
  const [oldPod] = podsOf(graceful, 'old')

  it('packs the phase and the Ready, endpoint, ingress and listening flags', () => {
    expect(unpackPodState(packPodStateAt(t, killed, oldPod!, 2_000))).toEqual({ phase: 'ready', ready: true, endpoint: true, ingress: true, listening: true })
    // Deleted at 16 s: out of the EndpointSlice at once, out of the ingress's view 1 s later (the lag), still listening (preStop).
    expect(unpackPodState(packPodStateAt(t, killed, oldPod!, 16_500))).toEqual({ phase: 'prestop', ready: true, endpoint: false, ingress: true, listening: true })
    expect(unpackPodState(packPodStateAt(t, killed, oldPod!, 17_500))).toMatchObject({ phase: 'prestop', endpoint: false, ingress: false, listening: true })
  })

  it('round-trips every phase with any flags', () => {
    fc.assert(
      fc.property(fc.nat(DISPLAY_PHASES.length - 1), fc.nat(15), (phase, flags) => {
        const bits = phase | (flags << 4)
        const state = unpackPodState(bits)
        expect(state.phase).toBe(DISPLAY_PHASES[phase])
        expect([state.ready, state.endpoint, state.ingress, state.listening]).toEqual([1, 2, 4, 8].map((b) => (flags & b) !== 0))
      }),
    )
  })
})

describe('traffic in the ingress view', () => {
  const t = graceful.timeline
  const oldRs = t.replicaSets.findIndex((rs) => !rs.isNew)
  const newRs = t.replicaSets.findIndex((rs) => rs.isNew)

  it.each([
    [1_000, 1, 0, 0],
    [16_500, 1, 0, 0],
    [17_200, 0, 1, 1],
  ] as const)('at %i ms the ingress has %i old and %i new endpoints (new share %d)', (time, old, fresh, share) => {
    expect(countIngressEndpointsAt(t, oldRs, time)).toBe(old)
    expect(countIngressEndpointsAt(t, newRs, time)).toBe(fresh)
    expect(selectNewTrafficShareAt(t, time)).toBe(share)
  })

  it('shares half and half while both pods are in the view', () => {
    // New pod Ready at 16 s, seen by the ingress at 17 s; the old one leaves it at 17 s too.
    const both = simulateOk({}, { preStopHttpSeconds: 5, endpointRemoveLagSeconds: 3 })
    expect(selectNewTrafficShareAt(both.timeline, 18_000)).toBe(0.5)
  })

  it('is null when the ingress has no endpoint', () => {
    const recreate = simulateOk({ strategy: 'Recreate' }, { preStopHttpSeconds: 5 })
    const gap = Array.from({ length: 200 }, (_, i) => i * 200).find((ms) => ms > 5_000 && selectNewTrafficShareAt(recreate.timeline, ms) === null)
    expect(gap).toBeDefined()
  })
})

describe('countAtOrBefore', () => {
  it.each([
    [[], 5, 0],
    [[1, 2, 3], 0, 0],
    [[1, 2, 3], 2, 2],
    [[1, 2, 2, 3], 2, 3],
    [[1, 2, 3], 9, 3],
  ] as const)('in %j, %i has %i at or before it', (times, at, count) => {
    expect(countAtOrBefore(times, at)).toBe(count)
  })

  it('agrees with a filter on random sorted lists', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 })), fc.integer({ min: -5, max: 105 }), (list, at) => {
        const sorted = [...list].sort((a, b) => a - b)
        expect(countAtOrBefore(sorted, at)).toBe(sorted.filter((x) => x <= at).length)
      }),
    )
  })
})

describe('selectLastReadinessAt', () => {
  it('follows the new pod\'s readiness probes: none, failed at start, passed at 16 s', () => {
    const view = buildTimelineView(graceful)
    const [newPod] = podsOf(graceful, 'new')
    const own = view.readiness.index.subarray(view.readiness.offsets[newPod!], view.readiness.offsets[newPod! + 1])
    expect(selectLastReadinessAt(graceful.timeline, own, 5_500)).toBeNull()
    expect(selectLastReadinessAt(graceful.timeline, own, 7_000)).toBe(false)
    expect(selectLastReadinessAt(graceful.timeline, own, 16_500)).toBe(true)
  })
})
