/**
 * server_name selection, server-alias and from-to-www-redirect against a real nginx
 * (docs/routing.md#server-alias-and-from-to-www-redirect).
 *
 * 1. A property test of `ServerNameTable` (server-names.ts): random exact, wildcard (`*.x`, `.x`, `x.*`) and regex
 *    names spread over random server blocks, random Host headers; the real nginx (each block answers its number)
 *    must pick the same block.
 * 2. Spec tables from ingress-nginx's sources (each row names its source).
 * 3. NginxOracle runs of Ingresses with aliases and www redirects: every answer equals the engine's.
 * Seed: NAMES_SEED (default 20261203).
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { compileRoutes } from './compile-routes'
import { freePort, makePrefix, prefixDirectives, removePrefix, requireNginx, sendRaw, startNginx, testConf } from './nginx-harness'
import { NginxOracle, type OracleRequest } from './nginx-oracle'
import { quoteNginxValue } from './nginx-quote'
import { renderNginxConf } from './render-nginx-conf'
import { matchServer, indexRoutes } from './route-index'
import { routeRequest } from './route-request'
import { parseServerName, ServerNameTable, type ParsedServerName } from './server-names'
import { nginx } from '../testing/manifests'
import { clusterModel, configMap, ingress } from '../testing/models'
import type { ConfigMap, Ingress } from '../model/types'
import type { CompiledRoutes } from './types'

const SEED = Number(process.env.NAMES_SEED ?? 20261203)

let oracle: NginxOracle

beforeAll(async () => {
  oracle = await NginxOracle.start()
})

afterAll(async () => {
  await oracle?.stop()
})

// ---------------------------------------------------------------------------------------------------------------
// 1. ServerNameTable = nginx's ngx_http_find_virtual_server

const LABELS = ['a', 'b', 'www', 'api', 'x1', 'w3']
const label = fc.constantFrom(...LABELS)
const domain = fc.array(label, { minLength: 1, maxLength: 3 }).map((labels) => labels.join('.'))
const regexName = fc.constantFrom(
  '~^www\\d+\\.a\\.b$', '~^w\\d\\.', '~\\.b$', '~^(?<sub>[a-z]+)\\.a$', '~^(a|b)\\.', '~^A\\.', '~x1', '~^(?<subdomain>[\\w-]+)\\.a\\.b$',
  '~^[^.]+$', '~^api\\.(a|b)\\.(a|b)$',
)
const serverName = fc.oneof(
  { weight: 4, arbitrary: domain },
  { weight: 2, arbitrary: domain.map((d) => `*.${d}`) },
  { weight: 1, arbitrary: domain.map((d) => `.${d}`) },
  { weight: 2, arbitrary: domain.map((d) => `${d}.*`) },
  { weight: 2, arbitrary: regexName },
  { weight: 1, arbitrary: domain.map((d) => d.toUpperCase()) },
)
const host = fc.oneof(
  { weight: 5, arbitrary: fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.')) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom('a', 'b'), { minLength: 2, maxLength: 4 }).map((labels) => labels.join('.')) },
  { weight: 1, arbitrary: fc.tuple(label, fc.integer({ min: 0, max: 99 })).map(([l, n]) => `${l}${n}.a.b`) },
)
const scenario = fc.record({
  blocks: fc.array(fc.array(serverName, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
  hosts: fc.array(host, { minLength: 25, maxLength: 25 }),
})

/** The blocks' names as nginx reads them, or null when some name is one nginx refuses. */
function parsedBlocks(blocks: readonly (readonly string[])[]): ParsedServerName[][] | null {
  const out: ParsedServerName[][] = []
  for (const names of blocks) {
    const parsed: ParsedServerName[] = []
    for (const name of names) {
      const reading = parseServerName(name)
      if (reading.kind !== 'ok') return null
      parsed.push(reading.parsed)
    }
    out.push(parsed)
  }
  return out
}

