import { describe, expect, it } from 'vitest'
import { routeGatewayRequest } from '../gateway/route-gateway-request'
import { STORE_SCENARIO } from '../testing/gateway-graph-yaml'
import { graphOf } from '../testing/route-graph'
import { traceGatewayRouteInGraph } from './trace-gateway-route'

const RULE = (rule: number) => `rule:shop/store|spec.rules.${rule}`

describe('traceGatewayRouteInGraph', () => {
  const g = graphOf(STORE_SCENARIO)
  const { compiledGateways } = g
  const light = (url: string, method = 'GET') => {
    const result = routeGatewayRequest(compiledGateways, 'infra/web', { url, method })
    return { result, highlight: traceGatewayRouteInGraph(g.graph, result) }
  }
  /** Every lit edge joins two lit nodes, and each lit top-level node after the first is entered by a lit edge. */
  const connected = (highlight: { nodes: readonly string[]; edges: readonly string[] }) => {
    const edges = g.graph.edges.filter((edge) => highlight.edges.includes(edge.id))
    for (const edge of edges) expect(highlight.nodes).toEqual(expect.arrayContaining([edge.source, edge.target]))
    const top = highlight.nodes.filter((id) => g.node(id).parent === null)
    for (const id of top.slice(1)) expect(edges.some((edge) => edge.target === id)).toBe(true)
  }

  it('lights class → Gateway → listener → route → rule → Service → Deployment, its ReplicaSet and pods for a routed request', () => {
    const { result, highlight } = light('http://store.example.com/api/cart')
    expect(result.status).toBe(200)
    const service = `svc:shop/${result.service}`
    expect(highlight.nodes.slice(0, 6)).toEqual(['gwclass:studio', 'gw:infra/web', 'listener:infra/web|http', 'httproute:shop/store', RULE(0), service])
    expect(highlight.end).toBe(service)
    if (result.service === 'api') expect(highlight.nodes).toEqual(expect.arrayContaining(['deploy:shop/api', 'rs:shop/api', 'pod:shop/api:0']))
    connected(highlight)
  })

  it('takes the HTTPS listener for an https URL', () => {
    const { highlight } = light('https://store.example.com/api')
    expect(highlight.nodes).toContain('listener:infra/web|https')
    expect(highlight.nodes).not.toContain('listener:infra/web|http')
    connected(highlight)
  })

  it('ends at the listener when no route matches (404)', () => {
    const { result, highlight } = light('http://store.example.com/nothing-here')
    expect(result.status).toBe(404)
    expect(highlight).toMatchObject({ nodes: ['gwclass:studio', 'gw:infra/web', 'listener:infra/web|http'], end: 'listener:infra/web|http' })
  })

  it('ends at the refused Service for a rule whose only backendRef is refused (500); no workload lit', () => {
    const { result, highlight } = light('http://store.example.com/legacy')
    expect(result).toMatchObject({ status: 500, backendIndex: 0 })
    expect(highlight.nodes).toContain(RULE(1))
    expect(highlight.end).toBe('svc:other/legacy')
    expect(highlight.nodes.some((id) => g.node(id).kind === 'workload')).toBe(false)
    connected(highlight)
  })

  it('lights nothing for a result of another text (unknown Gateway)', () => {
    const { result } = light('http://store.example.com/api')
    expect(traceGatewayRouteInGraph(g.graph, { ...result, gateway: 'elsewhere/gw' })).toEqual({ nodes: [], edges: [], end: null })
    expect(traceGatewayRouteInGraph(g.graph, { ...result, gateway: null })).toEqual({ nodes: [], edges: [], end: null })
  })
})
