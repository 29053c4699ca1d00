import { describe, expect, it } from 'vitest'
import type { CliIo } from '../io'
import { runCli } from '../main'

/** A three-replica Deployment behind a Service and an Ingress, with `preStop` (YAML flow) as its hook. */
function webManifest({ preStop }: { preStop: string }): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: example/web:v1
        ports: [{containerPort: 8080}]
        readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSeconds: 2}
        lifecycle: {preStop: ${preStop}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  ingressClassName: nginx
  rules:
  - host: web.example.com
    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
`
}

async function rolloutJson(text: string, flags: string[] = []): Promise<Record<string, unknown>> {
  let out = ''
  const io: CliIo = {
    stdout: (chunk) => void (out += chunk),
    stderr: () => {},
    language: 'en',
    readStdin: async () => '',
    readFile: async () => text,
  }
  await runCli(['rollout', 'web.yaml', '--format', 'json', ...flags], io)
  return JSON.parse(out) as Record<string, unknown>
}

describe('rollout --format json: the preStop hook and the advice as data', () => {
  it('gives the hook with its duration from the manifest', async () => {
    const json = await rolloutJson(webManifest({ preStop: '{exec: {command: ["sh", "-c", "sleep 10"]}}' }))
    expect(json.preStop).toEqual({
      handler: { type: 'exec', command: ['sh', '-c', 'sleep 10'] },
      duration: { kind: 'known', seconds: 10, from: 'exec-sleep' },
      runSeconds: 10,
      assumed: false,
    })
    expect(json.advice).toEqual({})
  })

  it('gives each failure kind\'s cause, remedy and change, and says an httpGet hook\'s time was assumed', async () => {
    const json = await rolloutJson(webManifest({ preStop: '{httpGet: {path: /prestop, port: 8080}}' }), ['--prestop-http', '0'])
    expect(json.preStop).toMatchObject({ runSeconds: 0, assumed: true, duration: { kind: 'unknown', handler: 'httpGet' } })
    expect((json.advice as Record<string, unknown>)['listener-closed']).toMatchObject({
      cause: { kind: 'listener-closed', lagSeconds: 1 },
      remedy: { kind: 'lengthen-prestop', hook: 'assumed', currentSeconds: 0, suggestedSeconds: 5 },
      change: { kind: 'parameters', parameters: { preStopHttpSeconds: 5 } },
    })
  })
})
