/**
 * Whether an upstream has endpoints, and why: the one rule routing, the trace, the lints, the route table, the
 * graph and nginx.conf all read (docs/routing.md#assumptions, docs/routing.md#default-backend-annotation).
 *
 * When the manifests contain no Service at all, every Service is assumed to exist with ready endpoints. When they
 * contain Services, a missing one is missing: the controller still creates the upstream and the location
 * (`createUpstreams` in controller.go: `serviceEndpoints` fails, the upstream keeps no endpoints), and the Lua
 * balancer, which has no balancer for an upstream without endpoints (`sync_backend` in balancer.lua), answers 503
 * (`_M.rewrite`). Likewise a port the Service lacks (`serviceEndpoints` matches the Ingress's port against each
 * Service port's number, targetPort and name), an ExternalName for a loopback or invalid name
 * (`getEndpointsFromSlices` in endpointslices.go), a selector that matches no pod template of the namespace's
 * Deployments, Deployments scaled to 0, and a named targetPort no selected container defines: no endpoints.
 * The `default-backend` annotation: controller.go `getBackendServers` (custom-default-backend upstreams) and
 * `internal/ingress/annotations/defaultbackend/main.go`.
 */
import { msg, type Message } from '../messages/message'
import type { ClusterModel, Deployment, Ingress, Service, ServicePort } from '../model/types'
import { ANNOTATION_PREFIX, getStringAnnotation, passesValidator } from './annotation-validation'
import { DEFAULT_UPSTREAM } from './compile-servers'
import type { BackendAvailability, BackendRef, CompiledLocation, CompiledRoutes, CompiledUpstream, DefaultBackendAnnotation, IngressRef } from './types'

/** The annotation (ingress-nginx's `default-backend`, scope location, risk Low). */
export const DEFAULT_BACKEND_ANNOTATION = ANNOTATION_PREFIX + 'default-backend'

