/**
 * The relations the context-aware rules ask about: which Deployments a Service selects, which Services an
 * Ingress routes to, and so which pods are behind a Service or behind an Ingress. Built once per analysis in
 * time linear in the objects plus the pairs related: selectors find their pod templates through a label index
 * (`label-index.ts`) within the Service's namespace, never by comparing every Service with every Deployment.
 */
import type { ClusterModel, Container, ContainerPort, Deployment, Ingress, IngressBackend, IntOrString, Secret, Service } from '../model/types'
import { buildLabelIndex } from './label-index'

export { selects } from './label-index'

export interface BackendUse {
  readonly ingress: Ingress
  readonly backend: Extract<IngressBackend, { type: 'service' }>
}

export interface ClusterIndex {
  service(namespace: string, name: string): Service | undefined
  secret(namespace: string, name: string): Secret | undefined
  /** The first Deployment (in document order) with this name in the namespace. */
  deployment(namespace: string, name: string): Deployment | undefined
  servicesIn(namespace: string): readonly Service[]
  /** Deployments whose pod template the Service's selector matches. */
  selectedBy(service: Service): readonly Deployment[]
  /** Services selecting the Deployment's pods. */
  servicesOf(deployment: Deployment): readonly Service[]
  /** Ingress backends naming the Service (rules and defaultBackend). */
  ingressUses(service: Service): readonly BackendUse[]
  /** True when some Ingress routes to a Service that selects the Deployment. */
  behindIngress(deployment: Deployment): boolean
  readonly backends: readonly BackendUse[]
  hasDeployments(namespace: string): boolean
  readonly hasServices: boolean
  readonly hasSecrets: boolean
}

const key = (namespace: string, name: string): string => `${namespace}/${name}`

function backendsOf(ingress: Ingress): BackendUse[] {
  const out: BackendUse[] = []
  const take = (backend: IngressBackend | undefined): void => {
    if (backend?.type === 'service') out.push({ ingress, backend })
  }
  take(ingress.defaultBackend)
  for (const rule of ingress.rules) for (const path of rule.paths) take(path.backend)
  return out
}

export function buildClusterIndex(model: ClusterModel): ClusterIndex {
  const services = new Map(model.services.map((s) => [key(s.meta.namespace, s.meta.name), s]))
  const secrets = new Map(model.secrets.map((s) => [key(s.meta.namespace, s.meta.name), s]))
  const deployments = new Map<string, Deployment>()
  for (const d of model.deployments) if (!deployments.has(key(d.meta.namespace, d.meta.name))) deployments.set(key(d.meta.namespace, d.meta.name), d)
  const servicesByNs = groupBy(model.services, (service) => service.meta.namespace)
  const pods = buildLabelIndex(model.deployments, (d) => d.meta.namespace, (d) => d.template.labels)
  const selected = new Map<Service, readonly Deployment[]>()
  const selecting = new Map<Deployment, Service[]>()
  for (const service of model.services) {
    const targets = pods.selectedBy(service.meta.namespace, service.selector)
    if (targets.length === 0) continue
    selected.set(service, targets)
    for (const deployment of targets) pushTo(selecting, deployment, service)
  }
  const backends = model.ingresses.flatMap(backendsOf)
  const uses = new Map<Service, BackendUse[]>()
  for (const use of backends) {
    const service = services.get(key(use.ingress.meta.namespace, use.backend.service))
    if (service) pushTo(uses, service, use)
  }
  const deploymentNamespaces = new Set(model.deployments.map((d) => d.meta.namespace))
  return {
    service: (namespace, name) => services.get(key(namespace, name)),
    secret: (namespace, name) => secrets.get(key(namespace, name)),
    deployment: (namespace, name) => deployments.get(key(namespace, name)),
    servicesIn: (namespace) => servicesByNs.get(namespace) ?? [],
    selectedBy: (service) => selected.get(service) ?? [],
    servicesOf: (deployment) => selecting.get(deployment) ?? [],
    ingressUses: (service) => uses.get(service) ?? [],
    behindIngress: (deployment) => (selecting.get(deployment) ?? []).some((service) => uses.has(service)),
    backends,
    hasDeployments: (namespace) => deploymentNamespaces.has(namespace),
    hasServices: model.services.length > 0,
    hasSecrets: model.secrets.length > 0,
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) pushTo(groups, keyOf(item), item)
  return groups
}

/** The container port a probe, Service targetPort or backend names (by number or by name). */
export function findContainerPort(container: Container, port: IntOrString): ContainerPort | undefined {
  return container.ports.find((p) => (typeof port === 'number' ? p.containerPort === port : p.name === port))
}

/**
 * The containers of `deployment` that serve its Services: those exposing a targeted port, else (no port
 * declared anywhere) every container, since an undeclared port still receives traffic.
 */
export function servingContainers(deployment: Deployment, services: readonly Service[]): { container: Container; index: number; port: number | null }[] {
  const containers = deployment.template.containers.map((container, index) => ({ container, index }))
  const matched: { container: Container; index: number; port: number | null }[] = []
  for (const { container, index } of containers) {
    for (const service of services) {
      for (const servicePort of service.ports) {
        const found = findContainerPort(container, servicePort.targetPort)
        if (found && !matched.some((m) => m.index === index)) matched.push({ container, index, port: found.containerPort })
      }
    }
  }
  if (matched.length > 0) return matched
  const numeric = services.flatMap((s) => s.ports).map((p) => p.targetPort).find((p): p is number => typeof p === 'number') ?? null
  return containers.map(({ container, index }) => ({ container, index, port: container.ports[0]?.containerPort ?? numeric }))
}
