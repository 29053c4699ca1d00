import { describe, expect, it } from 'vitest'
import { memoryIo } from '../memory-io'
import { runCli } from '../main'

/** 1,000 replicas with the default 10 s readiness and liveness probes (the API's 25% surge: 1,250 pods at most). */
const LARGE = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1000
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: example/web:1
        ports: [{containerPort: 8080}]
        readinessProbe: {httpGet: {path: /ready, port: 8080}}
        livenessProbe: {httpGet: {path: /healthz, port: 8080}}
`

describe('rollout: a run too large to be instant', () => {
  it('exits 2 with the size, the limit and what to lower, at the Deployment\'s replicas', async () => {
    const io = memoryIo({ 'big.yaml': LARGE })
    const code = await runCli(['rollout', 'big.yaml', '--at', '86400'], io)
    expect(code).toBe(2)
    expect(io.out()).toBe('')
    expect(io.err()).toMatch(/^big\.yaml:5:\d+: This run needs about 21,600,000 probe attempts \(1,250 pods × 86,400 s × 0\.20 per pod and second\), above the simulator's limit of 250,000: past that size a run stops being instant\. Lower replicas, --duration or --at, or probe less often \(periodSeconds\)\.\n$/)
  })
})
