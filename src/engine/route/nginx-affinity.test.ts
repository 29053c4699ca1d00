/**
 * Session affinity's rendered configuration against the real nginx (docs/routing.md#session-affinity). The
 * sticky balancer lives in ingress-nginx's Lua, so the engine's nginx.conf carries it as a comment only: the
 * configuration with every affinity annotation (hostile cookie names and paths included) must pass `nginx -t`,
 * and plain requests must get the same answer from nginx and the engine (affinity picks a pod inside the
 * upstream; it never changes which location, Service or URI answers).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { compileRoutes } from './compile-routes'
import { NginxOracle, type OracleRequest } from './nginx-oracle'
import { renderNginxConf } from './render-nginx-conf'
import { nginx } from '../testing/manifests'
import { clusterModel, ingress } from '../testing/models'

let oracle: NginxOracle

beforeAll(async () => {
  oracle = await NginxOracle.start()
}, 30_000)

afterAll(async () => {
  await oracle?.stop()
})

const ANNOTATION_SETS: readonly Record<string, string>[] = [
  { affinity: 'cookie' },
  { affinity: 'cookie', 'affinity-mode': 'persistent', 'session-cookie-name': 'SERVERID', 'session-cookie-path': '/api', 'session-cookie-expires': '172800', 'session-cookie-max-age': '259200' },
  { affinity: 'cookie', 'use-regex': 'true', 'session-cookie-samesite': 'None', 'session-cookie-conditional-samesite-none': 'true', 'session-cookie-secure': 'true', 'session-cookie-domain': 'a.test' },
  { affinity: 'cookie', 'rewrite-target': '/$2', 'session-cookie-name': 'x;y{z}"\n#' },
  { affinity: 'cookie', 'session-cookie-path': '/p?a=1&b=2', 'session-cookie-change-on-failure': 'true', 'affinity-canary-behavior': 'legacy' },
]

function compiledFor(annotations: Record<string, string>) {
  const regex = annotations['use-regex'] === 'true' || annotations['rewrite-target'] !== undefined
  const paths = regex
    ? [{ path: '/api(/|$)(.*)', type: 'ImplementationSpecific' as const, backend: 'web:80' }, { path: '/x/[0-9]+', type: 'ImplementationSpecific' as const, backend: 'web:80' }]
    : [{ path: '/api', backend: 'web:80' }, { path: '/', backend: 'other:80' }]
  return compileRoutes(clusterModel(
    ingress('sticky', { annotations: nginx(annotations), rules: [{ host: 'a.test', paths }] }),
    ingress('plain', { rules: [{ host: 'a.test', paths: [{ path: '/plain', backend: 'web:80' }] }, { paths: [{ path: '/', backend: 'web:80' }] }] }),
  ))
}

const REQUESTS: readonly OracleRequest[] = ['/', '/api', '/api/', '/api/users/1', '/x/12', '/x/ab', '/plain', '/plain/x', '/other']
  .flatMap((path) => [{ host: 'a.test', path }, { host: 'b.test', path }])

describe('session affinity in the rendered nginx.conf', () => {
  test.each(ANNOTATION_SETS.map((set, index) => [index, set] as const))('set %i: nginx -t accepts it, the comment is there, and every answer agrees', async (index, annotations) => {
    const compiled = compiledFor(annotations)
    expect(compiled.upstreams.some((upstream) => upstream.affinity)).toBe(true)
    const conf = renderNginxConf(compiled)
    expect(conf).toContain('# ingress-nginx Lua: session affinity sticky_')
    expect(oracle.test(compiled)).toMatchObject({ ok: true })
    expect(await oracle.check(compiled, REQUESTS, `affinity-${index}`)).toEqual([])
  }, 60_000)
})
