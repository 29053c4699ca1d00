/**
 * rewrite-target against a real nginx (docs/routing.md#rewrite-target): captures of every byte value (each of the
 * 256 %-encoded, and every raw printable character) copied into the new path, into its arguments and into a
 * redirect; named captures in all three PCRE spellings; nginx variables; the `?` rules for arguments; an empty
 * new path; and `nginx -t` on variables nginx does not know. Every answer (status, upstream URI, Location) must
 * equal the engine's.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { compileRoutes } from './compile-routes'
import { prefixDirectives, testConf } from './nginx-harness'
import { NginxOracle, type OracleRequest } from './nginx-oracle'
import { renderNginxConf } from './render-nginx-conf'
import { unknownVariables } from './nginx-variables'
import { nginx } from '../testing/manifests'
import { clusterModel, ingress } from '../testing/models'
import type { EnvironmentOverrides } from './environment'
import type { CompiledRoutes } from './types'

let oracle: NginxOracle

const HOST = 'r.test'
const hex = (byte: number): string => byte.toString(16).toUpperCase().padStart(2, '0')

/** One Ingress on r.test with `rewrite-target: target` on each regex path. */
function rewriteRoutes(paths: readonly string[], target: string, overrides: EnvironmentOverrides = {}): CompiledRoutes {
  return compileRoutes(clusterModel(ingress('rw', {
    annotations: nginx({ 'rewrite-target': target, 'use-regex': 'true' }),
    rules: [{ host: HOST, paths: paths.map((path) => ({ path, type: 'ImplementationSpecific' as const, backend: 'app:80' })) }],
  })), overrides)
}

/** `/p/a<byte>b` for every byte value %-encoded, and for every raw printable byte. */
function everyByte(prefix: string, suffix = ''): OracleRequest[] {
  const requests: OracleRequest[] = []
  for (let byte = 0; byte < 256; byte++) requests.push({ host: HOST, path: `${prefix}a%${hex(byte)}b${suffix}` })
  for (let byte = 0x21; byte < 0x7f; byte++) requests.push({ host: HOST, path: `${prefix}a${String.fromCharCode(byte)}b${suffix}` })
  return requests
}

async function differences(compiled: CompiledRoutes, requests: readonly OracleRequest[], label: string): Promise<string> {
  expect(compiled.servers.some((server) => server.locations.some((loc) => loc.rewriteTarget !== null))).toBe(true)
  const failures = await oracle.check(compiled, requests, label)
  return failures.slice(0, 4).join('\n')
}

let requestCount = 0
function counted(requests: OracleRequest[]): OracleRequest[] {
  requestCount += requests.length
  return requests
}

