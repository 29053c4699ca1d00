/**
 * Rollout scenarios about stopping pods, as manifest text through the model stage: a `web` Deployment behind a
 * Service and an Ingress with the preStop hook, grace period, strategy and probes a test varies, and a runner that
 * analyses the text and simulates its rollout.
 */
import { analyze } from '../analyze'
import type { RolloutParameters } from '../simulate/parameters'
import { simulateScenario } from '../simulate/run-scenario'
import type { RolloutResult } from '../simulate/simulate-rollout'

export interface WebOptions {
  readonly replicas?: number
  /** The `strategy:` value as YAML flow, e.g. `{type: Recreate}`. Default: RollingUpdate, maxSurge 1, maxUnavailable 0. */
  readonly strategy?: string
  /** The `lifecycle.preStop` value as YAML flow, e.g. `{exec: {command: ["sleep", "10"]}}`; null for none. */
  readonly preStop?: string | null
  readonly grace?: number
  /** Default: an httpGet readinessProbe on the serving port every 2 s; null for none. */
  readonly readiness?: boolean
  /** Extra container fields as YAML lines at the container's indentation (e.g. a livenessProbe). */
  readonly containerExtra?: string
}

/** The Deployment, Service and Ingress of `web`. */
export function webManifest(o: WebOptions = {}): string {
  const { replicas = 3, strategy = '{type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}', preStop = null, grace = 30, readiness = true } = o
  const lines = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    `  replicas: ${replicas}`,
    '  selector:',
    '    matchLabels: {app: web}',
    `  strategy: ${strategy}`,
    '  template:',
    '    metadata:',
    '      labels: {app: web}',
    '    spec:',
    `      terminationGracePeriodSeconds: ${grace}`,
    '      containers:',
    '      - name: web',
    '        image: example/web:v1',
    '        ports: [{containerPort: 8080}]',
    ...(readiness ? ['        readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSeconds: 2}'] : []),
    ...(preStop === null ? [] : [`        lifecycle: {preStop: ${preStop}}`]),
    ...(o.containerExtra ? [o.containerExtra] : []),
    '---',
    'apiVersion: v1',
    'kind: Service',
    'metadata: {name: web}',
    'spec:',
    '  selector: {app: web}',
    '  ports: [{port: 80, targetPort: 8080}]',
    '---',
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata: {name: web}',
    'spec:',
    '  ingressClassName: nginx',
    '  rules:',
    '  - host: web.example.com',
    '    http:',
    '      paths:',
    '      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}',
  ]
  return lines.join('\n') + '\n'
}

/** The rollout of the text's `web` Deployment; a text or parameters the engine rejects is a test bug, so it throws. */
export function simulateText(text: string, parameters: Partial<RolloutParameters> = {}): RolloutResult {
  const { model } = analyze([{ name: 'manifest.yaml', text }])
  const outcome = simulateScenario({ model, deployment: 'default/web', parameters })
  if (outcome.kind !== 'ok') throw new Error(outcome.problems.map((p) => p.message).join('; '))
  return outcome.result
}

/** Requests that failed, in all. */
export const failedRequests = (r: RolloutResult): number => r.load.requests - r.load.success
