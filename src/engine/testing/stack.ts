/**
 * The lint tests' stack: an Ingress → Service web:80 → Deployment web (container port 8080 named http), written
 * with the fixture builders, with raw YAML for the parts a rule test varies (probes, pod fields, strategy).
 */
import { deploymentYaml, ingressYaml, joinDocuments, serviceYaml } from './manifests'

export interface StackOptions {
  /** Lines under the container (indented 8 spaces in the output), e.g. probes. */
  readonly container?: string
  /** Lines under the Deployment's spec (2 spaces). */
  readonly spec?: string
  /** Lines under the pod spec (6 spaces). */
  readonly pod?: string
  readonly replicas?: number
  readonly apiVersion?: string
  /** The Service's selector label value (default: web). */
  readonly selects?: string
  /** False: no Ingress in front. */
  readonly ingress?: boolean
  /** Extra documents appended. */
  readonly extra?: string
}

/** An Ingress → Service web:80 → Deployment web (container port 8080 named http). */
export function stack(o: StackOptions = {}): string {
  const documents = [
    deploymentYaml('web', {
      ...(o.apiVersion ? { apiVersion: o.apiVersion } : {}),
      replicas: o.replicas ?? 3,
      ...(o.spec ? { specLines: o.spec } : {}),
      ...(o.pod ? { podLines: o.pod } : {}),
      containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 8080 }], ...(o.container ? { lines: o.container } : {}) }],
    }),
    serviceYaml('web', { selector: { app: o.selects ?? 'web' }, ports: [{ port: 80, targetPort: 'http' }] }),
  ]
  if (o.ingress !== false) documents.push(ingressYaml('web', { rules: [{ host: 'web.example.com', paths: [{ path: '/', backend: 'web:80' }] }] }))
  if (o.extra) documents.push(o.extra.trim() + '\n')
  return joinDocuments(...documents)
}

/** The probes every stack test starts from unless it varies them: readiness on the port, preStop sleep. */
export const HEALTHY = `readinessProbe:
  httpGet: {path: /healthz, port: http}
lifecycle:
  preStop:
    sleep: {seconds: 5}`
