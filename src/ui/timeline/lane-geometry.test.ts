import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { LaneGroup } from '../../engine'
import { chooseTicks, GROUP_ROW_HEIGHT, layoutLanes, PLOT_LEFT, PLOT_RIGHT, POD_ROW_HEIGHT, timeToX, visibleRows, xToTime } from './lane-geometry'

const group = (replicaSet: number, pods: number[]): LaneGroup => ({ replicaSet, name: `rs${replicaSet}`, revision: replicaSet + 1, image: 'x', isNew: replicaSet > 0, pods })

describe('the time axis', () => {
  it('maps the run onto the plot between the gutters', () => {
    expect(timeToX(0, 10_000, 500)).toBe(PLOT_LEFT)
    expect(timeToX(10_000, 10_000, 500)).toBe(500 - PLOT_RIGHT)
    expect(timeToX(5_000, 10_000, 500)).toBe(PLOT_LEFT + (500 - PLOT_LEFT - PLOT_RIGHT) / 2)
  })

  it('inverts itself, clamped to the run', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600_000 }), fc.integer({ min: 1, max: 600_000 }), fc.integer({ min: 100, max: 4000 }), (ms, end, width) => {
        const t = Math.min(ms, end)
        expect(xToTime(timeToX(t, end, width), end, width)).toBeCloseTo(t, 6)
      }),
    )
    expect(xToTime(-50, 10_000, 500)).toBe(0)
    expect(xToTime(5_000, 10_000, 500)).toBe(10_000)
  })

  it.each([
    [30_000, 500, 5_000],
    [30_000, 2_000, 2_000],
    [10_000, 2_000, 500],
    [600_000, 500, 100_000],
    [2_000, 700, 200],
  ])('puts ticks for %i ms over %i px every %i ms', (end, px, step) => {
    const ticks = chooseTicks(end, px)
    expect(ticks[0]).toBe(0)
    expect(ticks[1]).toBe(step)
    expect(ticks[ticks.length - 1]!).toBeLessThanOrEqual(end)
  })
})

describe('layoutLanes and visibleRows', () => {
  const layout = layoutLanes([group(0, [0, 1]), group(1, [2, 3, 4])])

  it('puts a header before each ReplicaSet\'s pods', () => {
    expect(layout.rows.map((r) => (r.kind === 'group' ? `g${r.group.replicaSet}` : r.pod))).toEqual(['g0', 0, 1, 'g1', 2, 3, 4])
    expect(layout.tops[layout.rows.length]).toBe(2 * GROUP_ROW_HEIGHT + 5 * POD_ROW_HEIGHT)
  })

  it('finds the rows in view', () => {
    expect(visibleRows(layout, 0, 1)).toEqual([0, 1])
    expect(visibleRows(layout, GROUP_ROW_HEIGHT + POD_ROW_HEIGHT, POD_ROW_HEIGHT)).toEqual([2, 4])
    expect(visibleRows(layout, 0, 10_000)).toEqual([0, 7])
  })
})
