/**
 * Test support for the route graph: analyse YAML text, build the route view, and look nodes up by id or label.
 */
import { analyzeDetailed } from '../analyze'
import { buildRouteView, type RouteViewOptions } from './build-route-view'
import type { GraphEdge, GraphNode, RouteGraph } from './types'
import type { CompiledRoutes } from '../route/types'
import type { RouteView } from './build-route-view'

export interface GraphFixture {
  readonly text: string
  readonly view: RouteView
  readonly graph: RouteGraph
  readonly compiled: CompiledRoutes
  /** The node with this id; throws when there is none, so a test fails with the id in the message. */
  node(id: string): GraphNode
  /** Nodes of a kind, by label. */
  labelled(kind: GraphNode['kind'], label: string): GraphNode[]
  /** The edge from `source` to `target`, if any. */
  edge(source: string, target: string): GraphEdge | undefined
  /** The text each span of the node covers. */
  spanTexts(node: GraphNode): string[]
}

export function graphOf(text: string, options: RouteViewOptions = {}): GraphFixture {
  const { compiled, view } = buildRouteView(analyzeDetailed([{ name: 'test.yaml', text }]), options)
  const graph = view.graph
  return {
    text,
    view,
    graph,
    compiled,
    node(id) {
      const found = graph.nodes.find((n) => n.id === id)
      if (!found) throw new Error(`no node ${id}; nodes: ${graph.nodes.map((n) => n.id).join(', ')}`)
      return found
    },
    labelled: (kind, label) => graph.nodes.filter((n) => n.kind === kind && n.label === label),
    edge: (source, target) => graph.edges.find((e) => e.source === source && e.target === target),
    spanTexts: (node) => node.spans.map((span) => text.slice(span.start, span.end)),
  }
}

/** A Deployment, and a Service selecting it, both named `name`. */
export function backendYaml(name: string, replicas = 2, port = 80): string {
  return `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
  - port: ${port}
    targetPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: app
        image: example/${name}:1
        ports:
        - containerPort: 8080
`
}

/** A networking.k8s.io/v1 Ingress with one rule per `[host, path, service, port]`. */
export function ingressYaml(name: string, rules: readonly (readonly [string, string, string, number | string])[], extra = ''): string {
  const body = rules.map(([host, path, service, port]) => `  - ${host ? `host: "${host}"\n    ` : ''}http:
      paths:
      - path: ${path}
        pathType: Prefix
        backend:
          service:
            name: ${service}
            port:
              ${typeof port === 'number' ? `number: ${port}` : `name: ${port}`}`).join('\n')
  return `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
${extra}spec:
  rules:
${body}
`
}
