import { describe, expect, it } from 'vitest'
import { computeIngressView, countPerReplicaSet, findRow } from './endpoints'
import { createIntervalRecorder, findInterval, Track, valueAt } from './interval-recorder'

function endpointTrack(perPod: [number, number][][], endMs: number) {
  const rec = createIntervalRecorder()
  perPod.forEach((list, p) => {
    rec.set(p, Track.phase, 3, -1)
    for (const [s, e] of list) {
      rec.set(p, Track.endpoint, 1, s)
      if (e < endMs) rec.set(p, Track.endpoint, null, e)
    }
  })
  return rec.finish(endMs)[Track.endpoint]!
}

describe('interval recorder', () => {
  it('records value changes as half-open intervals and finds them by binary search', () => {
    const rec = createIntervalRecorder()
    rec.set(0, Track.phase, 0, 0)
    rec.set(0, Track.phase, 1, 10)
    rec.set(0, Track.phase, 1, 12)
    rec.set(0, Track.phase, 3, 20)
    rec.set(0, Track.phase, 2, 20) // zero-length: dropped
    rec.set(0, Track.phase, null, 30)
    rec.set(1, Track.phase, 5, 5)
    const phase = rec.finish(100)[Track.phase]!
    expect([...phase.startMs]).toEqual([0, 10, 20, 5])
    expect([...phase.endMs]).toEqual([10, 20, 30, 100])
    expect(valueAt(phase, 0, 9.99)).toBe(0)
    expect(valueAt(phase, 0, 10)).toBe(1)
    expect(valueAt(phase, 0, 25)).toBe(2)
    expect(valueAt(phase, 0, 30)).toBe(-1)
    expect(valueAt(phase, 1, 99)).toBe(5)
    expect(findInterval(phase, 7, 1)).toBe(-1)
  })
})

describe('computeIngressView', () => {
  it('shifts joins by the add lag and leaves by the remove lag, merging what overlaps', () => {
    const endpoint = endpointTrack([[[0, 10_000]], [[5_000, 6_000], [6_500, 9_000]], [[2_000, 2_500]]], 20_000)
    const view = computeIngressView(endpoint, 1_000, 2_000, 20_000)
    expect([...view.offsets]).toEqual([0, 1, 2, 3])
    expect([view.startMs[0], view.endMs[0]]).toEqual([1_000, 12_000])
    expect([view.startMs[1], view.endMs[1]]).toEqual([6_000, 11_000])
    expect([view.startMs[2], view.endMs[2]]).toEqual([3_000, 4_500])
    // A blip shorter than (add lag − remove lag) never reaches the ingress.
    expect([...computeIngressView(endpoint, 2_000, 0, 20_000).offsets]).toEqual([0, 1, 2, 2])
  })

  it('keeps an endpoint open at the end of the simulation open', () => {
    const view = computeIngressView(endpointTrack([[[0, 20_000]]], 20_000), 1_000, 1_000, 20_000)
    expect([view.startMs[0], view.endMs[0]]).toEqual([1_000, 20_000])
  })
})

describe('countPerReplicaSet', () => {
  it('counts members per ReplicaSet at every change', () => {
    const endpoint = endpointTrack([[[0, 10]], [[5, 20]], [[5, 15]]], 30)
    const series = countPerReplicaSet(endpoint, [0, 1, 1], 2)
    expect([...series.timeMs]).toEqual([0, 5, 10, 15, 20])
    expect([...series.counts]).toEqual([1, 0, 1, 2, 0, 2, 0, 1, 0, 0])
    expect(findRow(series, 7)).toBe(1)
    expect(findRow(series, -1)).toBe(-1)
  })
})
