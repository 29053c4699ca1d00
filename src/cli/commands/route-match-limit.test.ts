/** `route` on a catastrophic regex returns nginx's 500 in bounded time instead of backtracking for seconds. */
import { beforeAll, expect, test } from 'vitest'
import type { CliIo } from '../io'
import { runCli } from '../main'

const MANIFEST = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: attack
  annotations:
    nginx.ingress.kubernetes.io/use-regex: "true"
spec:
  rules:
  - host: t.test
    http:
      paths:
      - path: /(a+)+b
        pathType: ImplementationSpecific
        backend:
          service: {name: app, port: {number: 80}}
`

// Loaded first, so the CPU time measured is the route's, not the transform of the engine (seconds on a busy machine).
beforeAll(() => import('./route'), 30_000)

test('route with 32 a\'s against /(a+)+b answers 500 within a second of CPU time', async () => {
  let out = ''
  const io: CliIo = {
    stdout: (text) => void (out += text),
    stderr: () => {},
    language: 'en',
    readStdin: async () => '',
    readFile: async () => MANIFEST,
  }
  const started = process.cpuUsage()
  expect(await runCli(['route', 'attack.yaml', '--url', `http://t.test/${'a'.repeat(32)}!b`], io)).toBe(0)
  const used = process.cpuUsage(started)
  expect((used.user + used.system) / 1000).toBeLessThan(1000)
  const result = JSON.parse(out)
  expect(result.status).toBe(500)
  expect(result.trace.join('\n')).toContain("PCRE's match limit")
})