/** Workload kinds the studio keeps unread (UnknownObject): their pods may be what a selector wants. */
const UNMODELLED_WORKLOADS = new Set(['Pod', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob'])

/** What the rule asks of the manifests, indexed once per model. */
export interface BackendWorld {
  readonly hasServices: boolean
  service(namespace: string, name: string): Service | undefined
  servicesIn(namespace: string): readonly Service[]
  /** Deployments whose pod template labels the Service's selector matches (same namespace). */
  selected(service: Service): readonly Deployment[]
  hasDeployments(namespace: string): boolean
  /** Kinds of unread workloads in the namespace, sorted. */
  unmodelledWorkloads(namespace: string): readonly string[]
}

const key = (namespace: string, name: string): string => `${namespace}\u0000${name}`
const worlds = new WeakMap<ClusterModel, BackendWorld>()

/** The lookups of `model` (cached per model object). */
export function backendWorld(model: ClusterModel): BackendWorld {
  const cached = worlds.get(model)
  if (cached) return cached
  const services = new Map<string, Service>()
  const byNamespace = new Map<string, Service[]>()
  for (const service of model.services) {
    const k = key(service.meta.namespace, service.meta.name)
    if (!services.has(k)) services.set(k, service)
    const list = byNamespace.get(service.meta.namespace)
    if (list) list.push(service)
    else byNamespace.set(service.meta.namespace, [service])
  }
  // Pod templates by namespace and one label pair: a selector's candidates are the shortest list of its pairs.
  const byLabel = new Map<string, Deployment[]>()
  const namespaces = new Set<string>()
  for (const deployment of model.deployments) {
    namespaces.add(deployment.meta.namespace)
    for (const [k, v] of Object.entries(deployment.template.labels)) {
      const label = `${deployment.meta.namespace}\u0000${k}=${v}`
      const list = byLabel.get(label)
      if (list) list.push(deployment)
      else byLabel.set(label, [deployment])
    }
  }
  const unmodelled = new Map<string, Set<string>>()
  for (const object of model.unknown) {
    if (!UNMODELLED_WORKLOADS.has(object.kind)) continue
    const kinds = unmodelled.get(object.meta.namespace) ?? new Set<string>()
    kinds.add(object.kind)
    unmodelled.set(object.meta.namespace, kinds)
  }
  const unmodelledSorted = new Map([...unmodelled].map(([namespace, kinds]) => [namespace, [...kinds].sort()]))
  const selectedCache = new Map<Service, readonly Deployment[]>()
  const world: BackendWorld = {
    hasServices: model.services.length > 0,
    service: (namespace, name) => services.get(key(namespace, name)),
    servicesIn: (namespace) => byNamespace.get(namespace) ?? [],
    selected(service) {
      let found = selectedCache.get(service)
      if (found) return found
      const pairs = Object.entries(service.selector ?? {})
      let shortest: readonly Deployment[] | undefined
      for (const [k, v] of pairs) {
        const list = byLabel.get(`${service.meta.namespace}\u0000${k}=${v}`) ?? []
        if (!shortest || list.length < shortest.length) shortest = list
      }
      found = pairs.length === 0 ? [] : (shortest ?? []).filter((d) => pairs.every(([k, v]) => d.template.labels[k] === v))
      selectedCache.set(service, found)
      return found
    },
    hasDeployments: (namespace) => namespaces.has(namespace),
    unmodelledWorkloads: (namespace) => unmodelledSorted.get(namespace) ?? [],
  }
  worlds.set(model, world)
  return world
}

function available(reason: BackendAvailability['reason'], text: Message, assumed: boolean): BackendAvailability {
  return { endpoints: true, assumed, reason, text }
}

function none(reason: BackendAvailability['reason'], text: Message): BackendAvailability {
  return { endpoints: false, assumed: false, reason, text }
}

/** The controller's own default backend: always an endpoint (`getDefaultUpstream` in controller.go). */
export const CONTROLLER_DEFAULT_AVAILABILITY: BackendAvailability = available('controller-default', msg('backend-why-controller-default'), false)

/** `80, http (8080)`: a Service's ports as the messages list them. */
export function describeServicePorts(service: Service): string {
  return service.ports.map((p) => (p.name ? `${p.name} (${p.port})` : String(p.port))).join(', ')
}

/**
 * The Service port ingress-nginx's `serviceEndpoints` picks for an Ingress port: the first whose number, targetPort
 * or name, as text, equals the Ingress's port as text (controller.go).
 */
export function matchServicePort(service: Service, port: number | string): ServicePort | undefined {
  const wanted = String(port)
  return service.ports.find((p) => String(p.port) === wanted || String(p.targetPort) === wanted || p.name === wanted)
}

/** `localhost`, a loopback address, or not a DNS-1123 subdomain: `getEndpointsFromSlices` returns no endpoint. */
function externalNameRefused(name: string): 'local' | 'invalid' | null {
  const host = name.endsWith('.') ? name.slice(0, -1) : name
  if (name === 'localhost' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) || name === '::1') return 'local'
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.includes(':')) return null // an IP address: used as is
  const label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
  return host.length > 0 && host.length <= 253 && host.split('.').every((part) => label.test(part)) ? null : 'invalid'
}

/** Deployments named in a message at most; the rest are counted (a selector may match many). `namesOf` lists them. */
const NAMES_LISTED = 5

export function namesOf(deployments: readonly Deployment[]): string | Message {
  const names = deployments.map((d) => d.meta.name)
  if (names.length <= NAMES_LISTED) return names.join(', ')
  return msg('lint-names-and-more', { names: names.slice(0, NAMES_LISTED).join(', '), more: (names.length - NAMES_LISTED).toLocaleString('en-US') })
}

/**
 * Why one port of an existing Service has endpoints or not (`getEndpointsFromSlices`, the pods the studio can
 * see): the decision alone, no words, so a lint over thousands of Services stays cheap.
 */
export function endpointsReason(world: BackendWorld, service: Service, servicePort: ServicePort | undefined): BackendAvailability['reason'] {
  if (service.type === 'ExternalName') return externalNameRefused(service.externalName ?? '') === null ? 'external-name' : 'external-name-refused'
  if (!service.selector || Object.keys(service.selector).length === 0) return 'no-selector'
  const namespace = service.meta.namespace
  if (!world.hasDeployments(namespace)) return 'no-workloads'
  const selected = world.selected(service)
  if (world.unmodelledWorkloads(namespace).length > 0 && selected.every((d) => d.replicas === 0)) return 'unmodelled-workloads'
  if (selected.length === 0) return 'selects-nothing'
  if (!selected.some((d) => d.replicas > 0)) return 'zero-replicas'
  const target = servicePort?.targetPort
  if (typeof target === 'string' && !selected.some((d) => d.replicas > 0 && d.template.containers.some((c) => c.ports.some((p) => p.name === target)))) {
    return 'target-port-unresolved'
  }
  return 'selects-pods'
}

