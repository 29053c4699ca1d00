import { describe, expect, it } from 'vitest'
import type { PodState } from './cluster-state'
import { rankPodsForDeletion } from './replica-set'
import { firstStart, intervalsOf, podsOf, simulateOk, stepPairs } from '../testing/rollouts'

describe('RollingUpdate step sequences (docs/rollout.md#rollingupdate, uniform start times)', () => {
  it.each([
    ['3 replicas, 25%/25%', { replicas: 3 }, [[3, 1], [2, 1], [2, 2], [1, 2], [1, 3], [0, 3]]],
    ['10 replicas, 25%/25%', { replicas: 10 }, [[8, 3], [8, 5], [3, 5], [3, 10], [0, 10]]],
    ['3 replicas, 0/1', { replicas: 3, maxSurge: 0, maxUnavailable: 1 }, [[2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 3]]],
    ['3 replicas, 100%/0', { replicas: 3, maxSurge: '100%', maxUnavailable: 0 }, [[3, 3], [0, 3]]],
    ['3 replicas, 0/100%', { replicas: 3, maxSurge: 0, maxUnavailable: '100%' }, [[0, 0], [0, 3]]],
    ['1 replica, 25%/25% (the seed)', { replicas: 1 }, [[1, 1], [0, 1]]],
    ['0 replicas', { replicas: 0 }, [[0, 0]]],
  ] as const)('%s', (_, options, expected) => {
    const r = simulateOk(options)
    expect(stepPairs(r)).toEqual(expected)
    expect(r.complete).toBe(true)
  })

  it('does the first two steps of the 10-replica case in the same instant, then waits for availability', () => {
    const r = simulateOk({ replicas: 10 })
    const times = r.steps.map((s) => s.timeMs)
    expect(times[0]).toBe(5000)
    expect(times[1]).toBe(5000)
    // Pods created at 5 s start at 6 s and pass their second readiness probe at 16 s.
    expect(times.slice(2)).toEqual([16_000, 16_000, 27_000])
    expect(r.steps[0]!.actions).toEqual([expect.stringMatching(/^Scaled up replica set websample-[4-9bcdf]+ to 3$/), expect.stringMatching(/^Scaled down replica set websample-[4-9bcdf]+ to 8$/)])
  })

  it('follows the controller sync latency', () => {
    const r = simulateOk({ replicas: 3 }, { controllerSyncSeconds: 0.5 })
    expect(stepPairs(r)).toEqual([[3, 1], [2, 1], [2, 2], [1, 2], [1, 3], [0, 3]])
    expect(r.steps[0]!.timeMs).toBe(5500)
    expect(r.steps[1]!.timeMs - r.steps[0]!.timeMs).toBeGreaterThan(10_000)
  })

  it('cleans up unhealthy old pods first (cleanupUnhealthyReplicas, not-ready pods deleted first)', () => {
    const r = simulateOk({ replicas: 3 }, { oldUnready: 1 })
    const old = podsOf(r, 'old')
    const deleted = old.filter((p) => r.timeline.pods[p]!.deletedMs !== null).sort((a, b) => r.timeline.pods[a]!.deletedMs! - r.timeline.pods[b]!.deletedMs!)
    expect(intervalsOf(r.timeline.tracks.ready, deleted[0]!)).toEqual([])
    expect(stepPairs(r)[1]).toEqual([2, 1])
    expect(r.conditions[0]).toMatchObject({ type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable' })
  })
})

describe('Recreate (docs/rollout.md#recreate)', () => {
  it('scales old to 0, waits until every old pod is gone, then creates the new ReplicaSet at full size', () => {
    const r = simulateOk({ replicas: 3, strategy: 'Recreate' })
    expect(stepPairs(r)).toEqual([[0, 0], [0, 3]])
    const lastOldGone = Math.max(...podsOf(r, 'old').map((p) => r.timeline.pods[p]!.goneMs!))
    expect(r.steps[0]!.timeMs).toBe(5000)
    expect(r.steps[1]!.timeMs).toBe(lastOldGone)
    expect(r.resolved).toEqual({ maxSurge: 0, maxUnavailable: 0 })
    expect(r.complete).toBe(true)
  })
})

describe('a rollout that stalls (docs/rollout.md#rollingupdate, docs/rollout.md#status-and-conditions)', () => {
  it('stops at (8,5) with 8 available when new pods never become ready', () => {
    const r = simulateOk({ replicas: 10 }, { appStartSeconds: null })
    expect(stepPairs(r)).toEqual([[8, 3], [8, 5]])
    expect(r.complete).toBe(false)
    const counts = r.timeline.replicaSetCounts
    const last = counts.timeMs.length - 1
    const available = (rs: number): number => counts.values[(last * counts.replicaSets + rs) * 5 + 3]!
    expect(available(0)).toBe(8)
    expect(available(1)).toBe(0)
    expect(r.timeline.pods.some((p) => p.restarts > 0)).toBe(true) // liveness kills the app that never listens
  })

  it('keeps full capacity with surge only (1/0): stops at (3,1)', () => {
    const r = simulateOk({ replicas: 3, maxSurge: 1, maxUnavailable: 0 }, { appStartSeconds: null })
    expect(stepPairs(r)).toEqual([[3, 1]])
    expect(r.load.success).toBe(r.load.requests)
  })

  it('turns Progressing False (ProgressDeadlineExceeded) after progressDeadlineSeconds without progress', () => {
    const r = simulateOk({ replicas: 10, progressDeadlineSeconds: 600 }, { appStartSeconds: null })
    expect(r.deadlineExceededMs).toBeGreaterThan(605_000)
    expect(r.deadlineExceededMs).toBeLessThan(606_000)
    expect(r.conditions.filter((c) => c.type === 'Progressing').map((c) => `${c.status}/${c.reason}`)).toEqual([
      'True/NewReplicaSetAvailable',
      'True/NewReplicaSetCreated',
      'True/ReplicaSetUpdated',
      'False/ProgressDeadlineExceeded',
    ])
    expect(r.attack.durationMs).toBeLessThan(620_000)
  })

  it('does not time out a slow rollout that keeps moving, and recovers after a timeout', () => {
    const moving = simulateOk({ replicas: 10, progressDeadlineSeconds: 20 })
    expect(moving.deadlineExceededMs).toBeNull()
    expect(moving.conditions.at(-1)).toMatchObject({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' })
    const recovering = simulateOk({ replicas: 3, progressDeadlineSeconds: 5 }, { durationSeconds: 60 })
    expect(recovering.deadlineExceededMs).toBeGreaterThan(10_000)
    expect(recovering.complete).toBe(true)
    expect(recovering.conditions.at(-1)).toMatchObject({ reason: 'NewReplicaSetAvailable' })
  })

  it('does nothing for a paused Deployment', () => {
    const r = simulateOk({ replicas: 3, paused: true, progressDeadlineSeconds: 600 })
    expect(r.steps).toEqual([])
    expect(r.complete).toBe(false)
    expect(r.conditions.at(-1)).toMatchObject({ type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused' })
  })
})

describe('ReplicaSets and revisions (docs/rollout.md#rollingupdate)', () => {
  it('names the new ReplicaSet <deployment>-<hash>, revision 2, and its pods <rs>-<5 chars>', () => {
    const r = simulateOk({ replicas: 2 })
    const [old, fresh] = r.timeline.replicaSets
    expect(old).toMatchObject({ revision: 1, isNew: false, image: 'acadx0/190713:v1' })
    expect(fresh).toMatchObject({ revision: 2, isNew: true, image: 'acadx0/190713:v2' })
    expect(fresh!.name).toMatch(/^websample-[4-9bcdf]{6,10}$/)
    for (const p of podsOf(r, 'new')) expect(r.timeline.pods[p]!.name).toMatch(new RegExp(`^${fresh!.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`))
  })

  it('deletes surplus old ReplicaSets once complete when revisionHistoryLimit is 0, keeps them when unlimited', () => {
    expect(simulateOk({ replicas: 2, revisionHistoryLimit: 0 }).timeline.replicaSets[0]!.deleted).toBe(true)
    expect(simulateOk({ replicas: 2, revisionHistoryLimit: null }).timeline.replicaSets[0]!.deleted).toBe(false)
  })

  it('changes nothing when the new image equals the old one', () => {
    const r = simulateOk({ replicas: 2 }, { image: 'acadx0/190713:v1' })
    expect(r.steps).toEqual([])
    expect(r.load.success).toBe(r.load.requests)
  })
})

describe('rankPodsForDeletion (ActivePodsWithRanks)', () => {
  const pod = (index: number, o: Partial<PodState>): PodState =>
    ({ index, containerStarts: 1, ready: true, readySinceMs: 0, restarts: 0, createdMs: 0, ...o }) as PodState

  it('deletes not started, then not ready, then recently ready, then restarted, then newer pods first', () => {
    const now = 1_000_000
    const pods = [
      pod(0, {}),
      pod(1, { readySinceMs: now - 1_000 }),
      pod(2, { ready: false }),
      pod(3, { containerStarts: 0, ready: false }),
      pod(4, { restarts: 2 }),
      pod(5, { createdMs: 10 }),
    ]
    expect(rankPodsForDeletion(pods, now).map((p) => p.index)).toEqual([3, 2, 1, 4, 5, 0])
  })

  it('treats ready times in the same power-of-two bucket as equal', () => {
    const now = 1_000_000
    const a = pod(0, { readySinceMs: now - 600 })
    const b = pod(1, { readySinceMs: now - 700 })
    expect(rankPodsForDeletion([a, b], now).map((p) => p.index)).toEqual([1, 0])
  })

  it('reports first-ready times of new pods that the probes explain', () => {
    const r = simulateOk({ replicas: 1 })
    expect(firstStart(r.timeline.tracks.ready, podsOf(r, 'new')[0]!)).toBe(16_000)
  })
})