describe('server_name selection = real nginx', () => {
  test('random exact, wildcard and regex names over random server blocks (property, seed ' + SEED + ')', async () => {
    const binary = requireNginx()
    const samples = fc.sample(scenario, { seed: SEED, numRuns: 120 })
    let requests = 0
    let byForm = { exact: 0, 'wildcard-head': 0, 'wildcard-tail': 0, regex: 0, default: 0 }
    const failures: string[] = []
    for (const [n, sample] of samples.entries()) {
      const blocks = parsedBlocks(sample.blocks)
      if (!blocks) continue
      const table = new ServerNameTable<number>()
      blocks.forEach((names, i) => names.forEach((name) => table.add(i, name)))
      const port = await freePort()
      const prefix = makePrefix(`names-${n}`)
      const dirs = prefixDirectives(prefix)
      const servers = sample.blocks.map((names, i) => {
        const written = names.map((name) => {
          const quoted = quoteNginxValue(name, 'literal')
          return quoted.kind === 'ok' ? quoted.text : ''
        })
        return `  server { listen 127.0.0.1:${port}; server_name ${written.join(' ')}; location / { return 200 "S${i}"; } }`
      })
      const conf = [...dirs.main, 'worker_processes 1;', 'events { worker_connections 64; }', 'http {', ...dirs.http,
        '  server_names_hash_bucket_size 128;',
        `  server { listen 127.0.0.1:${port} default_server; server_name ""; location / { return 200 "DEFAULT"; } }`,
        ...servers, '}'].join('\n')
      const instance = await startNginx(binary, conf, prefix, port)
      try {
        for (const name of sample.hosts) {
          const match = table.match(name)
          const expected = match.kind === 'name' ? `S${match.server}` : 'DEFAULT'
          byForm = { ...byForm, [match.kind === 'name' ? match.form : 'default']: byForm[match.kind === 'name' ? match.form : 'default'] + 1 }
          const got = (await sendRaw(port, name, '/')).body
          requests++
          if (got !== expected) failures.push(`names ${JSON.stringify(sample.blocks)} host ${name}: nginx ${got}, engine ${expected}`)
        }
      } finally {
        await instance.stop()
        removePrefix(prefix)
      }
    }
    console.log(`server_name property: ${requests} requests, ${failures.length} differences, answers by form ${JSON.stringify(byForm)}`)
    expect(requests).toBeGreaterThan(2500)
    expect(Object.values(byForm).every((count) => count > 20), JSON.stringify(byForm)).toBe(true)
    expect(failures.slice(0, 5)).toEqual([])
  }, 120_000)

  // Names nginx refuses (`nginx -t` fails) are refused by parseServerName too, and the other way round.
  test.each([
    ['*foo.com', false, 'ngx_http_core_server_name: * not followed by a dot'],
    ['.', false, 'ngx_http_core_server_name: a lone dot'],
    ['~', false, 'ngx_http_core_server_name: empty regex'],
    ['www.*.foo.com', false, 'ngx_hash_add_key: * in the middle'],
    ['*.foo.*', false, 'ngx_hash_add_key: two *'],
    ['a..b', false, 'ngx_hash_add_key: ".."'],
    ['*.foo.com', true, 'leading wildcard'],
    ['.foo.com', true, 'dot wildcard'],
    ['www.foo.*', true, 'trailing wildcard'],
    ['~^www\\d+\\.example\\.com$', true, 'regex from validators.go ValidateArrayOfServerName'],
  ])('%s: nginx accepts it = %s (%s)', (name, accepted) => {
    expect(parseServerName(name).kind === 'ok').toBe(accepted)
    const prefix = makePrefix('names-t')
    try {
      const quoted = quoteNginxValue(name, 'literal')
      const text = quoted.kind === 'ok' ? quoted.text : ''
      // nginx hashes server names only for an address with more than one server (ngx_http_optimize_servers).
      const conf = [...prefixDirectives(prefix).main, 'events {}', 'http {', ...prefixDirectives(prefix).http,
        '  server { listen 127.0.0.1:1 default_server; server_name _; }', `  server { listen 127.0.0.1:1; server_name ${text}; }`, '}'].join('\n')
      expect(testConf(requireNginx(), conf, prefix).ok).toBe(accepted)
    } finally {
      removePrefix(prefix)
    }
  })
})