describe('rewrite-target = real nginx', () => {
  beforeAll(async () => {
    oracle = await NginxOracle.start()
  })

  afterAll(async () => {
    console.log(`nginx rewrite differential: ${requestCount} requests`)
    await oracle?.stop()
  })

  test('every byte value in a capture copied into the new path (escaped with NGX_ESCAPE_URI upstream)', async () => {
    const compiled = rewriteRoutes(['/p/(.*)'], '/$1')
    const requests = counted([...everyByte('/p/'), ...everyByte('/p/', '?q=%22&x=+'), ...everyByte('/p/x+')])
    expect(await differences(compiled, requests, 'bytes-path')).toBe('')
  }, 60_000)

  test('every byte value in a capture copied into a redirect (NGX_ESCAPE_ARGS when the path had % or +, then NGX_UNESCAPE_REDIRECT)', async () => {
    for (const [target, label] of [['http://rw.test/$1', 'bytes-redirect'], ['$scheme://rw.test/x/$1', 'bytes-scheme']] as const) {
      const compiled = rewriteRoutes(['/p/(.*)'], target)
      const requests = counted([...everyByte('/p/'), ...everyByte('/p/', '?k=v'), ...everyByte('/p/+')])
      expect(await differences(compiled, requests, label)).toBe('')
    }
  }, 120_000)

  test('captures after a ? in the target are escaped with NGX_ESCAPE_ARGS when the path had % or + (annotation validation off)', async () => {
    const compiled = rewriteRoutes(['/p/(.*)'], '/new?c=$1', { annotationValidation: false })
    const requests = counted([...everyByte('/p/'), ...everyByte('/p/', '?orig=1'), ...everyByte('/p/+')])
    expect(await differences(compiled, requests, 'bytes-args')).toBe('')
  }, 60_000)

  test('named captures: (?<name>…), (?P<name>…), (?\'name\'…), $name and ${name}', async () => {
    const cases: [string[], string, EnvironmentOverrides][] = [
      [['/id/(?<id>[0-9]+)(/|$)(.*)'], '/item/$id/$3', {}],
      [['/u/(?P<user>[a-z]+)/(?<rest>.*)'], '/users/$user/$rest', {}],
      [['/q/(?\'tag\'[^/]+)'], '/tags/$tag', {}],
      [['/b/(?<Name>[a-z%]+)x'], '/n/${name}z/$1', { annotationValidation: false }],
      [['/m/(?<a>x)?(?<b>y)'], '/m/$a-$b', {}],
    ]
    const paths = ['/id/42', '/id/42/', '/id/42/more/x', '/id/x', '/ID/7/%22', '/u/ann/a%7Cb', '/u/Ann/', '/q/t%20g', '/q/t+g/', '/b/abcx', '/b/a%25x', '/m/y', '/m/xy', '/m/z']
    for (const [i, [rulePaths, target, overrides]] of cases.entries()) {
      const compiled = rewriteRoutes(rulePaths, target, overrides)
      const requests = counted(paths.map((path) => ({ host: HOST, path })))
      expect(await differences(compiled, requests, `named-${i}`)).toBe('')
    }
  }, 60_000)

  test('a named capture in a redirect is copied unescaped (a variable, not a $n capture), then NGX_UNESCAPE_REDIRECT', async () => {
    // Bytes the oracle's HTTP client can read back in a Location header: no controls, no DEL.
    const bytes = [...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i), ...Array.from({ length: 0x80 }, (_, i) => 0x80 + i)]
    const requests = bytes.flatMap((byte) => [`/p/a%${hex(byte)}b`, `/p/a%${hex(byte)}b?k=v`].map((path) => ({ host: HOST, path })))
    for (const [target, label] of [['http://rw.test/$rest', 'named-redirect'], ['http://rw.test/${rest}/$1', 'named-redirect-both']] as const) {
      const compiled = rewriteRoutes(['/p/(?<rest>.*)'], target, { annotationValidation: false })
      expect(await differences(compiled, counted([...requests]), label)).toBe('')
    }
  }, 60_000)

  test('nginx variables in the target', async () => {
    const targets = [
      '/$host/x', '/v$request_uri', '/u$uri', '/d$document_uri', '/a/$args', '/q/$query_string', '/i$is_args', '/m/$request_method',
      '/h/$http_x_user', '/hh/$http_host', '/c/$cookie_sess', '/g/$arg_k', '/s/$scheme', '/n/$server_name', '/$1/$HOST/$Arg_K',
    ]
    const requests: OracleRequest[] = [
      { host: HOST, path: '/p/a' },
      { host: 'R.Test:8080', path: '/p/a%20b?k=v%22w&K=2' },
      { host: HOST, path: '/p/x/../y?x=1&k=' , headers: { 'X-User': 'ann "b"', Cookie: 'a=1; sess=s%7C1; b=2' } },
      { host: HOST, path: '/p/%7B%7D?kk=1&k=3', headers: { cookie: 'Sess = q' } },
      { host: HOST, path: '/p/+?ak=1' },
    ]
    for (const [i, target] of targets.entries()) {
      const compiled = rewriteRoutes(['/p/(.*)'], target)
      expect(await differences(compiled, counted([...requests]), `vars-${i}`)).toBe('')
    }
  }, 120_000)

  test('the arguments: a ? in the target replaces them, the request\'s follow after &, a final ? drops them (annotation validation off)', async () => {
    const targets = ['/x?', '/x?a=1', '/x?a=$1', '/x?a=$1?', '/$1?', '/x?$args', 'http://rw.test/$1?', 'http://rw.test/$1?z=1', '/x?a=%41', '/x%41?b']
    const requests = ['/p/a', '/p/a?k=v', '/p/a%2Bb?k=v', '/p/a+b?', '/p/a?k=%22'].map((path) => ({ host: HOST, path }))
    for (const [i, target] of targets.entries()) {
      const compiled = rewriteRoutes(['/p/(.*)'], target, { annotationValidation: false })
      expect(await differences(compiled, counted([...requests]), `args-${i}`)).toBe('')
    }
  }, 120_000)

  test('an empty new path is a 500 from nginx', async () => {
    const compiled = rewriteRoutes(['/p/(.*)'], '$1')
    expect(await differences(compiled, counted(['/p/', '/P/', '/p/?a=1'].map((path) => ({ host: HOST, path }))), 'empty')).toBe('')
  }, 30_000)

  /** `nginx -t` on a bare configuration whose one location rewrites with `template` (regexes `/p/(.*)` plus `extra`). */
  function bareNginxTest(template: string, extra: readonly string[] = []): { ok: boolean; output: string } {
    const prefix = oracle.prefix('vars')
    const dirs = prefixDirectives(prefix)
    const locations = ['/p/(.*)', ...extra].map((path) => `location ~* "^${path}" { rewrite "(?i)${path}" "${template}" break; return 200; }`)
    return testConf(oracle.binary, [...dirs.main, 'events {}', 'http {', ...dirs.http, 'server { listen 127.0.0.1:1;', ...locations, '}', '}'].join('\n'), prefix)
  }

  test('unknownVariables names what nginx -t rejects as an unknown variable', () => {
    const templates = ['/$foo', '/$0', '/$id', '/$arg_', '/$http_', '/$cookie_x', '/$host$uri', '/$hostx', '/${host}x', '/$request_uri', '/$upstream_addr', '/$ssl_protocol', '/$Request_Method', '/${0}', '/$namespace']
    for (const template of templates) {
      const unknown = unknownVariables(template, ['/p/(.*)'], false)
      const checked = bareNginxTest(template)
      expect({ template, ok: checked.ok, unknown: checked.ok ? [] : [/unknown "([^"]+)" variable/.exec(checked.output)?.[1]] }).toEqual({ template, ok: unknown.length === 0, unknown: unknown.slice(0, 1) })
    }
    // A named group anywhere in the configuration makes its name a variable.
    expect(bareNginxTest('/$id', ['/n/(?<id>[0-9]+)']).ok).toBe(true)
    expect(unknownVariables('/$id', ['/p/(.*)', '/n/(?<id>[0-9]+)'], false)).toEqual([])
  })

  test('a rewrite-target nginx -t would refuse gets its Ingress denied by the webhook (controller.go CheckIngress): absent from nginx.conf, which passes nginx -t', () => {
    for (const target of ['/$foo', '/$0', '/x$', '/${host', '/$id']) {
      const compiled = rewriteRoutes(['/p/(.*)'], target, { annotationValidation: false })
      const checked = oracle.test(compiled)
      expect({ target, output: checked.output, ok: checked.ok }).toEqual({ target, output: '', ok: true })
      expect({ target, served: compiled.ingresses[0]?.served, kind: compiled.ingresses[0]?.rejections?.[0]?.kind }).toEqual({ target, served: false, kind: 'nginx-test' })
      expect(renderNginxConf(compiled)).not.toContain('/p/(.*)')
    }
    // Known names, named groups of the configuration's regexes and the variables the location sets stay.
    for (const [paths, target] of [[['/p/(.*)', '/n/(?<id>[0-9]+)'], '/$id'], [['/p/(.*)'], '/$service_name/$1']] as const) {
      const compiled = rewriteRoutes(paths, target)
      expect(oracle.test(compiled)).toEqual({ ok: true, output: '' })
      expect(renderNginxConf(compiled)).toContain(`rewrite "(?i)/p/(.*)" ${target} break;`)
    }
  })
})
