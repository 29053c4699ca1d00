/**
 * Structure-aware Kubernetes objects as plain values: Ingress, Service, Deployment, IngressClass, ConfigMap and
 * unknown kinds in every API version the engine reads (Gateway API kinds in `gateway-objects.ts`), mostly shaped as users write them, with hostile strings
 * and numbers in the fields the engine interprets (hosts, paths, annotations, ports, probes, rollout fields),
 * and sometimes fields of the wrong type or missing. Secrets are built in `secret-documents.ts`.
 */
import { gatewayClassObject, gatewayObject, httpRouteObject, referenceGrantObject } from './gateway-objects'
import { hostileNumber, hostileString, hostName, pathValue, plainName, regexPath, rewriteTarget, wrongTypeValue } from './hostile-values'
import type { Rng } from './rng'

type Value = unknown
type Obj = Record<string, Value>

const INGRESS_VERSIONS = ['networking.k8s.io/v1', 'networking.k8s.io/v1', 'networking.k8s.io/v1beta1', 'extensions/v1beta1']
const DEPLOYMENT_VERSIONS = ['apps/v1', 'apps/v1', 'apps/v1beta1', 'apps/v1beta2', 'extensions/v1beta1']
const PATH_TYPES = ['Prefix', 'Exact', 'ImplementationSpecific']
const BAD_PATH_TYPES = ['prefix', 'Regex', '']

/** A number, usually sensible for `typical`, sometimes from the hostile catalogue or written as a string. */
function numberish(rng: Rng, typical: readonly number[]): Value {
  if (!rng.rare(0.25)) return rng.pick(typical)
  if (rng.chance(0.7)) return hostileNumber(rng)
  return rng.chance(0.5) ? String(rng.pick(typical)) : wrongTypeValue(rng)
}

function metadata(rng: Rng, annotations?: Obj): Obj {
  const meta: Obj = { name: plainName(rng) }
  if (rng.chance(0.3)) meta.namespace = rng.chance(0.8) ? rng.pick(['default', 'prod', 'ingress-nginx']) : hostileString(rng)
  if (rng.chance(0.3)) meta.labels = { app: plainName(rng) }
  if (annotations && Object.keys(annotations).length > 0) meta.annotations = annotations
  return meta
}

function ingressAnnotations(rng: Rng): Obj {
  const a: Obj = {}
  const key = (name: string): string => `nginx.ingress.kubernetes.io/${name}`
  if (rng.chance(0.3)) a[key('rewrite-target')] = rewriteTarget(rng)
  if (rng.chance(0.3)) a[key('use-regex')] = rng.pick(['true', 'false', 'True', 'yes', hostileString(rng)])
  if (rng.chance(0.25)) {
    a[key('canary')] = rng.pick(['true', 'false', 'TRUE', ''])
    if (rng.chance(0.6)) a[key('canary-weight')] = rng.pick(['0', '10', '50', '100', '101', '-1', '1.5', '1e9', 'x'])
    if (rng.chance(0.4)) a[key('canary-weight-total')] = rng.pick(['100', '1000', '0', '-5'])
    if (rng.chance(0.4)) a[key('canary-by-header')] = rng.pick(['X-Canary', 'x-canary', '', hostileString(rng)])
    if (rng.chance(0.3)) a[key('canary-by-header-value')] = rng.pick(['always', 'yes', hostileString(rng)])
    if (rng.chance(0.3)) a[key('canary-by-header-pattern')] = rng.chance(0.5) ? regexPath(rng) : hostileString(rng)
    if (rng.chance(0.3)) a[key('canary-by-cookie')] = rng.pick(['canary', '', hostileString(rng)])
  }
  if (rng.chance(0.15)) a[key('app-root')] = rng.pick(['/app', 'app', '/' + hostileString(rng)])
  if (rng.chance(0.15)) a[key('ssl-redirect')] = rng.pick(['true', 'false', 'maybe'])
  if (rng.chance(0.1)) a[key('force-ssl-redirect')] = rng.pick(['true', 'false'])
  if (rng.chance(0.1)) a[key('permanent-redirect')] = rng.pick(['https://example.com', 'https://x/$1', hostileString(rng)])
  if (rng.chance(0.1)) a[key('permanent-redirect-code')] = rng.pick(['301', '308', '999', 'x'])
  if (rng.chance(0.1)) a[key('temporal-redirect')] = rng.pick(['https://example.com/tmp', hostileString(rng)])
  if (rng.chance(0.1)) a[key('proxy-read-timeout')] = rng.pick(['60', '-1', '1e99', 'x'])
  if (rng.chance(0.1)) a[key('x-forwarded-prefix')] = rng.pick(['/foo', hostileString(rng)])
  if (rng.chance(0.1)) a[key('server-snippet')] = rng.pick(['return 200;', 'location / { return 200; }', hostileString(rng)])
  if (rng.chance(0.1)) a[key('configuration-snippet')] = hostileString(rng)
  if (rng.chance(0.1)) a[key('backend-protocol')] = rng.pick(['HTTP', 'HTTPS', 'GRPC', 'nope'])
  if (rng.chance(0.15)) a['kubernetes.io/ingress.class'] = rng.pick(['nginx', 'traefik', '', hostileString(rng)])
  if (rng.chance(0.1)) a[key(hostileString(rng))] = hostileString(rng)
  if (rng.chance(0.05)) a[hostileString(rng)] = hostileString(rng)
  return a
}

