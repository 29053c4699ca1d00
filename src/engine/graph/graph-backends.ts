/**
 * The right half of the route graph: Services (ports, selector; missing ones as dangling nodes), resource
 * backends, the Deployments a Service selects, each Deployment's current ReplicaSet and its pods — collapsed
 * into a "+N pods" node above a limit.
 */
import type { Deployment, DeploymentStrategy, Service } from '../model/types'
import { backendWorld, endpointsReason, matchServicePort } from '../route/backend-availability'
import type { BackendRef } from '../route/types'
import { addBadge, addProblem, addSpan, type DraftNode } from './graph-draft'
import { REPLICA_SET_METRICS, replicaSetHeight } from './node-size'
import { qualifiedName, toSourceSpan, type GraphContext } from './graph-context'
import { objectKey } from '../model/object-key'
import { podNodeId } from '../model/pod-ref'
import type { GraphDeploymentRef, GraphEdgeKind, GraphProblem } from './types'

/** Pods drawn per ReplicaSet by default before the rest collapse into "+N pods". */
export const POD_NODES_MAX = 6
/** Pods drawn for an expanded ReplicaSet at most (a Deployment may ask for thousands). */
export const POD_NODES_HARD_MAX = 60

// Node ids: built here and nowhere else. They only need to be unique and stable across edits; what a consumer
// needs to know about a node (its Deployment, a pod's place) is data on the node, never read out of its id.
export const serviceId = (namespace: string, name: string): string => `svc:${namespace}/${name}`
export const workloadId = (deployment: Deployment): string => `deploy:${objectKey(deployment.meta.namespace, deployment.meta.name)}`
export const replicaSetId = (deployment: Deployment): string => `rs:${objectKey(deployment.meta.namespace, deployment.meta.name)}`
export const podId = (deployment: Deployment, index: number): string => podNodeId(deployment.meta.namespace, deployment.meta.name, index)
export const morePodsId = (deployment: Deployment): string => `pods:${objectKey(deployment.meta.namespace, deployment.meta.name)}:more`

/** What the Deployment's nodes (its card, ReplicaSet, pods) carry about it. */
export function deploymentRefOf(deployment: Deployment): GraphDeploymentRef {
  const { namespace, name } = deployment.meta
  return { namespace, name, key: objectKey(namespace, name), nodeId: workloadId(deployment) }
}

function describePorts(service: Service): string {
  const ports = service.ports.map((p) => (String(p.targetPort) === String(p.port) ? String(p.port) : `${p.port}→${p.targetPort}`))
  if (service.type === 'ExternalName') return `ExternalName ${service.externalName ?? ''}`.trim()
  return [service.type === 'ClusterIP' ? null : service.type, ports.join(', ') || null].filter((part) => part !== null).join(' · ')
}

function describeSelector(selector: Readonly<Record<string, string>>): string {
  return Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(', ')
}

/** The Service node for `namespace/name`, created on first use (a dangling one when the manifests lack it). */
export function ensureServiceNode(ctx: GraphContext, namespace: string, name: string): DraftNode {
  const id = serviceId(namespace, name)
  const existing = ctx.draft.nodes.get(id)
  if (existing) return existing
  const service = ctx.index.service(namespace, name)
  const node = ctx.draft.node({ id, kind: 'service', label: qualifiedName(namespace, name) })
  ctx.objects.set(id, { namespace, name })
  if (!service) {
    // An Ingress pasted without its Services is not flagged (as the ingress-service-missing lint does).
    if (ctx.index.hasServices) addProblem(node, { code: 'service-missing', subject: name, detail: namespace })
    return node
  }
  node.sub = describePorts(service) || null
  if (service.selector && Object.keys(service.selector).length > 0) addBadge(node, { kind: 'selector', text: describeSelector(service.selector) })
  addSpan(node, toSourceSpan(service.source, service.source.span))
  return node
}

/** Links a path to the Service backend it names, flagging a port the Service does not have. */
export function linkBackend(ctx: GraphContext, fromId: string, backend: BackendRef, options: { kind?: GraphEdgeKind; label?: string; dim?: boolean; upstream?: string } = {}): void {
  const node = ensureServiceNode(ctx, backend.namespace, backend.service)
  const service = ctx.index.service(backend.namespace, backend.service)
  const port = backend.port
  // The port as routing matches it (number, targetPort or name: backend-availability.ts); '' is a first port.
  const hasPort = !service || port === '' || service.type === 'ExternalName' || matchServicePort(service, port) !== undefined
  const problem: GraphProblem | null = hasPort ? null : { code: 'port-missing', subject: String(port), detail: backend.service }
  ctx.draft.edge(fromId, node.id, options.kind ?? 'backend', options.label ?? `:${port}`, problem, options.dim ?? false)
  if (options.upstream) ctx.lookup.upstreams[options.upstream] = node.id
}

