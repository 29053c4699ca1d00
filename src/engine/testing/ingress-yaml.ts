/**
 * Ingress manifests for fixtures, in a compact notation: backends are `service:port` (a non-numeric port is a
 * port name) or `resource:Kind/name`; a path that omits its pathType moves the Ingress to networking.k8s.io/v1beta1.
 */
import type { PathType } from '../model/types'
import { metadataYaml } from './metadata-yaml'
import { scalar } from './yaml-text'

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
${metadataYaml(name, spec)}spec:
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
