import { describe, expect, it } from 'vitest'
import { analyzeDetailed, buildRouteView, routeRequest, traceRouteInGraph } from '../../engine'
import { SEED_MANIFEST } from '../../presets/seed'
import { NO_GRAPH_FILTER } from '../../state/slices/graph-slice'
import { isFilterActive, matchingValues, visibleNodeIds } from './graph-filter'

const seed = buildRouteView(analyzeDetailed([{ name: 'seed.yaml', text: SEED_MANIFEST }])).view
const tested = traceRouteInGraph(seed.graph, routeRequest(buildRouteView(analyzeDetailed([{ name: 'seed.yaml', text: SEED_MANIFEST }])).compiled, { url: 'http://foo.bar.com/foos1/abc' }))

describe('visibleNodeIds', () => {
  it('shows everything without a filter, and with "only tested" but nothing tested', () => {
    expect(visibleNodeIds(seed.graph, NO_GRAPH_FILTER, null)).toBeNull()
    expect(visibleNodeIds(seed.graph, { ...NO_GRAPH_FILTER, onlyTested: true }, null)).toBeNull()
    expect(isFilterActive({ ...NO_GRAPH_FILTER, text: '  ' }, null)).toBe(false)
  })

  it('narrows to a host: its routes, the controller, and the parents of every pod', () => {
    const shown = visibleNodeIds(seed.graph, { facet: 'host', text: 'kube-book', onlyTested: false }, null)!
    expect(shown.has('controller')).toBe(true)
    expect(shown.has('host:kube-book.com')).toBe(true)
    expect(shown.has('svc:default/s1')).toBe(true)
    expect(shown.has('pod:default/s1:0')).toBe(true)
    expect(shown.has('rs:default/s1')).toBe(true)
    expect(shown.has('host:foo.bar.com')).toBe(false)
    expect(shown.size).toBeLessThan(seed.graph.nodes.length)
  })

  it('searches every facet with "any", case-insensitively', () => {
    const values = matchingValues(seed.graph.facets, { facet: 'any', text: 'WEBSAMPLE', onlyTested: false })
    expect(values.map((entry) => `${entry.facet}:${entry.value}`)).toEqual(['ingress:default/websample-ing', 'service:default/websample'])
    expect(matchingValues(seed.graph.facets, { facet: 'host', text: 'websample', onlyTested: false })).toEqual([])
  })

  it('shows only the tested route, with its pods, and intersects it with a search', () => {
    const shown = visibleNodeIds(seed.graph, { ...NO_GRAPH_FILTER, onlyTested: true }, tested)!
    expect([...shown].sort()).toEqual([...tested.nodes].sort())
    const none = visibleNodeIds(seed.graph, { facet: 'host', text: 'bar.foo.com', onlyTested: true }, tested)!
    expect([...none]).toEqual(['controller'])
  })
})
