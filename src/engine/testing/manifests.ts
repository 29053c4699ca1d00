/**
 * Fixture builders: manifest YAML text for each kind the engine models, with options for what tests and
 * benches vary. Each returns one document (no `---`), ending in a newline; `joinDocuments` makes a manifest.
 * Only what is asked for is written, so the model stage applies the API defaults, never a copy of them.
 * Pure: used by unit tests, e2e specs and benches (the browser ones too).
 */
import type { IntOrString, PathType } from '../model/types'
import { indentLines, joinDocuments, plainMap, quotedMap, scalar, textMap } from './yaml-text'

export { joinDocuments } from './yaml-text'

// ---------------------------------------------------------------------------------------------------------------
// Deployment

/** A probe or lifecycle handler as written; `scheme` is left to the API default unless given. */
export type HandlerSpec =
  | { readonly type: 'httpGet'; readonly path: string; readonly port: IntOrString; readonly scheme?: 'HTTP' | 'HTTPS' }
  | { readonly type: 'tcpSocket'; readonly port: IntOrString }
  | { readonly type: 'grpc'; readonly port: number }
  | { readonly type: 'exec'; readonly command: readonly string[] }
  | { readonly type: 'sleep'; readonly seconds: number }

/** A probe: the handler and only the timing fields given (the rest are the model's defaults). */
export interface ProbeSpec {
  readonly handler: HandlerSpec
  readonly initialDelaySeconds?: number
  readonly periodSeconds?: number
  readonly timeoutSeconds?: number
  readonly successThreshold?: number
  readonly failureThreshold?: number
  readonly terminationGracePeriodSeconds?: number
}

export interface ContainerPortSpec {
  readonly name?: string
  readonly containerPort: number
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP'
}

export interface ContainerSpec {
  /** Default: app. */
  readonly name?: string
  /** Default: example/<deployment name>:1. */
  readonly image?: string
  readonly imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never'
  /** Default: one port, 8080. */
  readonly ports?: readonly ContainerPortSpec[]
  readonly readinessProbe?: ProbeSpec
  readonly livenessProbe?: ProbeSpec
  readonly startupProbe?: ProbeSpec
  readonly preStop?: HandlerSpec
  /** Raw YAML under the container (written at its indentation), for fields the options do not cover. */
  readonly lines?: string
}

export type StrategySpec =
  | { readonly type: 'Recreate' }
  | { readonly type: 'RollingUpdate'; readonly maxSurge?: IntOrString; readonly maxUnavailable?: IntOrString }

export interface DeploymentSpec {
  /** Default: apps/v1. */
  readonly apiVersion?: string
  readonly namespace?: string
  /** Labels of the Deployment itself. */
  readonly labels?: Readonly<Record<string, string>>
  /** What the selector matches and the pod template carries. Default: `{app: <name>}`. */
  readonly podLabels?: Readonly<Record<string, string>>
  readonly replicas?: number
  readonly strategy?: StrategySpec
  readonly minReadySeconds?: number
  readonly progressDeadlineSeconds?: number
  readonly revisionHistoryLimit?: number
  readonly paused?: boolean
  /** terminationGracePeriodSeconds of the pod. */
  readonly grace?: number
  /** Default: one container with the defaults of `ContainerSpec`. */
  readonly containers?: readonly ContainerSpec[]
  /** Raw YAML under `spec` (after the selector and the options above). */
  readonly specLines?: string
  /** Raw YAML under the pod template's `spec` (before `containers`). */
  readonly podLines?: string
}

/** A Deployment named `name`. */
export function deploymentYaml(name: string, spec: DeploymentSpec = {}): string {
  const podLabels = spec.podLabels ?? { app: name }
  return `apiVersion: ${spec.apiVersion ?? 'apps/v1'}
kind: Deployment
${metadata(name, spec)}spec:
${spec.replicas !== undefined ? `  replicas: ${spec.replicas}\n` : ''}  selector:
    matchLabels:
${plainMap(podLabels, 6)}${rolloutFields(spec)}${spec.specLines ? indentLines(spec.specLines, 2) : ''}  template:
    metadata:
      labels:
${plainMap(podLabels, 8)}    spec:
${spec.grace !== undefined ? `      terminationGracePeriodSeconds: ${spec.grace}\n` : ''}${spec.podLines ? indentLines(spec.podLines, 6) : ''}      containers:
${(spec.containers ?? [{}]).map((container) => containerYaml(name, container)).join('')}`
}

