/**
 * upstream-vhost, x-forwarded-prefix and a location custom-headers denies, against real nginx
 * (docs/routing.md#upstream-request-headers). The oracle's echo backend repeats the Host header and the
 * X-Forwarded-Prefix it received; every answer — status, backend, upstream URI, upstream Host, X-Forwarded-Prefix —
 * must equal the engine's, and the file users read must pass `nginx -t`.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { compileRoutes } from './compile-routes'
import { NginxOracle, type OracleRequest } from './nginx-oracle'
import { nginx } from '../testing/manifests'
import { clusterModel, configMap, ingress } from '../testing/models'
import type { CompiledRoutes } from './types'

let oracle: NginxOracle

beforeAll(async () => {
  oracle = await NginxOracle.start()
})

afterAll(async () => {
  await oracle.stop()
})

const VHOSTS: readonly string[] = [
  'internal.example',
  'internal.example:8443',
  '$host',
  '$http_host',
  '${host}-backend',
  '$service_name.$namespace.svc.cluster.local',
  '$proxy_upstream_name',
  '$best_http_host',
  'v-$request_method.example',
]

const PREFIXES: readonly string[] = ['/app', '/app$1', '/$2', '/pre/$1/$2', '$1']

function compiled(): CompiledRoutes {
  return compileRoutes(clusterModel(
    ...VHOSTS.map((vhost, i) => ingress(`vhost${i}`, {
      namespace: 'shop',
      annotations: nginx({ 'upstream-vhost': vhost }),
      rules: [{ host: `vhost${i}.test`, paths: [{ path: '/', backend: `web${i}:80` }, { path: '/api', backend: 'api:8080' }] }],
    })),
    ...PREFIXES.map((prefix, i) => ingress(`prefix${i}`, {
      namespace: 'shop',
      annotations: nginx({ 'use-regex': 'true', 'rewrite-target': '/$2', 'x-forwarded-prefix': prefix, ...(i === 0 ? { 'upstream-vhost': 'both.example' } : {}) }),
      rules: [{ host: `prefix${i}.test`, paths: [{ path: '/app(/|$)(.*)', type: 'ImplementationSpecific', backend: 'app:80' }] }],
    })),
    ingress('norewrite', { annotations: nginx({ 'x-forwarded-prefix': '/unused' }), rules: [{ host: 'norewrite.test', paths: [{ path: '/', backend: 'plain:80' }] }] }),
    ingress('plain', { rules: [{ host: 'plain.test', paths: [{ path: '/', backend: 'plain:80' }] }] }),
    ingress('denied', { annotations: nginx({ 'custom-headers': 'default/nothere', 'upstream-vhost': 'x.example' }), rules: [{ host: 'denied.test', paths: [{ path: '/', backend: 'd:80' }, { path: '/exact', type: 'Exact', backend: 'd:80' }] }] }),
    ingress('notallowed', { annotations: nginx({ 'custom-headers': 'default/h' }), rules: [{ host: 'notallowed.test', paths: [{ path: '/', backend: 'h:80' }] }] }),
    configMap('h', { 'X-Custom': 'yes' }, 'default'),
  ))
}

const REQUESTS: readonly OracleRequest[] = [
  ...VHOSTS.flatMap((_, i) => [
    { host: `vhost${i}.test`, path: '/' },
    { host: `VHost${i}.Test:8080`, path: '/api/items?x=1' },
    { host: `vhost${i}.test.`, path: '/other' },
  ]),
  ...PREFIXES.flatMap((_, i) => [
    { host: `prefix${i}.test`, path: '/app/users/7' },
    { host: `prefix${i}.test`, path: '/APP' },
    { host: `prefix${i}.test:81`, path: '/app/' },
    { host: `prefix${i}.test`, path: '/other' },
  ]),
  { host: 'norewrite.test', path: '/x' },
  { host: 'plain.test', path: '/' },
  { host: 'Plain.TEST:8081', path: '/a/b' },
  { host: 'denied.test', path: '/' },
  { host: 'denied.test', path: '/exact' },
  { host: 'notallowed.test', path: '/' },
]

describe('upstream request headers in real nginx', () => {
  test('the file users read passes nginx -t', () => {
    const { ok, output } = oracle.test(compiled())
    expect(output).toBe('')
    expect(ok).toBe(true)
  })

  test('Host and X-Forwarded-Prefix as the upstream receives them, and the denied locations\' 503: 0 differences', async () => {
    let withPrefix = 0
    let vhosts = 0
    let denied = 0
    const failures = await oracle.check(compiled(), REQUESTS, 'upstream-headers', (result) => {
      if (result.upstreamHeaders?.['X-Forwarded-Prefix'] !== undefined) withPrefix++
      if (result.status === 200 && result.upstreamVhost !== undefined) vhosts++
      if (result.status === 503) denied++
    })
    expect(failures).toEqual([])
    // The cases reach what they are about: prefixes sent, vhosts used, locations denied.
    expect(withPrefix).toBeGreaterThanOrEqual(12)
    expect(vhosts).toBeGreaterThanOrEqual(27)
    expect(denied).toBe(3)
  })
})