// ---------------------------------------------------------------------------------------------------------------
// 2. Spec tables: the expected answers from ingress-nginx's sources

function compile(...objects: readonly (Ingress | ConfigMap)[]): CompiledRoutes {
  return compileRoutes(clusterModel(...objects))
}

const www = (name: string, host: string, extra: Record<string, string> = {}, path = '/'): ReturnType<typeof ingress> =>
  ingress(name, { annotations: nginx({ 'from-to-www-redirect': 'true', ...extra }), rules: [{ host, paths: [{ path, type: 'Prefix', backend: `${name}:80` }] }] })

describe('from-to-www-redirect: spec table', () => {
  const bar = compile(www('bar', 'fromtowwwredirect.bar.com'))
  const wwwFirst = compile(www('site', 'www.example.com'))
  const sets: Record<string, CompiledRoutes> = { bar, wwwFirst }
  test.each([
    ['bar', 'http://www.fromtowwwredirect.bar.com/foo', 308, 'http://fromtowwwredirect.bar.com:80/foo', 'e2e fromtowwwredirect.go "should redirect from www HTTP to HTTP"'],
    ['bar', 'https://www.fromtowwwredirect.bar.com/', 308, 'https://fromtowwwredirect.bar.com:443', 'e2e fromtowwwredirect.go "should redirect from www HTTPS to HTTPS" (the / is dropped)'],
    ['bar', 'http://www.fromtowwwredirect.bar.com/a/b/?q=1&r=2', 308, 'http://fromtowwwredirect.bar.com:80/a/b/?q=1&r=2', 'ngx_srv_redirect.lua: $request_uri kept, only a final / of the whole URI removed'],
    ['bar', 'http://www.fromtowwwredirect.bar.com/a/b/', 308, 'http://fromtowwwredirect.bar.com:80/a/b', 'ngx_srv_redirect.lua: one trailing / removed'],
    ['bar', 'http://WWW.FromToWWWRedirect.bar.com.:8080/x', 308, 'http://fromtowwwredirect.bar.com:80/x', 'nginx: the Host is lower-cased, port and final dot removed; $server_port is the listener'],
    ['wwwFirst', 'http://example.com/docs', 308, 'http://www.example.com:80/docs', 'annotations.md "Redirect from/to www": host www.example.com redirects example.com'],
    ['bar', 'http://fromtowwwredirect.bar.com/foo', 200, null, 'e2e: the host itself is served'],
  ])('%s: %s → %s %s (%s)', (set, url, status, location, _source) => {
    const result = routeRequest(sets[set] as CompiledRoutes, { url })
    expect(result.status).toBe(status)
    expect(result.location).toBe(location)
  })

  test('http-redirect-code from the controller ConfigMap (nginx.tmpl: return {{ $all.Cfg.HTTPRedirectCode }} $redirect_to)', () => {
    const compiled = compile(configMap('ingress-nginx-controller', { 'http-redirect-code': '301' }), www('bar', 'bar.test'))
    expect(routeRequest(compiled, { url: 'http://www.bar.test/x' })).toMatchObject({ status: 301, location: 'http://bar.test:80/x' })
  })

  test('use-forwarded-headers: X-Forwarded-Proto and X-Forwarded-Port replace scheme and port (ngx_srv_redirect.lua)', () => {
    const compiled = compile(configMap('ingress-nginx-controller', { 'use-forwarded-headers': 'true' }), www('bar', 'bar.test'))
    const headers = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Port': '8443' }
    expect(routeRequest(compiled, { url: 'http://www.bar.test/x', headers }).location).toBe('https://bar.test:8443/x')
    const off = compile(www('bar', 'bar.test'))
    expect(routeRequest(off, { url: 'http://www.bar.test/x', headers }).location).toBe('http://bar.test:80/x')
  })

  test('no redirect server when the counterpart is a host of its own (annotations.md "attention"; BuildRedirects "Already exists an Ingress")', () => {
    const compiled = compile(www('bar', 'bar.test'), ingress('other', { rules: [{ host: 'www.bar.test', paths: [{ path: '/', type: 'Prefix', backend: 'other:80' }] }] }))
    expect(compiled.redirectServers).toEqual([])
    expect(routeRequest(compiled, { url: 'http://www.bar.test/x' })).toMatchObject({ status: 200, service: 'other' })
    expect(compiled.issues.map((issue) => issue.code)).toContain('www-redirect-skipped')
  })

  test('a wildcard host: server_name www.*.foo.test fails nginx -t, so no redirect and an error (BuildRedirects + ngx_hash_add_key)', () => {
    const compiled = compile(www('wild', '*.foo.test'))
    expect(compiled.redirectServers).toEqual([])
    expect(compiled.issues.find((issue) => issue.code === 'server-name-invalid')?.severity).toBe('error')
  })

  test('the trace names the annotation, the Ingress and the Lua behaviour', () => {
    const result = routeRequest(bar, { url: 'http://www.fromtowwwredirect.bar.com/foo' })
    expect(result.trace.map((step) => step.id)).toContain('trace-www-redirect')
    expect(result.ingress).toBe('bar')
  })
})

