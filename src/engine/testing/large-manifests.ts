/**
 * Generated manifests for benchmarks, written with the fixture builders: the analyze benchmark's realistic
 * 2 MB input and the graph benchmark's host → paths → Service → Deployment groups. Pure, so the browser
 * benchmark page (src/bench/graph-perf) can build the same text.
 */
import { deploymentYaml, ingressYaml, joinDocuments, nginx, serviceYaml } from './manifests'

/** An app with the fields real manifests carry: namespace, labels, TLS, a regex rewrite, probes, env, a preStop. */
function realisticApp(i: number): string[] {
  const name = `app-${i}`
  const namespace = `team-${i % 17}`
  const labels = { 'app.kubernetes.io/name': name }
  const ingress = ingressYaml(name, {
    namespace,
    labels,
    annotations: nginx({ 'rewrite-target': '/$2' }),
    className: 'nginx',
    tls: [{ hosts: [`${name}.example.com`], secretName: `${name}-tls` }],
    rules: [{
      host: `${name}.example.com`,
      paths: [
        { path: '/api(/|$)(.*)', type: 'ImplementationSpecific', backend: `${name}:80` },
        { path: '/static', type: 'Prefix', backend: `${name}:http` },
      ],
    }],
  })
  const service = serviceYaml(name, { namespace, labels, type: 'ClusterIP', selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http' }] })
  const deployment = deploymentYaml(name, {
    namespace,
    labels: { ...labels, 'app.kubernetes.io/version': `1.${i % 50}.0` },
    podLabels: labels,
    replicas: 1 + (i % 5),
    strategy: { type: 'RollingUpdate', maxSurge: '25%', maxUnavailable: 0 },
    containers: [{
      image: `registry.example.com/shop/${name}:1.${i % 50}.0`,
      ports: [{ name: 'http', containerPort: 8080 }],
      readinessProbe: { handler: { type: 'httpGet', path: '/ready', port: 'http' }, periodSeconds: 5 },
      livenessProbe: { handler: { type: 'httpGet', path: '/healthz', port: 'http' } },
      preStop: { type: 'exec', command: ['sh', '-c', 'sleep 10'] },
      lines: `args: ["--port=8080", "--log-level=info"]
env:
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: ${name}-db
      key: url
resources:
  requests:
    cpu: 100m
    memory: 128Mi`,
    }],
  })
  return [ingress, service, deployment]
}

/** `count` realistic apps (Ingress, Service, Deployment each): about 2 MB at 1000. */
export function realisticManifest(count: number): string {
  const documents: string[] = []
  for (let i = 0; i < count; i++) documents.push(...realisticApp(i))
  return joinDocuments(...documents)
}

/**
 * `groups` copies of host → two paths → Service → Deployment with two pods: eight graph nodes each (host, two
 * paths, Service, Deployment, ReplicaSet, two pods).
 */
export function graphManifest(groups: number): string {
  const documents: string[] = []
  for (let i = 0; i < groups; i++) {
    documents.push(
      ingressYaml(`site-${i}`, { rules: [{ host: `app-${i}.example.com`, paths: [{ path: '/api', backend: `svc-${i}:80` }, { path: '/web', backend: `svc-${i}:80` }] }] }),
      serviceYaml(`svc-${i}`, { selector: { app: `app-${i}` } }),
      deploymentYaml(`app-${i}`, { replicas: 2, containers: [{ image: `example/app:${i}` }] }),
    )
  }
  return joinDocuments(...documents)
}

/**
 * `count` Ingresses over six namespaces, each with its own host, one path, a Service and a Deployment scaled to
 * zero: the paste of issue 13 (300 of them make a graph of 1,502 nodes).
 */
export function ingressFleetManifest(count: number): string {
  const documents: string[] = []
  for (let i = 0; i < count; i++) {
    const namespace = `team-${i % 6}`
    documents.push(
      ingressYaml(`site-${i}`, { namespace, rules: [{ host: `app-${i}.example.com`, paths: [{ path: '/', backend: `svc-${i}:80` }] }] }),
      serviceYaml(`svc-${i}`, { namespace, selector: { app: `app-${i}` } }),
      deploymentYaml(`app-${i}`, { namespace, replicas: 0 }),
    )
  }
  return joinDocuments(...documents)
}

/** The fields the API server adds to every object it returns: what `kubectl get -o yaml` prints beside the spec. */
function serverFields(name: string, i: number, manager: string): Record<string, unknown> {
  return {
    creationTimestamp: '2026-11-02T08:15:30Z',
    generation: 1 + (i % 3),
    resourceVersion: String(4_000_000 + i),
    uid: `6f1c2d3e-${String(i).padStart(4, '0')}-4a5b-8c7d-0123456789ab`,
    managedFields: [{
      apiVersion: 'v1',
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:app.kubernetes.io/name': {} } }, 'f:spec': { '.': {} } },
      manager,
      operation: 'Update',
      time: '2026-11-02T08:15:30Z',
    }],
    name,
  }
}

/**
 * What `kubectl get ingress,svc,deploy -A -o yaml` (or `-o json`) prints for `apps` apps: one `kind: List` whose
 * items are an Ingress, a Service and a Deployment each, with status, managedFields, uid and resourceVersion
 * (about 1.3 KB of YAML an object: 6,667 apps make the issue-17 export of 20,000 objects and 25 MB).
 */
export function kubectlExport(apps: number): Record<string, unknown> {
  const items: Record<string, unknown>[] = []
  for (let i = 0; i < apps; i++) {
    const name = `app-${i}`
    const namespace = `team-${i % 23}`
    const labels = { 'app.kubernetes.io/name': name }
    items.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { ...serverFields(name, i, 'helm'), namespace, labels, annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '8m' } },
      spec: {
        ingressClassName: 'nginx',
        rules: [{ host: `${name}.example.com`, http: { paths: [
          { path: '/', pathType: 'Prefix', backend: { service: { name, port: { number: 80 } } } },
          { path: '/api', pathType: 'Prefix', backend: { service: { name, port: { name: 'http' } } } },
        ] } }],
      },
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } },
    }, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { ...serverFields(name, i, 'helm'), namespace, labels },
      spec: {
        clusterIP: `10.96.${(i >> 8) & 255}.${i & 255}`,
        ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }],
        selector: labels,
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    }, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { ...serverFields(name, i, 'helm'), namespace, labels, annotations: { 'deployment.kubernetes.io/revision': '3' } },
      spec: {
        progressDeadlineSeconds: 600,
        replicas: 2,
        revisionHistoryLimit: 10,
        selector: { matchLabels: labels },
        strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
        template: {
          metadata: { labels },
          spec: {
            containers: [{
              image: `registry.example.com/shop/${name}:1.${i % 50}.0`,
              imagePullPolicy: 'IfNotPresent',
              name: 'app',
              ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
              readinessProbe: { failureThreshold: 3, httpGet: { path: '/ready', port: 'http', scheme: 'HTTP' }, periodSeconds: 5, successThreshold: 1, timeoutSeconds: 1 },
              resources: { requests: { cpu: '100m', memory: '128Mi' } },
            }],
            dnsPolicy: 'ClusterFirst',
            restartPolicy: 'Always',
            terminationGracePeriodSeconds: 30,
          },
        },
      },
      status: {
        availableReplicas: 2,
        conditions: [
          { lastTransitionTime: '2026-11-02T08:16:02Z', lastUpdateTime: '2026-11-02T08:16:02Z', message: 'Deployment has minimum availability.', reason: 'MinimumReplicasAvailable', status: 'True', type: 'Available' },
        ],
        observedGeneration: 3,
        readyReplicas: 2,
        replicas: 2,
        updatedReplicas: 2,
      },
    })
  }
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }
}