function rolloutFields(spec: DeploymentSpec): string {
  let out = ''
  const strategy = spec.strategy
  if (strategy?.type === 'Recreate') out += '  strategy:\n    type: Recreate\n'
  if (strategy?.type === 'RollingUpdate') {
    out += '  strategy:\n    type: RollingUpdate\n'
    if (strategy.maxSurge !== undefined || strategy.maxUnavailable !== undefined) out += '    rollingUpdate:\n'
    if (strategy.maxSurge !== undefined) out += `      maxSurge: ${scalar(strategy.maxSurge)}\n`
    if (strategy.maxUnavailable !== undefined) out += `      maxUnavailable: ${scalar(strategy.maxUnavailable)}\n`
  }
  if (spec.minReadySeconds !== undefined) out += `  minReadySeconds: ${spec.minReadySeconds}\n`
  if (spec.progressDeadlineSeconds !== undefined) out += `  progressDeadlineSeconds: ${spec.progressDeadlineSeconds}\n`
  if (spec.revisionHistoryLimit !== undefined) out += `  revisionHistoryLimit: ${spec.revisionHistoryLimit}\n`
  if (spec.paused !== undefined) out += `  paused: ${spec.paused}\n`
  return out
}

function containerYaml(deployment: string, c: ContainerSpec): string {
  const ports = c.ports ?? [{ containerPort: 8080 }]
  let out = `      - name: ${scalar(c.name ?? 'app')}
        image: ${scalar(c.image ?? `example/${deployment}:1`)}
`
  if (c.imagePullPolicy) out += `        imagePullPolicy: ${c.imagePullPolicy}\n`
  if (ports.length > 0) {
    out += '        ports:\n'
    for (const port of ports) {
      const lines = [
        ...(port.name !== undefined ? [`name: ${scalar(port.name)}`] : []),
        `containerPort: ${port.containerPort}`,
        ...(port.protocol ? [`protocol: ${port.protocol}`] : []),
      ]
      out += lines.map((line, i) => `        ${i === 0 ? '- ' : '  '}${line}\n`).join('')
    }
  }
  if (c.readinessProbe) out += probeYaml('readinessProbe', c.readinessProbe)
  if (c.livenessProbe) out += probeYaml('livenessProbe', c.livenessProbe)
  if (c.startupProbe) out += probeYaml('startupProbe', c.startupProbe)
  if (c.preStop) out += `        lifecycle:\n          preStop:\n${handlerYaml(c.preStop, 12)}`
  if (c.lines) out += indentLines(c.lines, 8)
  return out
}

const probeTimings = ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds'] as const

function probeYaml(key: string, probe: ProbeSpec): string {
  const timings = probeTimings.filter((field) => probe[field] !== undefined).map((field) => `          ${field}: ${probe[field]}\n`)
  return `        ${key}:\n${handlerYaml(probe.handler, 10)}${timings.join('')}`
}