describe('server-alias: spec table', () => {
  const foo = 'foo'
  test('e2e alias.go "should return status code 200 for host \'foo\' and \'bar\'"', () => {
    const compiled = compile(ingress('a', { annotations: nginx({ 'server-alias': 'bar' }), rules: [{ host: foo, paths: [{ path: '/', type: 'Prefix', backend: 'echo:80' }] }] }))
    expect(routeRequest(compiled, { url: 'http://bar/' })).toMatchObject({ status: 200, service: 'echo' })
    expect(routeRequest(compiled, { url: 'http://foo/' })).toMatchObject({ status: 200, service: 'echo' })
    expect(routeRequest(compiled, { url: 'http://baz/' }).status).toBe(404)
  })

  test('e2e alias.go "two ingresses, different path with one alias": the host takes the first Ingress\'s aliases that has some', () => {
    const compiled = compile(
      ingress('app-a', { timestamp: '2024-01-01T00:00:00Z', rules: [{ host: foo, paths: [{ path: '/app-a', type: 'Prefix', backend: 'echo:80' }] }] }),
      ingress('app-b', { timestamp: '2024-01-02T00:00:00Z', annotations: nginx({ 'server-alias': 'bar' }), rules: [{ host: foo, paths: [{ path: '/app-b', type: 'Prefix', backend: 'echo:80' }] }] }),
    )
    expect(routeRequest(compiled, { url: 'http://bar/app-a' })).toMatchObject({ status: 200 })
    expect(renderNginxConf(compiled)).toContain('server_name foo bar ;')
  })

  test('an alias that is another Ingress\'s host is dropped (createServers; annotations.md "Server Alias" note)', () => {
    const compiled = compile(
      ingress('a', { annotations: nginx({ 'server-alias': 'b.test, c.test' }), rules: [{ host: 'a.test', paths: [{ path: '/', type: 'Prefix', backend: 'a:80' }] }] }),
      ingress('b', { rules: [{ host: 'b.test', paths: [{ path: '/', type: 'Prefix', backend: 'b:80' }] }] }),
    )
    expect(compiled.servers.find((server) => server.hostname === 'a.test')?.aliases?.map((alias) => alias.name)).toEqual(['c.test'])
    expect(routeRequest(compiled, { url: 'http://b.test/' }).service).toBe('b')
    expect(routeRequest(compiled, { url: 'http://c.test/' }).service).toBe('a')
    expect(compiled.issues.map((issue) => issue.code)).toContain('server-alias-ignored')
  })

  test('a regex alias is tried after the wildcards (nginx server_names: exact, *., .*, then regexes in order)', () => {
    const compiled = compile(
      ingress('regex', { annotations: nginx({ 'server-alias': '~^w\\d\\.example\\.com$' }), rules: [{ host: 'r.test', paths: [{ path: '/', type: 'Prefix', backend: 'r:80' }] }] }),
      ingress('wild', { annotations: nginx({ 'server-alias': '*.example.com' }), rules: [{ host: 'w.test', paths: [{ path: '/', type: 'Prefix', backend: 'w:80' }] }] }),
    )
    // *.example.com (a leading wildcard) beats the regex for w3.example.com.
    expect(routeRequest(compiled, { url: 'http://w3.example.com/' }).service).toBe('w')
    const trace = routeRequest(compiled, { url: 'http://w3.example.com/' }).trace
    expect(trace.find((step) => step.id === 'trace-server-alias')?.params).toMatchObject({ alias: '*.example.com' })
  })
})

