/** The `route` line's `upstreamHost`: present only when upstream-vhost set the Host the upstream receives (docs/routing.md#upstream-request-headers). */
import { describe, expect, test } from 'vitest'
import { memoryIo } from '../memory-io'
import { runCli } from '../main'

const FIELDS = ['status', 'service', 'port', 'namespace', 'ingress', 'host', 'rewrittenPath', 'location', 'canary', 'trace']

const manifest = (annotations: string): string => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
${annotations ? `  annotations:\n${annotations}\n` : ''}spec:
  rules:
  - host: web.test
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service: {name: web, port: {number: 80}}
`

async function line(annotations: string, url: string): Promise<Record<string, unknown>> {
  const io = memoryIo({ 'w.yaml': manifest(annotations) }, '')
  expect(await runCli(['route', 'w.yaml', '--url', url], io)).toBe(0)
  expect(io.err()).toBe('')
  return JSON.parse(io.out()) as Record<string, unknown>
}

describe('route: upstreamHost', () => {
  test('without upstream-vhost the line is unchanged (no upstreamHost key)', async () => {
    const answer = await line('', 'http://web.test:8080/x')
    expect(Object.keys(answer)).toEqual(FIELDS)
  })

  test('with upstream-vhost the line ends with upstreamHost, variables expanded; null when nothing is proxied', async () => {
    const vhost = '    nginx.ingress.kubernetes.io/upstream-vhost: "$service_name.$namespace.svc.cluster.local"'
    const answer = await line(vhost, 'http://web.test/x')
    expect(Object.keys(answer)).toEqual([...FIELDS, 'upstreamHost'])
    expect(answer).toMatchObject({ status: 200, host: 'web.test', upstreamHost: 'web.shop.svc.cluster.local' })
    const redirected = await line(`${vhost}\n    nginx.ingress.kubernetes.io/permanent-redirect: https://else.test/`, 'http://web.test/x')
    expect(redirected).toMatchObject({ status: 301, upstreamHost: null })
    expect(Object.keys(redirected)).toEqual([...FIELDS, 'upstreamHost'])
  })
})
