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
