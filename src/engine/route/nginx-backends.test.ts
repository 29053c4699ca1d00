/**
 * Upstreams without endpoints and the default-backend annotation against real nginx (docs/routing.md#assumptions,
 * docs/routing.md#default-backend-annotation). The oracle renders an upstream without endpoints as a backend that
 * answers 503 — what ingress-nginx's Lua balancer answers, which plain nginx cannot run — so everything before the
 * balancer (location choice, redirects, rewrite, the trailing-slash 301) is nginx's own; a custom default backend
 * is a real upstream with nginx.tmpl's X-Code headers, which the echo backend repeats. Every answer must equal the
 * engine's; the file users read must pass `nginx -t`.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { compileRoutes } from './compile-routes'
import { NginxOracle, type OracleRequest } from './nginx-oracle'
import { renderNginxConf } from './render-nginx-conf'
import { modelOf } from '../testing/models'
import type { CompiledRoutes } from './types'

let oracle: NginxOracle

beforeAll(async () => {
  oracle = await NginxOracle.start()
})

afterAll(async () => {
  await oracle.stop()
})

const ingress = (name: string, backend: string, port: string, paths: string, annotations: Record<string, string> = {}): string => {
  const notes = Object.entries(annotations).map(([k, v]) => `    nginx.ingress.kubernetes.io/${k}: ${JSON.stringify(v)}`).join('\n')
  const list = paths.split(' ').map((entry) => {
    const [path, type] = entry.split('|')
    return `      - path: ${JSON.stringify(path)}\n        pathType: ${type ?? 'Prefix'}\n        backend:\n          service:\n            name: ${backend}\n            port:\n              ${port}`
  }).join('\n')
  return `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: shop
${notes ? `  annotations:\n${notes}\n` : ''}spec:
  rules:
  - host: ${name}.test
    http:
      paths:
${list}
`
}

const service = (name: string, ports = '  - name: http\n    port: 80\n    targetPort: 8080', extra = `  selector:\n    app: ${name}\n`): string =>
  `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n${extra}  ports:\n${ports}\n`

const deployment = (name: string, replicas = 1): string => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: app
        image: nginx:1.27
`

/** One Ingress per case, each on its own host; the manifests hold Services, so missing ones are missing. */
const MANIFESTS = [
  service('web') + deployment('web'),
  service('errors') + deployment('errors'),
  service('idle') + deployment('idle', 0),
  service('lost', '  - port: 80', '  selector:\n    app: nobody\n'),
  service('ext', '  - port: 443', '  type: ExternalName\n  externalName: localhost\n'),
  ingress('ok', 'web', 'number: 80', '/ /a|Exact'),
  ingress('missing', 'nothere', 'number: 80', '/ /docs/'),
  ingress('port', 'web', 'number: 81', '/'),
  ingress('portname', 'web', 'name: grpc', '/'),
  ingress('target', 'web', 'number: 8080', '/'),
  ingress('idle', 'idle', 'number: 80', '/'),
  ingress('lost', 'lost', 'number: 80', '/'),
  ingress('ext', 'ext', 'number: 443', '/'),
  ingress('custom', 'nothere', 'number: 80', '/ /app/', { 'default-backend': 'errors' }),
  ingress('customidle', 'idle', 'number: 80', '/', { 'default-backend': 'errors' }),
  ingress('customgone', 'nothere', 'number: 80', '/', { 'default-backend': 'gone' }),
  ingress('customdead', 'nothere', 'number: 80', '/', { 'default-backend': 'idle' }),
  ingress('customok', 'web', 'number: 80', '/', { 'default-backend': 'errors' }),
  ingress('rewrite', 'nothere', 'number: 80', '/api/(.*)|ImplementationSpecific', { 'default-backend': 'errors', 'use-regex': 'true', 'rewrite-target': '/v2/$1' }),
  ingress('rewrite503', 'nothere', 'number: 80', '/api/(.*)|ImplementationSpecific', { 'use-regex': 'true', 'rewrite-target': '/v2/$1' }),
  ingress('redirect', 'nothere', 'number: 80', '/', { 'permanent-redirect': 'https://elsewhere.test/' }),
  ingress('approot', 'nothere', 'number: 80', '/', { 'app-root': '/start' }),
].join('')

const REQUESTS: readonly OracleRequest[] = [
  ...['ok', 'missing', 'port', 'portname', 'target', 'idle', 'lost', 'ext', 'custom', 'customidle', 'customgone', 'customdead', 'customok', 'redirect', 'approot'].flatMap((name) => [
    { host: `${name}.test`, path: '/' },
    { host: `${name}.test`, path: '/a' },
    { host: `${name}.test`, path: '/x/y?q=1' },
  ]),
  { host: 'missing.test', path: '/docs' },
  { host: 'missing.test', path: '/docs/page' },
  { host: 'custom.test', path: '/app' },
  { host: 'custom.test', path: '/app/deep/%7Epath?x=1' },
  { host: 'custom.test', path: '/', headers: { 'X-Request-ID': 'abc' } },
  { host: 'rewrite.test', path: '/api/items/7?full=1' },
  { host: 'rewrite.test', path: '/API/x' },
  { host: 'rewrite.test', path: '/other' },
  { host: 'rewrite503.test', path: '/api/items/7' },
  { host: 'unknown.test', path: '/' },
]

function compiled(): CompiledRoutes {
  return compileRoutes(modelOf(MANIFESTS))
}

describe('upstreams without endpoints and the default-backend annotation in real nginx', () => {
  test('the file users read passes nginx -t and says what ingress-nginx does', () => {
    const routes = compiled()
    const { ok, output } = oracle.test(routes)
    expect(output).toBe('')
    expect(ok).toBe(true)
    const text = renderNginxConf(routes)
    expect(text).toContain("ingress-nginx's Lua balancer answers 503")
    expect(text).toContain('upstream custom-default-backend-shop-errors {')
    expect(text).toMatch(/set \$proxy_upstream_name "custom-default-backend-shop-errors";/)
    expect(text).toMatch(/proxy_set_header X-Code 503;\n\s+proxy_set_header X-Format \$http_accept;/)
    expect(text).toContain('map $http_x_request_id $req_id {')
  })

  test('every answer equals the engine\'s: 0 differences', async () => {
    const statuses = new Map<number, number>()
    let custom = 0
    const failures = await oracle.check(compiled(), REQUESTS, 'backends', (result) => {
      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1)
      if (result.unavailable?.customDefaultBackend) custom++
    })
    expect(failures).toEqual([])
    // The scenarios reach every kind of answer: proxied, 503, the custom default backend, redirects, the 404.
    expect(statuses.get(503)).toBeGreaterThanOrEqual(15)
    expect(statuses.get(200)).toBeGreaterThanOrEqual(10)
    expect(custom).toBeGreaterThanOrEqual(8)
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 301, 302, 404, 503]))
  })
})
