/**
 * The layout of a large route graph: one column per kind (controller, hosts, paths, Services, Deployments; for
 * Gateway API GatewayClasses, Gateways, listeners, HTTPRoutes, rules) and, down the columns, one block per host in
 * nginx's order (per listener of each Gateway) with its paths, their Services and Deployments beside them. Linear in the graph's size: ELK's layered layout of 1,500 nodes takes many seconds in a browser worker
 * (longer than the page waits for an answer), this takes milliseconds, and it keeps hosts sorted, which is what a
 * reader looks for in a graph too large to see at once. The answer has ELK's shape, so `readLayout` reads both.
 */
import type { ElkGraphJson } from './layout-input'
import type { GraphNode, GraphNodeKind, RouteGraph } from './types'

/** Above this many nodes the graph is laid out in columns instead of by ELK. */
export const COLUMN_LAYOUT_NODES = 600

/** The gaps of ELK's options (layout-input.ts), so both layouts look alike. */
const LAYER_GAP = 52
const NODE_GAP = 16
const BLOCK_GAP = 28
const PADDING = 16

// Gateway API kinds take columns of their own between the Ingress ones; an empty column takes no width.
const COLUMN: Readonly<Record<GraphNodeKind, number>> = {
  controller: 0,
  gatewayClass: 0,
  gateway: 1,
  host: 2,
  listener: 2,
  defaultBackend: 2,
  httpRoute: 3,
  path: 4,
  routeRule: 4,
  service: 5,
  resource: 5,
  workload: 6,
  // Children of a Deployment: placed inside it by readLayout, never here.
  replicaSet: 6,
  pod: 6,
  morePods: 6,
}
const COLUMNS = 7

/** Top-left corners of the graph's top-level nodes, in columns; see the module comment. */
export function layoutColumns(graph: RouteGraph): ElkGraphJson {
  const top = graph.nodes.filter((node) => node.parent === null)
  const out = new Map<string, string[]>()
  for (const edge of graph.edges) {
    if (edge.kind === 'entry') continue
    const list = out.get(edge.source)
    if (list) list.push(edge.target)
    else out.set(edge.source, [edge.target])
  }
  const byId = new Map(top.map((node) => [node.id, node]))

  const widths = new Array<number>(COLUMNS).fill(0)
  for (const node of top) widths[COLUMN[node.kind]] = Math.max(widths[COLUMN[node.kind]] as number, node.width)
  const xs: number[] = []
  let x = PADDING
  for (let column = 0; column < COLUMNS; column++) {
    xs.push(x)
    if ((widths[column] as number) > 0) x += (widths[column] as number) + LAYER_GAP
  }

  const next = new Array<number>(COLUMNS).fill(PADDING)
  const placed = new Map<string, { x: number; y: number }>()
  const place = (node: GraphNode, atLeast: number): number => {
    const column = COLUMN[node.kind]
    const y = Math.max(next[column] as number, atLeast)
    placed.set(node.id, { x: xs[column] as number, y })
    next[column] = y + node.height + NODE_GAP
    return y
  }
  // A node, then what it leads to that is not placed yet, each no higher than the node that leads to it.
  const placeWithFollowers = (node: GraphNode, atLeast: number): void => {
    const y = place(node, atLeast)
    for (const id of out.get(node.id) ?? []) {
      const follower = byId.get(id)
      if (follower && !placed.has(id)) placeWithFollowers(follower, y)
    }
  }
  const blockTop = (): number => Math.max(...next.slice(1))

  const endBlock = (): void => {
    const after = blockTop() - NODE_GAP + BLOCK_GAP
    for (let column = 1; column < COLUMNS; column++) next[column] = after
  }
  // A Gateway, then one block per listener (its routes, rules, Services and Deployments), as a host's block.
  const placeGateway = (gateway: GraphNode, atLeast: number): void => {
    const y = place(gateway, Math.max(atLeast, blockTop()))
    for (const id of out.get(gateway.id) ?? []) {
      const follower = byId.get(id)
      if (!follower || placed.has(id)) continue
      placeWithFollowers(follower, y)
      endBlock()
    }
  }

  const controller = top.find((node) => node.kind === 'controller')
  if (controller) place(controller, PADDING)
  for (const node of top) {
    if (placed.has(node.id)) continue
    if (node.kind === 'gatewayClass') {
      const y = place(node, blockTop())
      for (const id of out.get(node.id) ?? []) {
        const gateway = byId.get(id)
        if (gateway && !placed.has(id)) placeGateway(gateway, y)
      }
    } else if (node.kind === 'gateway') {
      placeGateway(node, blockTop())
    } else if (node.kind === 'host') {
      placeWithFollowers(node, blockTop())
      endBlock()
    }
  }
  // Everything no host leads to (the default backend, Services and Deployments no route reaches), in graph order.
  const rest = blockTop()
  for (const node of top) if (!placed.has(node.id)) placeWithFollowers(node, rest)

  const children = top.map((node) => ({ id: node.id, width: node.width, height: node.height, ...(placed.get(node.id) as { x: number; y: number }) }))
  const width = children.reduce((w, child) => Math.max(w, child.x + child.width), 0) + PADDING
  const height = children.reduce((h, child) => Math.max(h, child.y + child.height), 0) + PADDING
  return { id: 'root', children, width, height }
}