/** A handler as the `httpGet:`/`exec:`/… block at `by` spaces. */
function handlerYaml(handler: HandlerSpec, by: number): string {
  const pad = ' '.repeat(by)
  const inner = `${pad}  `
  switch (handler.type) {
    case 'httpGet':
      return `${pad}httpGet:\n${inner}path: ${scalar(handler.path)}\n${inner}port: ${scalar(handler.port)}\n` +
        (handler.scheme ? `${inner}scheme: ${handler.scheme}\n` : '')
    case 'tcpSocket':
      return `${pad}tcpSocket:\n${inner}port: ${scalar(handler.port)}\n`
    case 'grpc':
      return `${pad}grpc:\n${inner}port: ${handler.port}\n`
    case 'exec':
      return `${pad}exec:\n${inner}command: ${JSON.stringify(handler.command)}\n`
    case 'sleep':
      return `${pad}sleep:\n${inner}seconds: ${handler.seconds}\n`
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Service

export interface ServicePortSpec {
  readonly name?: string
  readonly port: number
  readonly targetPort?: IntOrString
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP'
}

export interface ServiceSpec {
  readonly namespace?: string
  readonly labels?: Readonly<Record<string, string>>
  readonly type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'
  /** Default: `{app: <name>}`; null writes no selector. */
  readonly selector?: Readonly<Record<string, string>> | null
  /** Default: port 80 to target port 8080. */
  readonly ports?: readonly ServicePortSpec[]
}

/** A Service named `name`. */
export function serviceYaml(name: string, spec: ServiceSpec = {}): string {
  const selector = spec.selector === undefined ? { app: name } : spec.selector
  const ports = spec.ports ?? [{ port: 80, targetPort: 8080 }]
  const portLines = ports.map((port) => {
    const lines = [
      ...(port.name !== undefined ? [`name: ${scalar(port.name)}`] : []),
      `port: ${port.port}`,
      ...(port.targetPort !== undefined ? [`targetPort: ${scalar(port.targetPort)}`] : []),
      ...(port.protocol ? [`protocol: ${port.protocol}`] : []),
    ]
    return lines.map((line, i) => `  ${i === 0 ? '- ' : '  '}${line}\n`).join('')
  })
  return `apiVersion: v1
kind: Service
${metadata(name, spec)}spec:
${spec.type ? `  type: ${spec.type}\n` : ''}${selector ? `  selector:\n${plainMap(selector, 4)}` : ''}  ports:
${portLines.join('')}`
}

/** A Deployment and a Service selecting it, both named `name` (Service port `port` → container port 8080). */
export function backendYaml(name: string, replicas = 2, port = 80): string {
  return joinDocuments(serviceYaml(name, { ports: [{ port, targetPort: 8080 }] }), deploymentYaml(name, { replicas }))
}

// ---------------------------------------------------------------------------------------------------------------
// Ingress

/** One path: a backend is `service:port` (a non-numeric port is a port name) or `resource:Kind/name`. */
export interface PathSpec {
  /** Omitted (or '') writes no `path`, which ingress-nginx reads as `/`. */
  readonly path?: string
  /** Default: Prefix. `'omitted'` writes no pathType, which needs an old API version (ImplementationSpecific). */
  readonly type?: PathType | 'omitted'
  readonly backend: string
}

export interface RuleSpec {
  readonly host?: string
  /** Omit for a rule without `http` (a host with no paths). */
  readonly paths?: readonly PathSpec[]
}

/** Hosts of a tls entry (secret `tls`), or the hosts and the secret's name. */
export type TlsSpec = readonly string[] | { readonly hosts: readonly string[]; readonly secretName?: string }

export interface IngressSpec {
  /** Default: networking.k8s.io/v1, or networking.k8s.io/v1beta1 when a path omits its pathType. */
  readonly apiVersion?: 'networking.k8s.io/v1' | 'networking.k8s.io/v1beta1' | 'extensions/v1beta1'
  readonly namespace?: string
  readonly labels?: Readonly<Record<string, string>>
  readonly annotations?: Readonly<Record<string, string>>
  readonly className?: string
  /** metadata.creationTimestamp (ingress-nginx orders Ingresses by it). */
  readonly timestamp?: string
  readonly defaultBackend?: string
  readonly tls?: readonly TlsSpec[]
  readonly rules?: readonly RuleSpec[]
}

/** A rule with one Prefix path: `hostRule('a.test', '/api', 'api:80')`; host '' is a rule without host. */
export function hostRule(host: string, path: string, backend: string): RuleSpec {
  return { host, paths: [{ path, backend }] }
}

/** Shorthand for `nginx.ingress.kubernetes.io/<key>` annotations. */
export function nginx(annotations: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(annotations)) out[`nginx.ingress.kubernetes.io/${key}`] = value
  return out
}

/** An Ingress named `name`. */
export function ingressYaml(name: string, spec: IngressSpec = {}): string {
  const omitsType = (spec.rules ?? []).some((rule) => rule.paths?.some((path) => path.type === 'omitted'))
  const apiVersion = spec.apiVersion ?? (omitsType ? 'networking.k8s.io/v1beta1' : 'networking.k8s.io/v1')
  const v1 = apiVersion === 'networking.k8s.io/v1'
  const tls = (spec.tls ?? []).map((entry) => ('hosts' in entry ? entry : { hosts: entry as readonly string[], secretName: 'tls' }))
  return `apiVersion: ${apiVersion}
kind: Ingress
${metadata(name, spec)}spec:
${spec.className !== undefined ? `  ingressClassName: ${scalar(spec.className)}\n` : ''}${
  spec.defaultBackend !== undefined ? `  ${v1 ? 'defaultBackend' : 'backend'}:\n${backendLines(spec.defaultBackend, 4, v1)}` : ''}${
  tls.length > 0 ? '  tls:\n' + tls.map(tlsLines).join('') : ''}${
  spec.rules ? '  rules:\n' + spec.rules.map((rule) => ruleLines(rule, v1)).join('') : ''}`
}

function tlsLines(entry: { readonly hosts: readonly string[]; readonly secretName?: string }): string {
  return `  - hosts:\n${entry.hosts.map((host) => `    - ${scalar(host)}\n`).join('')}` +
    (entry.secretName !== undefined ? `    secretName: ${scalar(entry.secretName)}\n` : '')
}

function ruleLines(rule: RuleSpec, v1: boolean): string {
  const host = rule.host ? `host: ${scalar(rule.host)}` : ''
  if (!rule.paths) return `  - ${host || '{}'}\n`
  const paths = rule.paths.map((path) => {
    const lines = [
      ...(path.path ? [`path: ${scalar(path.path)}`] : []),
      ...(path.type !== 'omitted' ? [`pathType: ${path.type ?? 'Prefix'}`] : []),
    ]
    const head = lines.map((line, i) => `      ${i === 0 ? '- ' : '  '}${line}\n`).join('')
    return `${head}${head ? '        ' : '      - '}backend:\n${backendLines(path.backend, 10, v1)}`
  })
  return `  - ${host ? `${host}\n    ` : ''}http:\n      paths:\n${paths.join('')}`
}

/** The fields under `backend:` at `by` spaces, in the API version's shape. */
function backendLines(backend: string, by: number, v1: boolean): string {
  const pad = ' '.repeat(by)
  if (backend.startsWith('resource:')) {
    const [kind, name] = backend.slice('resource:'.length).split('/')
    return `${pad}resource:\n${pad}  apiGroup: example.com\n${pad}  kind: ${kind ?? 'Bucket'}\n${pad}  name: ${name ?? 'bucket'}\n`
  }
  const colon = backend.lastIndexOf(':')
  const service = scalar(backend.slice(0, colon))
  const port = backend.slice(colon + 1)
  const numeric = /^\d+$/.test(port)
  if (!v1) return `${pad}serviceName: ${service}\n${pad}servicePort: ${numeric ? port : scalar(port)}\n`
  return `${pad}service:\n${pad}  name: ${service}\n${pad}  port:\n${pad}    ${numeric ? `number: ${port}` : `name: ${scalar(port)}`}\n`
}

// ---------------------------------------------------------------------------------------------------------------
// IngressClass, ConfigMap, Secret

/** An IngressClass; `isDefault` writes the is-default-class annotation. */
export function ingressClassYaml(name: string, controller: string, isDefault = false): string {
  const annotations = isDefault ? { 'ingressclass.kubernetes.io/is-default-class': 'true' } : undefined
  return `apiVersion: networking.k8s.io/v1
kind: IngressClass
${metadata(name, { annotations })}spec:
  controller: ${scalar(controller)}
`
}

/** A ConfigMap with `data` (values always quoted). */
export function configMapYaml(name: string, data: Readonly<Record<string, string>>, namespace?: string): string {
  return `apiVersion: v1
kind: ConfigMap
${metadata(name, { namespace })}data:
${quotedMap(data, 2)}`
}

export interface SecretSpec {
  readonly namespace?: string
  /** Default: Opaque (the API default) when not written. */
  readonly type?: string
  /** Values already base64-encoded, as `data` holds them. */
  readonly data?: Readonly<Record<string, string>>
  /** Plain values; multi-line ones (PEM) are written as block scalars. */
  readonly stringData?: Readonly<Record<string, string>>
}

/** A Secret. */
export function secretYaml(name: string, spec: SecretSpec = {}): string {
  return `apiVersion: v1
kind: Secret
${metadata(name, spec)}${spec.type ? `type: ${scalar(spec.type)}\n` : ''}${
  spec.data ? `data:\n${quotedMap(spec.data, 2)}` : ''}${spec.stringData ? `stringData:\n${textMap(spec.stringData, 2)}` : ''}`
}

// ---------------------------------------------------------------------------------------------------------------

interface MetadataSpec {
  readonly namespace?: string
  readonly labels?: Readonly<Record<string, string>>
  readonly annotations?: Readonly<Record<string, string>>
  readonly timestamp?: string
}

function metadata(name: string, meta: MetadataSpec): string {
  return `metadata:
  name: ${scalar(name)}
${meta.namespace !== undefined ? `  namespace: ${scalar(meta.namespace)}\n` : ''}${
  meta.timestamp !== undefined ? `  creationTimestamp: ${JSON.stringify(meta.timestamp)}\n` : ''}${
  meta.labels ? `  labels:\n${plainMap(meta.labels, 4)}` : ''}${
  meta.annotations && Object.keys(meta.annotations).length > 0 ? `  annotations:\n${quotedMap(meta.annotations, 4)}` : ''}`
}