function backend(rng: Rng, version: string): Obj {
  const name = rng.rare(0.15) ? hostileString(rng) : rng.pick(['s1', 'svc', 'web'])
  const port: Value = rng.chance(0.7) ? numberish(rng, [80, 8080, 443]) : rng.pick(['http', 'web', hostileString(rng)])
  if (version === 'networking.k8s.io/v1' || rng.rare(0.05)) {
    const portField = typeof port === 'number' || rng.rare(0.1) ? { number: port } : { name: port }
    return rng.rare(0.05) ? { resource: { kind: 'Bucket', name } } : { service: { name, port: portField } }
  }
  return { serviceName: name, servicePort: port }
}

export function ingressObject(rng: Rng): Obj {
  const apiVersion = rng.pick(INGRESS_VERSIONS)
  const rules = Array.from({ length: rng.int(rng.rare(1) ? 0 : 1, 3) }, () => {
    const paths = Array.from({ length: rng.int(1, 4) }, () => {
      const path: Obj = { path: pathValue(rng), backend: backend(rng, apiVersion) }
      if (apiVersion === 'networking.k8s.io/v1' ? !rng.rare(0.05) : rng.chance(0.4)) path.pathType = rng.rare(0.1) ? rng.pick(BAD_PATH_TYPES) : rng.pick(PATH_TYPES)
      return path
    })
    const rule: Obj = { http: { paths } }
    if (rng.chance(0.85)) rule.host = hostName(rng)
    return rule
  })
  const spec: Obj = { rules }
  if (rng.chance(0.4)) spec.ingressClassName = rng.pick(['nginx', 'nginx', 'other', hostileString(rng)])
  if (rng.chance(0.15)) spec[apiVersion === 'networking.k8s.io/v1' ? 'defaultBackend' : 'backend'] = backend(rng, apiVersion)
  if (rng.chance(0.15)) spec.tls = [{ hosts: [hostName(rng)], secretName: rng.pick(['tls', 'missing', hostileString(rng)]) }]
  return { apiVersion, kind: 'Ingress', metadata: metadata(rng, ingressAnnotations(rng)), spec }
}

export function serviceObject(rng: Rng): Obj {
  const ports = Array.from({ length: rng.int(rng.rare(1) ? 0 : 1, 3) }, () => {
    const port: Obj = { port: numberish(rng, [80, 443, 8080]) }
    if (rng.chance(0.6)) port.targetPort = rng.chance(0.6) ? numberish(rng, [80, 8080, 3000]) : rng.pick(['http', 'web', hostileString(rng)])
    if (rng.chance(0.5)) port.name = rng.pick(['http', 'https', 'web', hostileString(rng)])
    if (rng.chance(0.2)) port.protocol = rng.rare(0.3) ? 'tcp' : rng.pick(['TCP', 'UDP'])
    return port
  })
  // Several ports need distinct names, which the API server checks.
  if (ports.length > 1 && !rng.rare(0.3)) ports.forEach((port, i) => void (port.name = ['http', 'https', 'web'][i]))
  const spec: Obj = { ports }
  if (rng.chance(0.8)) spec.selector = { app: plainName(rng) }
  if (rng.chance(0.2)) spec.type = rng.rare(0.3) ? rng.pick(['ExternalName', 'Nope']) : rng.pick(['ClusterIP', 'NodePort', 'LoadBalancer'])
  if (rng.rare(0.05)) spec.externalName = hostName(rng)
  // Named as the backends name them, mostly, so routes resolve and the checks behind them run.
  const meta = rng.chance(0.9) ? { ...metadata(rng), name: rng.pick(['s1', 'svc', 'web']) } : metadata(rng)
  return { apiVersion: 'v1', kind: 'Service', metadata: meta, spec }
}