describe('a regex server name at PCRE\'s match limit', () => {
  test('nginx closes the connection (ngx_http_set_virtual_server: NGX_ERROR); the engine says so with status 500', async () => {
    const compiled = compile(ingress('bad', { annotations: nginx({ 'server-alias': '~^(a+)+$' }), rules: [{ host: 'ok.test', paths: [{ path: '/', type: 'Prefix', backend: 'ok:80' }] }] }))
    const attack = `${'a'.repeat(40)}.x`
    const result = routeRequest(compiled, { url: `http://${attack}/` })
    expect(result.status).toBe(500)
    expect(result.trace.map((step) => step.id)).toContain('trace-server-name-regex-error')
    expect(routeRequest(compiled, { url: 'http://aaaa/' }).service).toBe('ok')
    const port = await freePort()
    const prefix = makePrefix('names-limit')
    const dirs = prefixDirectives(prefix)
    const conf = renderNginxConf(compiled, { listen: `127.0.0.1:${port}`, upstreamServer: () => '127.0.0.1:9', mainDirectives: dirs.main, httpDirectives: dirs.http })
    const instance = await startNginx(requireNginx(), conf, prefix, port)
    try {
      await expect(sendRaw(port, attack, '/')).rejects.toThrow()
    } finally {
      await instance.stop()
      removePrefix(prefix)
    }
  }, 60_000)
})

// ---------------------------------------------------------------------------------------------------------------
// 3. NginxOracle: the engine's nginx.conf with aliases and www redirects in a real nginx

function requestsFor(hosts: readonly string[], paths: readonly string[]): OracleRequest[] {
  return hosts.flatMap((hostName) => paths.map((path) => ({ host: hostName, path })))
}

const PATHS = ['/', '/foo', '/foo/', '/a/b/?q=1', '/x?y=/', '/api/v1/items?id=3&s=a%20b']