/** The endpoints of one port of an existing Service, with the words for why. */
export function portEndpoints(world: BackendWorld, service: Service, servicePort: ServicePort | undefined): BackendAvailability {
  const said = { namespace: service.meta.namespace, service: service.meta.name }
  const reason = endpointsReason(world, service, servicePort)
  const externalName = service.externalName ?? ''
  const running = (): string | Message => namesOf(world.selected(service).filter((d) => d.replicas > 0))
  switch (reason) {
    case 'external-name':
      return available(reason, msg('backend-why-external-name', { ...said, externalName }), true)
    case 'external-name-refused':
      return none(reason, msg(externalNameRefused(externalName) === 'local' ? 'backend-why-external-name-local' : 'backend-why-external-name-invalid', { ...said, externalName }))
    case 'no-selector':
      return available(reason, msg('backend-why-no-selector', said), true)
    case 'no-workloads':
      return available(reason, msg('backend-why-no-workloads', said), true)
    case 'unmodelled-workloads':
      return available(reason, msg('backend-why-unmodelled-workloads', { ...said, kinds: world.unmodelledWorkloads(service.meta.namespace).join(', ') }), true)
    case 'selects-nothing': {
      const labels = Object.entries(service.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(', ')
      return none(reason, msg('backend-why-selects-nothing', { ...said, labels }))
    }
    case 'zero-replicas':
      return none(reason, msg('backend-why-zero-replicas', { ...said, deployments: namesOf(world.selected(service)) }))
    case 'target-port-unresolved':
      return none(reason, msg('backend-why-target-port-unresolved', { ...said, port: String(servicePort?.targetPort), deployments: running() }))
    default:
      return available('selects-pods', msg('backend-why-selects-pods', { ...said, deployments: running() }), false)
  }
}

const answered = new WeakMap<BackendWorld, Map<string, BackendAvailability>>()

/**
 * Whether the upstream of a Service backend has endpoints, and why (the rule; docs/routing.md#assumptions). One
 * answer per Service port and world: the compile asks per upstream, two lints again per Ingress path.
 */
export function serviceAvailability(world: BackendWorld, ref: BackendRef): BackendAvailability {
  let answers = answered.get(world)
  if (!answers) answered.set(world, (answers = new Map()))
  const k = `${ref.namespace}\u0000${ref.service}\u0000${typeof ref.port === 'number' ? '#' : ''}${ref.port}`
  let answer = answers.get(k)
  if (!answer) answers.set(k, (answer = decideAvailability(world, ref)))
  return answer
}

function decideAvailability(world: BackendWorld, ref: BackendRef): BackendAvailability {
  const said = { namespace: ref.namespace, service: ref.service }
  if (!world.hasServices) return available('assumed-no-services', msg('backend-why-assumed-no-services', said), true)
  const service = world.service(ref.namespace, ref.service)
  if (!service) return none('service-missing', msg('backend-why-service-missing', said))
  // serviceEndpoints looks at the type before the ports: an ExternalName Service needs no matching port.
  if (service.type === 'ExternalName') return portEndpoints(world, service, undefined)
  const port = matchServicePort(service, ref.port)
  if (!port) {
    const ports = describeServicePorts(service) || msg('lint-none')
    return none('port-missing', msg(typeof ref.port === 'number' ? 'backend-why-port-number-missing' : 'backend-why-port-name-missing', { ...said, port: ref.port, ports }))
  }
  return portEndpoints(world, service, port)
}

/**
 * The annotation's value as ingress-nginx's parser reads it (annotation-validation.ts getStringAnnotation: each line
 * trimmed), or null when absent or empty. A value its validator refuses with validation on rejects the whole
 * Ingress (`annotationRejections` in annotations.ts), so a served Ingress never gets here with one.
 */
export function defaultBackendValue(ingress: Ingress): string | null {
  const read = getStringAnnotation(ingress.meta.annotations, 'default-backend', { annotationValidation: false })
  return read.kind === 'ok' ? read.value : null
}

/** `parser.ValidateServiceName` (the annotation's validator): a name some Service could have. */
export function isServiceName(value: string): boolean {
  return passesValidator('default-backend', value)
}

/** The prefix of the upstreams a default-backend annotation creates (controller.go; nginx.tmpl tests for it). */
export const CUSTOM_DEFAULT_BACKEND_PREFIX = 'custom-default-backend-'

/** ingress-nginx's name of the upstream a default-backend annotation creates. */
function customDefaultBackendName(namespace: string, service: string): string {
  return `${CUSTOM_DEFAULT_BACKEND_PREFIX}${namespace}-${service}`
}

/** The default-backend annotation of `ingress` and whether ingress-nginx can use its Service; null without one. */
export function readDefaultBackendAnnotation(world: BackendWorld, ingress: Ingress, ref: IngressRef): DefaultBackendAnnotation | null {
  const value = defaultBackendValue(ingress)
  if (value === null) return null
  const namespace = ingress.meta.namespace
  const said = { namespace, service: value }
  const base = { ingress: ref, service: value, namespace }
  const unusable = (text: Message): DefaultBackendAnnotation => ({ ...base, upstream: null, port: null, usable: false, text })
  if (!isServiceName(value)) return unusable(msg('backend-annotation-invalid', { value }))
  const upstream = customDefaultBackendName(namespace, value)
  if (!world.hasServices) return { ...base, upstream, port: null, usable: true, text: msg('backend-annotation-assumed', { ...said, upstream }) }
  const service = world.service(namespace, value)
  if (!service) return unusable(msg('backend-annotation-missing', said))
  const first = service.ports[0]
  if (!first) return unusable(msg('backend-annotation-no-ports', said))
  const endpoints = portEndpoints(world, service, first)
  if (!endpoints.endpoints) return unusable(msg('backend-annotation-no-endpoints', { ...said, why: endpoints.text }))
  return { ...base, upstream, port: first.port, usable: true, text: msg('backend-annotation-usable', { ...said, port: msg('backend-port-first', { port: first.port }), upstream }) }
}

/** Where a location whose upstream has no endpoints sends its requests. */
export type NoEndpointsAnswer =
  | { readonly kind: '503'; readonly annotation: DefaultBackendAnnotation | null }
  | { readonly kind: 'custom'; readonly annotation: DefaultBackendAnnotation & { readonly upstream: string } }

const upstreamIndexes = new WeakMap<readonly CompiledUpstream[], Map<string, CompiledUpstream>>()

/** The upstream called `name` (indexed once per compiled model, so a scan per location is not quadratic). */
export function upstreamOf(compiled: CompiledRoutes, name: string): CompiledUpstream | undefined {
  let index = upstreamIndexes.get(compiled.upstreams)
  if (!index) {
    index = new Map()
    for (const upstream of compiled.upstreams) if (!index.has(upstream.name)) index.set(upstream.name, upstream)
    upstreamIndexes.set(compiled.upstreams, index)
  }
  return index.get(name)
}

const annotationIndexes = new WeakMap<readonly DefaultBackendAnnotation[], Map<number, DefaultBackendAnnotation>>()

/** The default-backend annotation of the Ingress a location carries, or null. */
export function annotationOf(compiled: CompiledRoutes, location: CompiledLocation): DefaultBackendAnnotation | null {
  if (!location.ingress || compiled.defaultBackendAnnotations.length === 0) return null
  let index = annotationIndexes.get(compiled.defaultBackendAnnotations)
  if (!index) {
    index = new Map(compiled.defaultBackendAnnotations.map((annotation) => [annotation.ingress.index, annotation]))
    annotationIndexes.set(compiled.defaultBackendAnnotations, index)
  }
  return index.get(location.ingress.index) ?? null
}

/**
 * What ingress-nginx does with a location whose upstream has no endpoints: the default-backend annotation's
 * custom upstream when it is usable (controller.go: only a location of a Service upstream, never the controller's
 * default backend), else 503.
 */
export function noEndpointsAnswer(compiled: CompiledRoutes, location: CompiledLocation): NoEndpointsAnswer {
  const annotation = location.upstream === DEFAULT_UPSTREAM ? null : annotationOf(compiled, location)
  if (annotation?.usable && annotation.upstream !== null) return { kind: 'custom', annotation: annotation as DefaultBackendAnnotation & { upstream: string } }
  return { kind: '503', annotation }
}

/** The phrase for what ingress-nginx answers for a location of `ingress` whose upstream has no endpoints (lints). */
export function noEndpointsPhrase(annotation: DefaultBackendAnnotation | null): Message {
  return annotation?.usable
    ? msg('backend-answer-custom', { service: annotation.service, ingress: `${annotation.ingress.namespace}/${annotation.ingress.name}` })
    : msg('backend-answer-503')
}