function probe(rng: Rng): Obj {
  const p: Obj = rng.chance(0.7) ? { httpGet: { path: pathValue(rng), port: numberish(rng, [80, 8080]) } } : { tcpSocket: { port: numberish(rng, [80]) } }
  for (const field of ['initialDelaySeconds', 'periodSeconds', 'failureThreshold', 'timeoutSeconds', ...(rng.rare(1) ? ['successThreshold'] : [])]) {
    if (rng.chance(0.3)) p[field] = numberish(rng, [0, 1, 3, 5, 10])
  }
  return p
}

function preStop(rng: Rng): Obj {
  return rng.weighted<() => Obj>([
    [3, () => ({ exec: { command: ['sleep', String(numberish(rng, [5, 10, 15]))] } })],
    [2, () => ({ exec: { command: ['sh', '-c', rng.pick(['sleep 5', 'sleep 5 && nginx -s quit', 'sleep $((1+2))', 'kill -TERM 1; sleep 10', 'sleep 1e9', `sleep 5; ${hostileString(rng)}`, hostileString(rng)])] } })],
    [1, () => ({ sleep: { seconds: numberish(rng, [5, 10]) } })],
    [1, () => ({ httpGet: { path: '/shutdown', port: numberish(rng, [8080]) } })],
    [rng.hostility, () => ({ exec: { command: wrongTypeValue(rng) } })],
  ])()
}

export function deploymentObject(rng: Rng): Obj {
  const apiVersion = rng.pick(DEPLOYMENT_VERSIONS)
  const app = plainName(rng)
  const container: Obj = { name: rng.rare(0.15) ? hostileString(rng) : rng.pick(['app', 'web', 'nginx']), image: rng.pick(['nginx:1.25', 'app:v1', 'registry.example/app@sha256:abc', 'app', hostileString(rng)]) }
  if (rng.chance(0.6)) container.ports = [{ containerPort: numberish(rng, [80, 8080]), ...(rng.chance(0.5) ? { name: 'http' } : {}) }]
  if (rng.chance(0.5)) container.readinessProbe = probe(rng)
  if (rng.chance(0.3)) container.livenessProbe = probe(rng)
  if (rng.chance(0.4)) container.lifecycle = { preStop: preStop(rng) }
  const podSpec: Obj = { containers: rng.rare(0.05) ? wrongTypeValue(rng) : [container] }
  if (rng.chance(0.4)) podSpec.terminationGracePeriodSeconds = numberish(rng, [0, 5, 30, 60])
  const spec: Obj = { template: { metadata: { labels: { app } }, spec: podSpec } }
  if (rng.chance(0.8)) spec.replicas = numberish(rng, [1, 2, 3, 5])
  if (!rng.rare(0.5)) spec.selector = { matchLabels: { app: rng.rare(0.1) ? plainName(rng) : app } }
  if (rng.chance(0.5)) {
    const rolling: Obj = {}
    if (rng.chance(0.6)) rolling.maxSurge = rng.chance(0.5) ? numberish(rng, [0, 1, 2]) : rng.pick(rng.rare(0.5) ? ['150%', '-5%', '%', '1.5%'] : ['25%', '0%', '100%'])
    if (rng.chance(0.6)) rolling.maxUnavailable = rng.chance(0.5) ? numberish(rng, [0, 1]) : rng.pick(rng.rare(0.5) ? ['x%', '101%'] : ['25%', '0%', '100%'])
    spec.strategy = rng.chance(0.85) ? { type: 'RollingUpdate', rollingUpdate: rolling } : { type: rng.pick(['Recreate', 'Nope', '']) }
  }
  if (rng.chance(0.2)) spec.minReadySeconds = numberish(rng, [0, 5, 10])
  if (rng.chance(0.2)) spec.progressDeadlineSeconds = numberish(rng, [60, 600])
  if (rng.chance(0.1)) spec.revisionHistoryLimit = numberish(rng, [10])
  if (rng.chance(0.05)) spec.paused = rng.pick([true, false, 'true'])
  return { apiVersion, kind: 'Deployment', metadata: metadata(rng), spec }
}