function describeStrategy(strategy: DeploymentStrategy): string {
  return strategy.type === 'Recreate' ? 'Recreate' : `RollingUpdate ${strategy.maxSurge}/${strategy.maxUnavailable}`
}

function addPods(ctx: GraphContext, deployment: Deployment, rs: DraftNode, podLimit: number, expanded: boolean): number {
  const replicas = deployment.replicas
  const limit = expanded ? POD_NODES_HARD_MAX : podLimit
  const shown = replicas <= limit ? replicas : limit - 1
  const template = toSourceSpan(deployment.source, ctx.span(deployment.source, ['spec', 'template']))
  const ref = rs.deployment
  for (let i = 0; i < shown; i++) {
    ctx.draft.node({ id: podId(deployment, i), kind: 'pod', label: deployment.meta.name, count: i + 1, podIndex: i, deployment: ref, parent: rs.id, reveal: template })
  }
  const hidden = replicas - shown
  if (hidden > 0) {
    ctx.draft.node({ id: morePodsId(deployment), kind: 'morePods', label: deployment.meta.name, count: hidden, deployment: ref, parent: rs.id, reveal: template })
  }
  rs.children = shown + (hidden > 0 ? 1 : 0)
  return hidden
}

/**
 * Adds every Service of the model not yet drawn, the Deployments they select (and every other Deployment), the
 * ReplicaSets and pods. Returns how many pods were collapsed into "+N pods" nodes.
 */
export function addWorkloads(ctx: GraphContext, podLimit: number, expanded: ReadonlySet<string>): number {
  for (const service of ctx.model.services) ensureServiceNode(ctx, service.meta.namespace, service.meta.name)
  for (const service of ctx.model.services) {
    const node = ctx.draft.nodes.get(serviceId(service.meta.namespace, service.meta.name)) as DraftNode
    const selected = ctx.index.selectedBy(service)
    ctx.lookup.workloads[node.id] = selected.map(workloadId)
    const targets = [...new Set(service.ports.map((p) => String(p.targetPort)))]
    for (const deployment of selected) {
      ctx.draft.edge(node.id, workloadId(deployment), 'selects', targets.length > 0 ? `:${targets.join(', :')}` : null)
    }
    if (service.type === 'ExternalName') continue
    const selector = service.selector ?? {}
    // The rule routing answers by (backend-availability.ts): the same Services have no endpoints here.
    const reason = endpointsReason(backendWorld(ctx.model), service, undefined)
    if (Object.keys(selector).length === 0) addProblem(node, { code: 'no-selector', subject: service.meta.name })
    else if (reason === 'selects-nothing') addProblem(node, { code: 'selects-nothing', subject: describeSelector(selector) })
    else if (reason === 'zero-replicas') addProblem(node, { code: 'no-endpoints', subject: service.meta.name })
  }
  let hidden = 0
  const limit = Number.isFinite(podLimit) && podLimit >= 1 ? Math.floor(podLimit) : POD_NODES_MAX
  for (const deployment of ctx.model.deployments) {
    const ref = deploymentRefOf(deployment)
    const workload = ctx.draft.node({ id: ref.nodeId, kind: 'workload', label: qualifiedName(deployment.meta.namespace, deployment.meta.name), deployment: ref })
    workload.sub = deployment.template.containers[0]?.image ?? null
    addBadge(workload, { kind: 'strategy', text: describeStrategy(deployment.strategy) })
    addSpan(workload, toSourceSpan(deployment.source, deployment.source.span))
    // The ReplicaSet sits inside its Deployment's card, and its pods inside it: ownership drawn as containment.
    const rs = ctx.draft.node({ id: replicaSetId(deployment), kind: 'replicaSet', label: deployment.meta.name, count: deployment.replicas, deployment: ref, parent: workload.id })
    rs.reveal = toSourceSpan(deployment.source, ctx.span(deployment.source, ['spec', 'replicas']))
    hidden += addPods(ctx, deployment, rs, limit, expanded.has(workload.id))
    workload.inner = replicaSetHeight(rs.children) + REPLICA_SET_METRICS.inset
  }
  return hidden
}
