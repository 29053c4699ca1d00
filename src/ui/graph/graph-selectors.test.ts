import { describe, expect, it } from 'vitest'
import type { GraphNode } from '../../engine'
import type { StudioState } from '../../state/store'
import { selectPodIsNew, selectPodPhase } from './graph-selectors'

const node = (over: Partial<GraphNode>): GraphNode => ({
  id: 'n', kind: 'pod', label: 'web', sub: null, badges: [], problems: [], spans: [], reveal: null, count: 1, deployment: null,
  podIndex: null, diagnostics: null, dim: false, parent: null, width: 1, height: 1, ...over,
})
const ref = { namespace: 'default', name: 'web', key: 'default/web', nodeId: 'w' }
const noRun = { simulationRun: null, cursorMs: 0 } as unknown as StudioState

describe('pod selectors read the node\'s data, not its id', () => {
  it('answer null for a node without a Deployment or a place', () => {
    for (const n of [node({ kind: 'workload', deployment: ref }), node({ kind: 'morePods', deployment: ref }), node({ podIndex: 0 })]) {
      expect(selectPodPhase(noRun, n)).toBeNull()
      expect(selectPodIsNew(noRun, n)).toBeNull()
    }
  })

  it('answer null for a pod when no run of its Deployment exists', () => {
    expect(selectPodPhase(noRun, node({ id: 'anything at all', deployment: ref, podIndex: 0 }))).toBeNull()
  })
})
