import { describe, expect, it } from 'vitest'
import { formatMessage } from '../messages/render'
import { OUTCOMES } from './load'
import { podsOf, simulateOk } from '../testing/rollouts'
import { buildTimelineView } from './timeline-view'

const clean = simulateOk({}, { preStopHttpSeconds: 5 })
const failing = simulateOk({ preStop: null, replicas: 3 }, { sigterm: 'immediate' })

describe('buildTimelineView', () => {
  it('puts the old ReplicaSet first and the new one last, each pod in exactly one lane', () => {
    const view = buildTimelineView(failing)
    expect(view.groups.map((g) => g.isNew)).toEqual([false, true])
    expect(view.groups[0]!.pods).toEqual(podsOf(failing, 'old'))
    expect(view.groups[1]!.pods).toEqual(podsOf(failing, 'new'))
    expect(view.groups.flatMap((g) => g.pods).sort((a, b) => a - b)).toEqual(failing.timeline.pods.map((_, i) => i))
  })

  it('labels pods by the suffix after their ReplicaSet name', () => {
    const view = buildTimelineView(failing)
    view.podLabels.forEach((label, p) => {
      const pod = failing.timeline.pods[p]!
      expect(label).toMatch(/^[a-z0-9]{5}$/)
      expect(pod.name).toBe(`${failing.timeline.replicaSets[pod.replicaSet]!.name}-${label}`)
    })
  })

  it('indexes every kept failure under its pod, in time order', () => {
    const view = buildTimelineView(failing)
    const kept = failing.failures.kept
    expect(kept.length).toBeGreaterThan(0)
    const seen: number[] = []
    for (let p = 0; p < failing.timeline.pods.length; p++) {
      const own = Array.from(view.failuresByPod.index.subarray(view.failuresByPod.offsets[p], view.failuresByPod.offsets[p + 1]))
      own.forEach((i) => expect(kept[i]!.pod).toBe(p))
      expect(own.map((i) => kept[i]!.sentMs)).toEqual([...own.map((i) => kept[i]!.sentMs)].sort((a, b) => a - b))
      seen.push(...own)
    }
    expect(seen.sort((a, b) => a - b)).toEqual(kept.map((_, i) => i).filter((i) => kept[i]!.pod >= 0))
    expect(Array.from(view.failureTimes)).toEqual(kept.map((f) => f.sentMs))
  })

  it('steps between sorted, distinct marks that include the template change and the completion', () => {
    const view = buildTimelineView(clean)
    const marks = Array.from(view.marks)
    expect(marks).toEqual([...new Set(marks)].sort((a, b) => a - b))
    expect(marks).toContain(5_000)
    expect(marks).toContain(clean.completeMs)
    expect(marks.every((m) => m >= 0 && m <= view.endMs)).toBe(true)
  })

  it('has outcome series that add up to the load, and a traffic step series from 0 to the end', () => {
    for (const r of [clean, failing]) {
      const { series } = buildTimelineView(r)
      expect(series.outcomes).toHaveLength(OUTCOMES.length)
      const total = series.outcomes.reduce((n, s) => n + s.reduce((a, b) => a + b, 0), 0)
      expect(total).toBe(r.load.requests)
      expect(series.outcomes[0]!.reduce((a, b) => a + b, 0)).toBe(r.load.success)
      expect(series.trafficX[0]).toBe(0)
      expect(series.trafficX[series.trafficX.length - 1]).toBe(r.timeline.endMs / 1000)
      expect(series.traffic).toHaveLength(r.timeline.replicaSets.length)
    }
  })

  it('shows the ingress moving from the old ReplicaSet to the new one', () => {
    const { series, groups } = buildTimelineView(failing)
    const oldRs = groups[0]!.replicaSet
    const newRs = groups[1]!.replicaSet
    expect(series.traffic[oldRs]![0]).toBe(3)
    expect(series.traffic[newRs]![0]).toBe(0)
    const last = series.trafficX.length - 1
    expect(series.traffic[oldRs]![last]).toBe(0)
    expect(series.traffic[newRs]![last]).toBe(3)
  })

  it('gives advice for exactly the failure details of the run, and the whole-run report', () => {
    const view = buildTimelineView(failing)
    expect(Object.keys(view.advice).sort()).toEqual(Object.keys(failing.failures.byDetail).sort())
    for (const advice of Object.values(view.advice)) expect(formatMessage(advice!.fix).length).toBeGreaterThan(10)
    expect(view.report.requests).toBe(failing.load.requests)
    expect(view.report.success).toBe(failing.load.success)
    expect(view.report.text).toMatch(/^Requests +\[total, rate, throughput\]/)
    expect(buildTimelineView(clean).advice).toEqual({})
  })

  it('marks the pods that ended abruptly', () => {
    const view = buildTimelineView(failing)
    expect(podsOf(failing, 'old').map((p) => view.killed[p])).toEqual([1, 1, 1])
    expect(podsOf(failing, 'new').map((p) => view.killed[p])).toEqual([0, 0, 0])
  })
})
