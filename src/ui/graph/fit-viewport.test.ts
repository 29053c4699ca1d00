import { describe, expect, it } from 'vitest'
import { NODE_TEXT } from '../../engine/graph/node-size'
import { boundsOf, fitReadable, LABEL_PX, readableZoom } from './fit-viewport'

const pane = { width: 660, height: 600 }

describe('readableZoom', () => {
  it('shows the smallest card label at the asked size', () => {
    expect(readableZoom(LABEL_PX.studio) * Math.min(NODE_TEXT.label, NODE_TEXT.codeLabel)).toBeCloseTo(12)
    expect(readableZoom(LABEL_PX.presentation)).toBeGreaterThan(readableZoom(LABEL_PX.studio))
  })
})

describe('fitReadable', () => {
  const minZoom = readableZoom(12)

  it('centres a graph that fits at a readable zoom, blown up no further than maxZoom', () => {
    const v = fitReadable({ graph: { x: 0, y: 0, width: 300, height: 200 }, focus: null, pane, minZoom, maxZoom: 1, padding: 10 })
    expect(v.zoom).toBe(1)
    expect(v.x).toBe(180)
    expect(v.y).toBe(200)
  })

  it('zooms a graph that fits to fill the pane when that is between the readable and the largest zoom', () => {
    const v = fitReadable({ graph: { x: 0, y: 0, width: 320, height: 290 }, focus: null, pane, minZoom, maxZoom: 3, padding: 10 })
    expect(v.zoom).toBeCloseTo(2)
  })

  it('keeps the readable zoom when the graph does not fit, starting at the graph`s left edge', () => {
    const graph = { x: 0, y: 0, width: 1150, height: 500 }
    const v = fitReadable({ graph, focus: { x: 0, y: 0, width: 380, height: 500 }, pane, minZoom, maxZoom: 1, padding: 10 })
    expect(v.zoom).toBe(minZoom)
    // Horizontally the controller's column sits at the left (not centred with an empty band beside it).
    expect(v.x).toBe(10)
    // Vertically the whole graph fits: centred.
    expect(v.y).toBeCloseTo((600 - 500 * minZoom) / 2)
  })

  it('centres a focus that fits inside a graph that does not', () => {
    const graph = { x: 0, y: 0, width: 4000, height: 4000 }
    const focus = { x: 2000, y: 3000, width: 200, height: 100 }
    const v = fitReadable({ graph, focus, pane, minZoom, maxZoom: 1, padding: 10 })
    expect((focus.x + focus.width / 2) * v.zoom + v.x).toBeCloseTo(pane.width / 2)
    expect((focus.y + focus.height / 2) * v.zoom + v.y).toBeCloseTo(pane.height / 2)
  })

  it('shows the start of a focus larger than the pane', () => {
    const graph = { x: 0, y: 0, width: 1000, height: 60000 }
    const focus = { x: 0, y: 0, width: 400, height: 60000 }
    const v = fitReadable({ graph, focus, pane, minZoom, maxZoom: 1, padding: 10 })
    expect(v.y).toBe(10)
    expect(v.zoom).toBe(minZoom)
  })
})

describe('boundsOf', () => {
  it('is the box around the boxes, or null', () => {
    expect(boundsOf([])).toBeNull()
    expect(boundsOf([{ x: 10, y: 5, width: 10, height: 10 }, { x: -5, y: 20, width: 5, height: 5 }])).toEqual({ x: -5, y: 5, width: 25, height: 20 })
  })
})