/** A plain string as sigs.k8s.io/yaml leaves it unquoted; anything else is written as a JSON string (valid YAML). */
const PLAIN_STRING = /^[A-Za-z][A-Za-z0-9._/-]*$/
const WORD_SCALAR = /^(?:true|false|null|yes|no|on|off|y|n)$/i

function scalarText(value: unknown): string {
  if (typeof value === 'string') return PLAIN_STRING.test(value) && !WORD_SCALAR.test(value) ? value : JSON.stringify(value)
  return JSON.stringify(value)
}

function isMapValue(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function writeMap(map: Record<string, unknown>, indent: string, lines: string[]): void {
  for (const [key, value] of Object.entries(map)) {
    const head = `${indent}${scalarText(key)}:`
    if (isMapValue(value) && Object.keys(value).length > 0) {
      lines.push(head)
      writeMap(value, `${indent}  `, lines)
    } else if (Array.isArray(value) && value.length > 0) {
      lines.push(head)
      writeSeq(value, indent, lines) // kubectl's style: a sequence at its key's column
    } else lines.push(`${head} ${isMapValue(value) ? '{}' : Array.isArray(value) ? '[]' : scalarText(value)}`)
  }
}

function writeSeq(items: readonly unknown[], indent: string, lines: string[]): void {
  for (const item of items) {
    if (isMapValue(item) && Object.keys(item).length > 0) {
      const first = lines.length
      writeMap(item, `${indent}  `, lines)
      lines[first] = `${indent}- ${(lines[first] as string).slice(indent.length + 2)}`
    } else if (Array.isArray(item) || isMapValue(item)) throw new Error('kubectlYaml writes no empty maps or sequences in sequences')
    else lines.push(`${indent}- ${scalarText(item)}`)
  }
}

/**
 * JSON-like data (maps, sequences, strings, numbers, booleans, null) as block YAML in kubectl's layout, written
 * directly: the `yaml` library's stringify takes ~7 s for the 27 MB export, this a fraction of a second.
 */
export function kubectlYaml(data: Record<string, unknown>): string {
  const lines: string[] = []
  writeMap(data, '', lines)
  return `${lines.join('\n')}\n`
}