export function ingressClassObject(rng: Rng): Obj {
  const annotations: Obj = rng.chance(0.5) ? { 'ingressclass.kubernetes.io/is-default-class': rng.pick(['true', 'false', 'TRUE', hostileString(rng)]) } : {}
  return {
    apiVersion: rng.pick(['networking.k8s.io/v1', 'networking.k8s.io/v1beta1']),
    kind: 'IngressClass',
    metadata: { ...metadata(rng, annotations), name: rng.pick(['nginx', 'other', hostileString(rng)]) },
    spec: { controller: rng.rare(0.2) ? hostileString(rng) : rng.pick(['k8s.io/ingress-nginx', 'k8s.io/ingress-nginx', 'example.com/other']) },
  }
}

export function configMapObject(rng: Rng): Obj {
  const data: Obj = {}
  const keys = ['ssl-redirect', 'use-forwarded-headers', 'proxy-read-timeout', 'worker-shutdown-timeout', 'allow-snippet-annotations', 'annotations-risk-level', 'global-rate-limit', hostileString(rng)]
  for (let i = rng.int(0, 5); i > 0; i--) data[rng.pick(keys)] = rng.chance(0.6) ? rng.pick(['true', 'false', '60', '0', '-1', '240s']) : hostileString(rng)
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { ...metadata(rng), name: rng.pick(['ingress-nginx-controller', 'nginx-configuration', 'app-config']), namespace: rng.pick(['ingress-nginx', 'default', 'kube-system']) },
    data: rng.rare(0.1) ? wrongTypeValue(rng) : data,
  }
}

export function unknownObject(rng: Rng): Obj {
  return { apiVersion: rng.pick(['v1', 'example.com/v1', 'batch/v1', '', 'v2']), kind: rng.pick(['Pod', 'CronJob', 'Frobnicator', 'ingress', 'Service ', hostileString(rng)]), metadata: metadata(rng), spec: wrongTypeValue(rng) }
}

/** Replaces, deletes or adds fields at random, `rate` per field, everywhere in `value`. */
export function spoil(rng: Rng, value: Value, rate: number, depth = 0): Value {
  if (Array.isArray(value)) return value.map((item) => spoil(rng, item, rate, depth + 1))
  if (value === null || typeof value !== 'object') return rng.chance(rate) ? wrongTypeValue(rng) : value
  const out: Obj = {}
  for (const [key, field] of Object.entries(value as Obj)) {
    if (rng.chance(rate / 2)) continue
    out[rng.chance(rate / 4) ? hostileString(rng) || key : key] = rng.chance(rate / 2) && depth > 0 ? wrongTypeValue(rng) : spoil(rng, field, rate, depth + 1)
  }
  if (rng.chance(rate)) out[hostileString(rng)] = wrongTypeValue(rng)
  return out
}

/** One object of a kind the engine models (or not), spoiled a little in most cases, a lot in a few. */
export function anyObject(rng: Rng): Obj {
  const build = rng.weighted<(r: Rng) => Obj>([
    [5, ingressObject],
    [3, serviceObject],
    [3, deploymentObject],
    [1, ingressClassObject],
    [1, configMapObject],
    [1, unknownObject],
    [1, gatewayObject],
    [2, httpRouteObject],
    [0.5, gatewayClassObject],
    [0.5, referenceGrantObject],
  ])
  const object = build(rng)
  const rate = rng.weighted([[6 + 20 * (1 - rng.hostility), 0], [3, 0.03], [1, 0.2]] as const)
  return rate === 0 ? object : (spoil(rng, object, rate) as Obj)
}
