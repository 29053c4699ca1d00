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
import { deploymentYaml } from '../testing/manifests'
import { modelOf } from '../testing/models'
import { createRandom, type RandomSource } from './random'
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

const deployment = (name: string, replicas = 1): string => '---\n' + deploymentYaml(name, { namespace: 'shop', replicas })

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

const SEED = Number(process.env.BACKENDS_SEED ?? 20261203)
const SCENARIOS = Number(process.env.BACKENDS_SCENARIOS ?? 40)

const pick = <T>(random: RandomSource, items: readonly T[]): T => items[Math.floor(random.next() * items.length)] as T

/**
 * One generated scenario: Services present or missing, with endpoints or not (no pods, replicas 0, no match), ports
 * that match by number, by targetPort, by name or not at all, default-backend annotations naming usable, missing
 * or endpoint-less Services, with rewrites and redirects around them.
 */
function scenario(random: RandomSource): { text: string; requests: OracleRequest[] } {
  const services = [
    random.next() < 0.8 ? service('web') + deployment('web') : '',
    random.next() < 0.8 ? service('api', '  - name: http\n    port: 80\n    targetPort: 8080\n  - name: admin\n    port: 9000') + deployment('api', pick(random, [0, 1, 2])) : '',
    random.next() < 0.7 ? service('errors') + deployment('errors', pick(random, [0, 1, 1])) : '',
    random.next() < 0.5 ? service('lost', '  - port: 80', '  selector:\n    app: nobody\n') : '',
  ]
  const ingresses: string[] = []
  const requests: OracleRequest[] = []
  const count = 1 + Math.floor(random.next() * 4)
  for (let i = 0; i < count; i++) {
    const name = `g${i}`
    const backend = pick(random, ['web', 'api', 'errors', 'lost', 'gone'])
    const port = pick(random, ['number: 80', 'number: 8080', 'number: 81', 'number: 9000', 'name: http', 'name: admin', 'name: nope'])
    const annotations: Record<string, string> = {}
    if (random.next() < 0.6) annotations['default-backend'] = pick(random, ['errors', 'gone', 'web', 'lost'])
    const regex = random.next() < 0.3
    if (regex) {
      annotations['use-regex'] = 'true'
      annotations['rewrite-target'] = '/r/$1'
    } else if (random.next() < 0.1) {
      annotations['permanent-redirect'] = 'https://moved.test/'
    }
    const paths = regex ? '/p/(.*)|ImplementationSpecific /|Prefix' : pick(random, ['/', '/ /a|Exact', '/a/ /b', '/b/c'])
    ingresses.push(ingress(name, backend, port, paths, annotations))
    for (const path of ['/', '/a', '/a/', '/b/c/d', '/p/x%20y?q=1', '/P/z']) requests.push({ host: `${name}.test`, path })
  }
  return { text: services.join('') + ingresses.join(''), requests }
}

describe('generated scenarios with Services, endpoints and default-backend annotations in real nginx', () => {
  test(`${SCENARIOS} scenarios (seed ${SEED}): 0 differences, every kind of answer met`, async () => {
    const random = createRandom(SEED)
    const seen = new Map<string, number>()
    const failures: string[] = []
    let requests = 0
    for (let i = 0; i < SCENARIOS; i++) {
      const { text, requests: list } = scenario(random)
      const routes = compileRoutes(modelOf(text))
      requests += list.length
      const found = await oracle.check(routes, list, `backends-gen-${i}`, (result) => {
        const kind = result.unavailable ? (result.unavailable.customDefaultBackend ? 'custom' : `503 ${result.unavailable.reason}`) : String(result.status)
        seen.set(kind, (seen.get(kind) ?? 0) + 1)
      })
      if (found.length > 0) failures.push(`Scenario ${i} (seed ${SEED}):\n${text}\n${found.slice(1).join('\n')}`)
    }
    expect(failures).toEqual([])
    expect(requests).toBeGreaterThan(SCENARIOS * 6)
    expect([...seen.keys()]).toEqual(expect.arrayContaining(['200', 'custom', '503 service-missing', '503 port-missing', '503 selects-nothing', '503 zero-replicas', '301']))
  }, 120_000)
})
