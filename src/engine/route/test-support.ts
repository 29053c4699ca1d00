/**
 * A small builder of cluster models for route tests (and the nginx differential test): Ingresses in a compact
 * notation, without YAML. Backends are written `service:port` (a non-numeric port is a port name) or
 * `resource:Kind/name`.
 */
import type { ClusterModel, ConfigMap, Ingress, IngressBackend, IngressClass, PathType } from '../model/types'

export interface PathSpec {
  readonly path?: string
  /** Default: Prefix. `'omitted'` models an old API version without pathType (ImplementationSpecific). */
  readonly type?: PathType | 'omitted'
  readonly backend: string
}

export interface RuleSpec {
  readonly host?: string
  /** Omit for a rule without `http` (a host with no paths). */
  readonly paths?: readonly PathSpec[]
}

export interface IngressSpec {
  readonly namespace?: string
  readonly annotations?: Readonly<Record<string, string>>
  readonly className?: string
  readonly timestamp?: string
  readonly defaultBackend?: string
  /** Hosts of each tls entry. */
  readonly tls?: readonly (readonly string[])[]
  readonly rules?: readonly RuleSpec[]
}

/** Shorthand for `nginx.ingress.kubernetes.io/<key>` annotations. */
export function nginx(annotations: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(annotations)) out[`nginx.ingress.kubernetes.io/${key}`] = value
  return out
}

function backendOf(text: string, at: (string | number)[]): IngressBackend {
  if (text.startsWith('resource:')) {
    const [kind, name] = text.slice('resource:'.length).split('/')
    return { type: 'resource', apiGroup: 'example.com', resourceKind: kind ?? 'Bucket', name: name ?? 'bucket', at }
  }
  const colon = text.lastIndexOf(':')
  const service = text.slice(0, colon)
  const port = text.slice(colon + 1)
  return { type: 'service', service, port: /^\d+$/.test(port) ? { number: Number(port) } : { name: port }, at }
}

function sourceRef(doc: number): Ingress['source'] {
  return { file: 'test.yaml', doc, path: [], span: { start: doc * 100, end: doc * 100 + 50 } }
}

/** An Ingress (order and document index are set by `clusterModel`). */
export function ingress(name: string, spec: IngressSpec = {}): Ingress {
  const annotations: Record<string, string> = { ...(spec.annotations ?? {}) }
  return {
    kind: 'Ingress',
    apiVersion: 'networking.k8s.io/v1',
    meta: {
      name,
      namespace: spec.namespace ?? 'default',
      labels: {},
      annotations,
      ...(spec.timestamp !== undefined ? { creationTimestamp: spec.timestamp } : {}),
    },
    source: sourceRef(0),
    order: 0,
    ...(spec.className !== undefined ? { ingressClassName: spec.className } : {}),
    ...(spec.defaultBackend !== undefined ? { defaultBackend: backendOf(spec.defaultBackend, ['spec', 'defaultBackend']) } : {}),
    tls: (spec.tls ?? []).map((hosts, i) => ({ hosts: [...hosts], secretName: 'tls', at: ['spec', 'tls', i] })),
    rules: (spec.rules ?? []).map((rule, r) => ({
      host: rule.host ?? '',
      hasHttp: rule.paths !== undefined,
      at: ['spec', 'rules', r],
      paths: (rule.paths ?? []).map((path, p) => {
        const at = ['spec', 'rules', r, 'http', 'paths', p]
        const omitted = path.type === 'omitted'
        return {
          path: path.path ?? '',
          pathType: omitted ? 'ImplementationSpecific' : (path.type ?? 'Prefix'),
          pathTypeDefaulted: omitted,
          backend: backendOf(path.backend, [...at, 'backend']),
          at,
        }
      }),
    })),
  } as Ingress
}

/** An IngressClass. */
export function ingressClass(name: string, controller: string, isDefault = false): IngressClass {
  return { kind: 'IngressClass', apiVersion: 'networking.k8s.io/v1', meta: { name, namespace: '', labels: {}, annotations: {} }, source: sourceRef(0), order: 0, controller, isDefault }
}

/** A ConfigMap. */
export function configMap(name: string, data: Readonly<Record<string, string>>, namespace = 'ingress-nginx'): ConfigMap {
  return { kind: 'ConfigMap', apiVersion: 'v1', meta: { name, namespace, labels: {}, annotations: {} }, source: sourceRef(0), order: 0, data }
}

/** A cluster model holding `objects` in document order (order and document index follow the argument order). */
export function clusterModel(...objects: readonly (Ingress | IngressClass | ConfigMap)[]): ClusterModel {
  const placed = objects.map((object, i) => ({ ...object, order: i, source: sourceRef(i) }))
  return {
    ingresses: placed.filter((object): object is Ingress => object.kind === 'Ingress'),
    ingressClasses: placed.filter((object): object is IngressClass => object.kind === 'IngressClass'),
    configMaps: placed.filter((object): object is ConfigMap => object.kind === 'ConfigMap'),
    services: [],
    deployments: [],
    secrets: [],
    unknown: [],
  }
}