describe('aliases and www redirects = real nginx (NginxOracle)', () => {
  const cases: { label: string; compiled: () => CompiledRoutes; hosts: string[] }[] = [
    {
      label: 'exact, wildcard and regex aliases on three hosts, use-regex on one',
      compiled: () => compile(
        ingress('exact', { annotations: nginx({ 'server-alias': 'alias.test, Other.Test' }), rules: [{ host: 'e.test', paths: [{ path: '/foo', type: 'Prefix', backend: 'e:80' }] }] }),
        ingress('wild', { annotations: nginx({ 'server-alias': '*.wild.test, www.tail.*' }), rules: [{ host: 'w.test', paths: [{ path: '/', type: 'Prefix', backend: 'w:80' }] }] }),
        ingress('regex', { annotations: nginx({ 'server-alias': '~^w\\d+\\.example\\.com$, ~^API\\.', 'use-regex': 'true' }), rules: [{ host: 'r.test', paths: [{ path: '/api/v[0-9]+', type: 'ImplementationSpecific', backend: 'r:80' }] }] }),
        ingress('star', { rules: [{ host: '*.example.com', paths: [{ path: '/', type: 'Prefix', backend: 's:80' }] }] }),
      ),
      hosts: ['e.test', 'alias.test', 'ALIAS.test.', 'other.test', 'a.wild.test', 'a.b.wild.test', 'wild.test', 'www.tail.com', 'www.tail',
        'w3.example.com', 'w33.example.com', 'x.example.com', 'api.anything', 'API.x', 'nothing.test', 'r.test:8080'],
    },
    {
      label: 'www redirects both ways, a counterpart that is a host, an alias equal to a redirect name',
      compiled: () => compile(
        www('apex', 'apex.test'),
        www('site', 'www.site.test'),
        www('taken', 'taken.test'),
        ingress('owner', { rules: [{ host: 'www.taken.test', paths: [{ path: '/', type: 'Prefix', backend: 'owner:80' }] }] }),
        ingress('clash', { annotations: nginx({ 'server-alias': 'www.apex.test' }), rules: [{ host: 'clash.test', paths: [{ path: '/', type: 'Prefix', backend: 'clash:80' }] }] }),
      ),
      hosts: ['www.apex.test', 'WWW.Apex.Test.', 'apex.test', 'site.test', 'www.site.test', 'taken.test', 'www.taken.test', 'clash.test'],
    },
    {
      label: 'www redirect with http-redirect-code 301 and use-forwarded-headers',
      compiled: () => compile(configMap('ingress-nginx-controller', { 'http-redirect-code': '301', 'use-forwarded-headers': 'true' }), www('apex', 'apex.test')),
      hosts: ['www.apex.test', 'apex.test'],
    },
  ]

  test.each(cases.map((c) => [c.label, c] as const))('%s: nginx -t passes and every answer equals the engine\'s', async (_label, c) => {
    const compiled = c.compiled()
    const checked = oracle.test(compiled)
    // nginx -t passes; the only words it may say are the conflicts the engine reports as alias-conflict.
    const conflicts = compiled.issues.filter((issue) => issue.text.id === 'alias-conflict').map((issue) => String(issue.text.params?.alias))
    const warnings = checked.output.split('\n').filter((line) => line.trim() !== '')
    expect(warnings.map((line) => /conflicting server name "([^"]+)"/.exec(line)?.[1] ?? line)).toEqual(conflicts)
    expect(checked.ok).toBe(true)
    const requests = requestsFor(c.hosts, PATHS)
    const forwarded: OracleRequest[] = [
      { host: 'www.apex.test', path: '/f/', headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Port': '8443' } },
      { host: 'www.apex.test', path: '/g', headers: { 'X-Forwarded-Proto': 'https' } },
    ]
    const all = [...requests, ...forwarded]
    const index = indexRoutes(compiled)
    const kinds = new Set(all.map((request) => matchServer(index, request.host.replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase()).kind))
    const failures = await oracle.check(compiled, all, 'server-names')
    console.log(`${c.label}: ${all.length} requests, ${failures.length === 0 ? 0 : failures.length - 1} differences, server kinds ${[...kinds].join(', ')}`)
    expect(failures.slice(0, 4).join('\n')).toBe('')
  }, 60_000)
})

// ---------------------------------------------------------------------------------------------------------------
// 4. Random Ingress sets with server-alias and from-to-www-redirect, end to end (compile, render, route) against nginx

const HOSTS = ['a.test', 'www.a.test', 'b.test', 'www.b.test', 'c.test', '*.a.test', '*.wild.test', '']
const ALIASES = ['b.test', 'www.a.test', 'x.test', 'X.Test', '*.x.test', '.y.test', 'z.*', '~^w\\d\\.a\\.test$', '~^(?<n>[a-z]+)\\.wild\\.test$', '~\\.test$', 'www.c.test']
const ingressSet = fc.array(fc.record({
  host: fc.constantFrom(...HOSTS),
  aliases: fc.subarray(ALIASES, { maxLength: 3 }),
  www: fc.boolean(),
  regex: fc.boolean(),
  path: fc.constantFrom('/', '/api', '/api/v[0-9]+'),
}), { minLength: 1, maxLength: 5 })
const REQUEST_HOSTS = ['a.test', 'www.a.test', 'WWW.A.test.', 'b.test', 'www.b.test', 'c.test', 'www.c.test', 'x.test', 'q.x.test', 'y.test', 'p.y.test', 'z.com',
  'w5.a.test', 'k.wild.test', 'k.a.test', 'other.test', 'none', 'a.test:8080']
const REQUEST_PATHS = ['/', '/api', '/api/v2/x?q=1', '/api/', '/x/?a=/']

describe('random Ingress sets with aliases and www redirects = real nginx', () => {
  test('end to end: nginx -t passes (conflicts only where the engine reports them) and every answer is the engine\'s', async () => {
    const sets = fc.sample(fc.tuple(ingressSet, fc.array(fc.tuple(fc.constantFrom(...REQUEST_HOSTS), fc.constantFrom(...REQUEST_PATHS)), { minLength: 20, maxLength: 20 })), { seed: SEED + 7, numRuns: 60 })
    let requests = 0
    let redirects = 0
    let byAlias = 0
    const failures: string[] = []
    for (const [n, [specs, pairs]] of sets.entries()) {
      const compiled = compile(...specs.map((spec, i) => ingress(`i${i}`, {
        timestamp: `2024-01-0${i + 1}T00:00:00Z`,
        annotations: nginx({ ...(spec.aliases.length > 0 ? { 'server-alias': spec.aliases.join(', ') } : {}), ...(spec.www ? { 'from-to-www-redirect': 'true' } : {}), ...(spec.regex ? { 'use-regex': 'true' } : {}) }),
        rules: [{ host: spec.host, paths: [{ path: spec.path, type: spec.path.includes('[') ? 'ImplementationSpecific' : 'Prefix', backend: `s${i}:80` }] }],
      })))
      const checked = oracle.test(compiled)
      const conflicts = compiled.issues.filter((issue) => issue.text.id === 'alias-conflict').map((issue) => String(issue.text.params?.alias).toLowerCase())
      const warned = checked.output.split('\n').filter((line) => line.trim() !== '').map((line) => /conflicting server name "([^"]+)"/.exec(line)?.[1] ?? line)
      if (!checked.ok || JSON.stringify(warned.sort()) !== JSON.stringify(conflicts.sort())) failures.push(`set ${n}: nginx -t ${checked.ok} ${checked.output} (engine conflicts ${conflicts.join(', ')})`)
      const batch = pairs.map(([hostName, path]) => ({ host: hostName, path }))
      const found = await oracle.check(compiled, batch, `alias-set-${n}`, (result) => {
        requests++
        if (result.trace.some((step) => step.id === 'trace-www-redirect')) redirects++
        if (result.trace.some((step) => step.id === 'trace-server-alias')) byAlias++
      })
      if (found.length > 0) failures.push(`set ${n}: ${JSON.stringify(specs)}\n${found.slice(1, 4).join('\n')}`)
    }
    console.log(`aliases and www redirects, random sets: ${sets.length} sets, ${requests} requests (${redirects} www redirects, ${byAlias} by an alias), ${failures.length} differences`)
    expect(requests).toBeGreaterThanOrEqual(1200)
    expect(redirects).toBeGreaterThan(20)
    expect(byAlias).toBeGreaterThan(20)
    expect(failures.slice(0, 3).join('\n\n')).toBe('')
  }, 180_000)
})

