/**
 * The relations the context-aware rules ask about: which Deployments a Service selects, which Services an
 * Ingress routes to, and so which pods are behind a Service or behind an Ingress. Built once per analysis,
 * linear in the number of objects (selectors are compared within a namespace only).
 */
import type { ClusterModel, Container, ContainerPort, Deployment, Ingress, IngressBackend, IntOrString, Secret, Service } from '../model/types'

export interface BackendUse {
  readonly ingress: Ingress
  readonly backend: Extract<IngressBackend, { type: 'service' }>
}

export interface ClusterIndex {
  service(namespace: string, name: string): Service | undefined
  secret(namespace: string, name: string): Secret | undefined
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

/** True when every selector label is on the template (an empty or absent selector selects nothing here). */
export function selects(selector: Readonly<Record<string, string>> | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (!selector) return false
  const entries = Object.entries(selector)
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v)
}

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
  const servicesByNs = new Map<string, Service[]>()
  for (const service of model.services) servicesByNs.set(service.meta.namespace, [...(servicesByNs.get(service.meta.namespace) ?? []), service])
  const selected = new Map<Service, Deployment[]>()
  const selecting = new Map<Deployment, Service[]>()
  for (const deployment of model.deployments) {
    for (const service of servicesByNs.get(deployment.meta.namespace) ?? []) {
      if (!selects(service.selector, deployment.template.labels)) continue
      selected.set(service, [...(selected.get(service) ?? []), deployment])
      selecting.set(deployment, [...(selecting.get(deployment) ?? []), service])
    }
  }
  const backends = model.ingresses.flatMap(backendsOf)
  const uses = new Map<Service, BackendUse[]>()
  for (const use of backends) {
    const service = services.get(key(use.ingress.meta.namespace, use.backend.service))
    if (service) uses.set(service, [...(uses.get(service) ?? []), use])
  }
  const deploymentNamespaces = new Set(model.deployments.map((d) => d.meta.namespace))
  return {
    service: (namespace, name) => services.get(key(namespace, name)),
    secret: (namespace, name) => secrets.get(key(namespace, name)),
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
