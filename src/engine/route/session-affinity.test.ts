/**
 * Session affinity (affinity: cookie) as ingress-nginx v1.15.1 answers it. Each row names its source:
 * test/e2e/annotations/affinity.go ("e2e: <It name>"), the Lua balancer (rootfs/etc/nginx/lua/balancer/…),
 * controller.go, or sessionaffinity/main.go.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { formatMessage } from '../messages/render'
import { compileRoutes } from './compile-routes'
import { createRandom } from './random'
import { renderNginxConf } from './render-nginx-conf'
import { routeRequest } from './route-request'
import { buildRouteTable } from './route-table'
import { upstreamKeyOf } from './session-affinity'
import { backendYaml, ingressYaml, joinDocuments, nginx } from '../testing/manifests'
import { modelOf } from '../testing/models'
import type { RouteRequest, RouteResult } from './types'

const AFFINITY = nginx({ affinity: 'cookie' })

function setup(ingresses: readonly string[], backends = backendYaml('web', 3)) {
  const compiled = compileRoutes(modelOf(joinDocuments(backends, ...ingresses)))
  return (request: RouteRequest, seed = 1): RouteResult => routeRequest(compiled, request, { random: createRandom(seed) })
}

function single(annotations: Record<string, string>, path = '/', host = 'a.test', pathType: 'Prefix' | 'ImplementationSpecific' | 'Exact' = 'Prefix') {
  return setup([ingressYaml('web', { annotations: { ...AFFINITY, ...nginx(annotations) }, rules: [{ host, paths: [{ path, type: pathType, backend: 'web:80' }] }] })])
}

const header = (result: RouteResult): string | undefined => result.affinity?.setCookie?.header

describe('the Set-Cookie of a new session', () => {
  test.each([
    // [annotations, request path, scheme, expected header pieces, source]
    [{ 'session-cookie-name': 'SERVERID' }, '/', 'http', ['SERVERID=', 'Path=/', 'HttpOnly'], 'e2e: should set sticky cookie SERVERID'],
    [{}, '/', 'http', ['INGRESSCOOKIE='], 'sessionaffinity/main.go defaultAffinityCookieName'],
    [{ 'session-cookie-expires': '172800', 'session-cookie-max-age': '259200' }, '/', 'http', ['Expires=…', 'Max-Age=259200'], 'e2e: should set cookie with expires'],
    [{ 'session-cookie-domain': 'foo.bar' }, '/', 'http', ['Domain=foo.bar'], 'e2e: should set cookie with domain'],
    [{ 'session-cookie-secure': 'true' }, '/', 'http', ['; Secure'], 'e2e: should set secure in cookie with provided true annotation on http'],
    [{ 'session-cookie-secure': 'false' }, '/', 'https', ['; Secure'], 'e2e: should set secure in cookie with provided false annotation on https'],
    [{ 'session-cookie-samesite': 'None' }, '/', 'http', ['; SameSite=None'], 'sticky.lua set_cookie, lua-resty-cookie bake'],
  ] as const)('%j on %s %s → %j (%s)', (annotations: Record<string, string>, path, scheme, pieces, _source) => {
    const route = single(annotations)
    const result = route({ url: `${scheme}://a.test${path}` })
    for (const piece of pieces) expect(header(result)).toContain(piece)
  })

  test.each([
    [{}, '; Domain', 'e2e: should not set cookie without domain annotation'],
    [{ 'session-cookie-secure': 'false' }, '; Secure', 'e2e: should not set secure in cookie with provided false annotation on http'],
    [{}, 'Expires', 'sticky.lua: no expires without session-cookie-expires'],
    [{ 'session-cookie-samesite': 'lax' }, 'SameSite', 'lua-resty-cookie bake: only Strict, Lax, None as written'],
  ] as const)('%j leaves out %s (%s)', (annotations: Record<string, string>, absent, _source) => {
    expect(header(single(annotations)({ url: 'http://a.test/' }))).not.toContain(absent)
  })

  test('attributes come in lua-resty-cookie order: Expires, Max-Age, Domain, Path, Secure, HttpOnly, SameSite', () => {
    const result = single({ 'session-cookie-expires': '60', 'session-cookie-max-age': '120', 'session-cookie-domain': 'a.test', 'session-cookie-secure': 'true', 'session-cookie-samesite': 'Strict' })({ url: 'http://a.test/' })
    const value = result.affinity?.setCookie?.value ?? ''
    expect(header(result)).toBe(`INGRESSCOOKIE=${value}; Expires=…; Max-Age=120; Domain=a.test; Path=/; Secure; HttpOnly; SameSite=Strict`)
    expect(result.affinity?.setCookie).toMatchObject({ expiresInSeconds: 60, maxAge: 120 })
  })

  test('session-cookie-conditional-samesite-none drops SameSite=None for Chrome 5x (util/same_site.lua)', () => {
    const route = single({ 'session-cookie-samesite': 'None', 'session-cookie-conditional-samesite-none': 'true' })
    expect(header(route({ url: 'http://a.test/', headers: { 'User-Agent': 'Mozilla/5.0 Chrome/59.0 Safari/537.36' } }))).not.toContain('SameSite')
    expect(header(route({ url: 'http://a.test/', headers: { 'User-Agent': 'Mozilla/5.0 Chrome/120.0 Safari/537.36' } }))).toContain('SameSite=None')
  })

  test('the value is <endpoint key>|md5(md5(upstream) .. upstream) (sticky.lua set_cookie, sync)', () => {
    const result = single({})({ url: 'http://a.test/' })
    expect(result.affinity?.setCookie?.value.split('|')[1]).toBe(upstreamKeyOf('default-web-80'))
  })
})

describe('the cookie path', () => {
  test.each([
    ['/something', 'Prefix', {}, '/something', 'e2e: should set the path to /something on the generated cookie'],
    ['/foo/bar', 'Exact', {}, '/foo/bar', 'nginx.tmpl: $location_path is the Ingress path'],
    ['/foo/bar', 'Prefix', { 'session-cookie-path': '/foo' }, '/foo', 'sticky.lua: session-cookie-path wins'],
    ['/foo/.*', 'ImplementationSpecific', { 'use-regex': 'true', 'session-cookie-path': '/foo/bar' }, '/foo/bar', 'e2e: should work with use-regex annotation and session-cookie-path'],
    ['/foo/.*', 'ImplementationSpecific', { 'use-regex': 'true' }, '/foo/.*', 'controller.go: warns session-cookie-path should be set when use-regex is true; the regex becomes the Path'],
    ['/api(/|$)(.*)', 'ImplementationSpecific', { 'rewrite-target': '/$2' }, '/api(/|$)(.*)', 'nginx.tmpl $location_path: the Ingress path as written, a regex here'],
  ] as const)('path %s (%s) with %j → Path=%s (%s)', (path, pathType, annotations: Record<string, string>, cookiePath, _source) => {
    const request = path.includes('(') || path.includes('*') ? '/foo/bar' : path
    const url = path.startsWith('/api') ? 'http://a.test/api/x' : `http://a.test${request}`
    expect(single(annotations, path, 'a.test', pathType)({ url }).affinity?.setCookie?.path).toBe(cookiePath)
  })

  test('two paths of one Ingress on one Service each get their own Path (e2e: does not set the path to / … more than one rule)', () => {
    const route = setup([ingressYaml('web', { annotations: AFFINITY, rules: [{ host: 'a.test', paths: [{ path: '/something', backend: 'web:80' }, { path: '/somewhereelse', backend: 'web:80' }] }] })])
    expect(route({ url: 'http://a.test/something' }).affinity?.setCookie?.path).toBe('/something')
    expect(route({ url: 'http://a.test/somewhereelse' }).affinity?.setCookie?.path).toBe('/somewhereelse')
  })

  test('a path of another Ingress on the same Service balances sticky but sets no cookie (e2e: should not set affinity across all server locations when using separate ingresses)', () => {
    const route = setup([
      ingressYaml('ingress1', { annotations: AFFINITY, rules: [{ host: 'separate.test', paths: [{ path: '/foo/bar', backend: 'web:80' }] }] }),
      ingressYaml('ingress2', { rules: [{ host: 'separate.test', paths: [{ path: '/foo', backend: 'web:80' }] }] }),
    ])
    const foo = route({ url: 'http://separate.test/foo' })
    expect(foo.affinity?.setCookie).toBeNull()
    expect(foo.affinity?.how).toBe('new')
    expect(route({ url: 'http://separate.test/foo/bar' }).affinity?.setCookie?.path).toBe('/foo/bar')
  })

  test('a request by a server-alias name sets the cookie too (e2e: should work with server-alias annotation)', () => {
    const route = setup([ingressYaml('web', { annotations: nginx({ affinity: 'cookie', 'session-cookie-name': 'SERVERID', 'server-alias': 'a1.foo.com,a2.foo.com' }), rules: [{ host: 'foo.com', paths: [{ path: '/', backend: 'web:80' }] }] })])
    for (const host of ['foo.com', 'a1.foo.com', 'a2.foo.com']) expect(header(route({ url: `http://${host}/bar` }))).toContain('SERVERID=')
  })

  test('a rule without host sets the cookie on the catch-all server (e2e: should set sticky cookie without host)', () => {
    const route = setup([ingressYaml('web', { annotations: nginx({ affinity: 'cookie', 'session-cookie-name': 'SERVERID' }), rules: [{ paths: [{ path: '/', backend: 'web:80' }] }] })])
    expect(header(route({ url: 'http://whatever.test/' }))).toContain('SERVERID=')
  })
})

describe('stickiness over a sequence of requests (seeded random source)', () => {
  for (const mode of ['balanced', 'persistent'] as const) {
    test(`${mode}: the first response sets the cookie; every request carrying it reaches the same pod`, () => {
      const compiled = compileRoutes(modelOf(joinDocuments(backendYaml('web', 5), ingressYaml('web', { annotations: nginx({ affinity: 'cookie', 'affinity-mode': mode }), rules: [{ host: 'a.test', paths: [{ path: '/', backend: 'web:80' }] }] }))))
      const random = createRandom(42)
      const picked = new Set<number>()
      for (let session = 0; session < 20; session++) {
        const first = routeRequest(compiled, { url: 'http://a.test/' }, { random })
        const affinity = first.affinity
        expect(affinity?.how).toBe('new')
        const pod = affinity?.pod
        expect(pod?.deployment).toBe('web')
        picked.add(pod?.index ?? -1)
        const cookie = affinity?.setCookie?.value as string
        for (let i = 0; i < 5; i++) {
          const next = routeRequest(compiled, { url: `http://a.test/page/${i}`, cookies: { INGRESSCOOKIE: cookie } }, { random })
          expect(next.affinity).toMatchObject({ how: 'cookie', pod, setCookie: null, stickyValue: cookie })
        }
      }
      // New sessions spread over the pods (20 sessions over 5 pods: more than one pod is used).
      expect(picked.size).toBeGreaterThan(1)
      expect([...picked].every((index) => index >= 0 && index < 5)).toBe(true)
    })
  }

  test('the same seed gives the same pick (the engine is deterministic)', () => {
    const route = single({})
    expect(route({ url: 'http://a.test/' }, 7).affinity?.pod).toEqual(route({ url: 'http://a.test/' }, 7).affinity?.pod)
  })

  test('the pod is named as the route graph names it (model/pod-ref.ts)', () => {
    const pod = single({ 'affinity-mode': 'persistent' })({ url: 'http://a.test/' }).affinity?.pod
    expect(pod?.id).toBe(`pod:default/web:${pod?.index}`)
    expect(pod?.ordinal).toBe((pod?.index ?? 0) + 1)
  })

  test('persistent: a cookie naming a pod that is gone gets a new pod and a new cookie (sticky.lua balance: find returns nil)', () => {
    const three = single({ 'affinity-mode': 'persistent' })
    const one = setup([ingressYaml('web', { annotations: nginx({ affinity: 'cookie', 'affinity-mode': 'persistent' }), rules: [{ host: 'a.test', paths: [{ path: '/', backend: 'web:80' }] }] })], backendYaml('web', 1))
    // Find a session on a pod other than #1 with three pods, then scale to one.
    let cookie = ''
    for (let seed = 1; seed < 50 && cookie === ''; seed++) {
      const result = three({ url: 'http://a.test/' }, seed)
      if (result.affinity?.pod?.index !== 0) cookie = result.affinity?.setCookie?.value ?? ''
    }
    const after = one({ url: 'http://a.test/', cookies: { INGRESSCOOKIE: cookie } })
    expect(after.affinity).toMatchObject({ how: 'cookie-unknown', pod: { index: 0 } })
    expect(after.affinity?.setCookie?.value).not.toBe(cookie)
  })

  test('balanced: any key lands on some pod, as on the consistent-hash ring (sticky_balanced.lua, resty.chash find)', () => {
    const result = single({})({ url: 'http://a.test/', cookies: { INGRESSCOOKIE: 'anything' } })
    expect(result.affinity).toMatchObject({ how: 'cookie', setCookie: null })
    expect(result.affinity?.pod).not.toBeNull()
  })
})

describe('endpoints, annotations and the trace', () => {
  test('without a Deployment for the Service the endpoint is unnamed, never invented', () => {
    const route = setup([ingressYaml('web', { annotations: AFFINITY, rules: [{ host: 'a.test', paths: [{ path: '/', backend: 'web:80' }] }] })], '')
    expect(route({ url: 'http://a.test/' }).affinity).toMatchObject({ endpoints: 'unnamed', pod: null, service: 'web' })
  })

  test('the trace names the annotation, the mode, the pod and the Lua file', () => {
    const result = single({})({ url: 'http://a.test/' })
    const text = result.trace.map((step) => formatMessage(step, 'en')).join('\n')
    expect(text).toMatch(/affinity: cookie, balanced mode.*upstream default-web-80.*no INGRESSCOOKIE cookie.*web · pod \d.*sticky_balanced\.lua/)
    expect(text).toContain('Set-Cookie: INGRESSCOOKIE=')
  })

  test('trace off: the same pod and cookie, no messages', () => {
    const compiled = compileRoutes(modelOf(joinDocuments(backendYaml('web', 3), ingressYaml('web', { annotations: AFFINITY, rules: [{ host: 'a.test', paths: [{ path: '/', backend: 'web:80' }] }] }))))
    const on = routeRequest(compiled, { url: 'http://a.test/' })
    const off = routeRequest(compiled, { url: 'http://a.test/' }, { trace: false })
    expect(off.trace).toEqual([])
    expect(off.affinity?.pod).toEqual(on.affinity?.pod)
    expect(off.affinity?.setCookie?.header).toBe(on.affinity?.setCookie?.header)
  })

  test.each([
    ['session-cookie-name', 'bad;name', 'INGRESSCOOKIE', 'BasicCharsRegex refuses ";"; the parser falls back to the default'],
    ['affinity-mode', 'Persistent', 'balanced', 'ValidateOptions is case-sensitive: refused, so balanced'],
  ])('%s: %s → %s (%s; sessionaffinity/main.go)', (annotation, value, expected, _source) => {
    const result = single({ [annotation]: value })({ url: 'http://a.test/' })
    expect(result.status).toBe(200)
    expect(annotation === 'affinity-mode' ? result.affinity?.mode : result.affinity?.cookieName).toBe(expected)
  })

  test('affinity: Cookie (refused by the case-sensitive validator) gives no affinity at all', () => {
    expect(single({ affinity: 'Cookie' })({ url: 'http://a.test/' }).affinity).toBeUndefined()
  })
})

describe('canary and affinity-canary-behavior (balancer.lua route_to_alternative_balancer, controller.go mergeAlternativeBackend)', () => {
  function canarySetup(canaryAnnotations: Record<string, string>) {
    return setup([
      ingressYaml('main', { annotations: AFFINITY, rules: [{ host: 'a.test', paths: [{ path: '/', backend: 'stable:80' }] }] }),
      ingressYaml('next', { annotations: nginx({ canary: 'true', 'canary-by-header': 'X-Canary', ...canaryAnnotations }), rules: [{ host: 'a.test', paths: [{ path: '/', backend: 'preview:80' }] }] }),
    ], joinDocuments(backendYaml('stable', 2), backendYaml('preview', 2)))
  }

  test('sticky (default): a session begun on the canary stays there without the header', () => {
    const route = canarySetup({})
    const first = route({ url: 'http://a.test/', headers: { 'X-Canary': 'always' } })
    expect(first).toMatchObject({ canary: true, service: 'preview' })
    const cookie = first.affinity?.setCookie?.value as string
    expect(cookie.split('|')[1]).toBe(upstreamKeyOf('default-preview-80'))
    const next = route({ url: 'http://a.test/', cookies: { INGRESSCOOKIE: cookie } })
    expect(next).toMatchObject({ canary: true, service: 'preview' })
    expect(next.affinity?.pod).toEqual(first.affinity?.pod)
  })

  test('sticky: a primary session stays on the primary even with the canary header', () => {
    const route = canarySetup({})
    const cookie = route({ url: 'http://a.test/' }).affinity?.setCookie?.value as string
    expect(route({ url: 'http://a.test/', headers: { 'X-Canary': 'always' }, cookies: { INGRESSCOOKIE: cookie } })).toMatchObject({ canary: false, service: 'stable' })
  })

  test('legacy: the canary upstream gets no affinity, so the canary rules decide every request', () => {
    const route = canarySetup({ 'affinity-canary-behavior': 'legacy' })
    const first = route({ url: 'http://a.test/', headers: { 'X-Canary': 'always' } })
    expect(first).toMatchObject({ canary: true })
    expect(first.affinity).toBeUndefined()
  })
})

describe('the route table and nginx.conf say where the cookie is set', () => {
  const model = () => modelOf(joinDocuments(backendYaml('web', 2),
    ingressYaml('ingress1', { annotations: nginx({ affinity: 'cookie', 'session-cookie-name': 'SERVERID', 'affinity-mode': 'persistent' }), rules: [{ host: 'separate.test', paths: [{ path: '/foo/bar', backend: 'web:80' }] }] }),
    ingressYaml('ingress2', { rules: [{ host: 'separate.test', paths: [{ path: '/foo', backend: 'web:80' }] }] })))

  test('a note per row: the cookie and its Path, or that the row sets none (e2e: should not set affinity across all server locations when using separate ingresses)', () => {
    const rows = buildRouteTable(compileRoutes(model()))
    const notes = (path: string) => rows.find((row) => row.path === path)?.notes.map((note) => formatMessage(note, 'en')) ?? []
    expect(notes('/foo/bar')).toContain('session affinity: cookie SERVERID (persistent), Path /foo/bar')
    expect(notes('/foo')).toContain('session affinity (persistent) by cookie SERVERID; this path sets no cookie (another Ingress asked for affinity)')
  })

  test('nginx.conf carries it as a comment in each location of the upstream', () => {
    expect(renderNginxConf(compileRoutes(model()))).toContain('# ingress-nginx Lua: session affinity sticky_persistent on default-web-80, cookie SERVERID, Path /foo/bar ($location_path)')
  })
})

describe('properties (sticky.lua balance)', () => {
  const compiledFor = (replicas: number, mode: 'balanced' | 'persistent') => compileRoutes(modelOf(joinDocuments(backendYaml('web', replicas),
    ingressYaml('web', { annotations: nginx({ affinity: 'cookie', 'affinity-mode': mode }), rules: [{ host: 'a.test', paths: [{ path: '/', backend: 'web:80' }] }] }))))
  const compiled = new Map([1, 2, 3, 5, 8].flatMap((n) => (['balanced', 'persistent'] as const).map((mode) => [`${n}-${mode}`, compiledFor(n, mode)] as const)))

  test('any seed, size and mode: the cookie a new session gets leads back to its pod, and to no Set-Cookie', () => {
    fc.assert(fc.property(fc.integer(), fc.constantFrom(1, 2, 3, 5, 8), fc.constantFrom('balanced' as const, 'persistent' as const), (seed, replicas, mode) => {
      const routes = compiled.get(`${replicas}-${mode}`)!
      const first = routeRequest(routes, { url: 'http://a.test/' }, { random: createRandom(seed), trace: false }).affinity!
      expect(first.pod!.index).toBeLessThan(replicas)
      const again = routeRequest(routes, { url: 'http://a.test/x', cookies: { INGRESSCOOKIE: first.setCookie!.value } }, { random: createRandom(seed + 1), trace: false }).affinity!
      expect(again).toMatchObject({ how: 'cookie', pod: first.pod, setCookie: null })
    }), { seed: 20260401, numRuns: 200 })
  })

  test('any cookie value: balanced always finds a pod; persistent only for a key of its own endpoints', () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }).filter((v) => !v.startsWith('|')), (value) => {
      const balanced = routeRequest(compiled.get('3-balanced')!, { url: 'http://a.test/', cookies: { INGRESSCOOKIE: value } }, { trace: false }).affinity!
      expect(balanced.how).toBe('cookie')
      const persistent = routeRequest(compiled.get('3-persistent')!, { url: 'http://a.test/', cookies: { INGRESSCOOKIE: value } }, { trace: false }).affinity!
      expect(persistent.how).toBe('cookie-unknown')
      expect(persistent.setCookie).not.toBeNull()
    }), { seed: 20260401, numRuns: 200 })
  })
})

describe('replicas from the user', () => {
  test('a Deployment asking for 100 million replicas makes no pod list: the pod is made when picked, and a cookie still sticks', () => {
    for (const mode of ['balanced', 'persistent']) {
      const route = setup([ingressYaml('web', { annotations: { ...AFFINITY, ...nginx({ 'affinity-mode': mode }) }, rules: [{ host: 'a.test', paths: [{ path: '/', backend: 'web:80' }] }] })], backendYaml('web', 100_000_000))
      const first = route({ url: 'http://a.test/' })
      const pod = first.affinity?.pod
      expect(pod?.deployment).toBe('web')
      expect(pod?.index).toBeLessThan(100_000_000)
      const value = first.affinity?.stickyValue as string
      const again = route({ url: 'http://a.test/x', cookies: { INGRESSCOOKIE: value } }, 7)
      // Persistent keys are indexed for the first 100,000 pods only (docs/routing.md#session-affinity): a cookie of a
      // pod past them starts a new session.
      const known = mode === 'balanced' || (pod?.index ?? 0) < 100_000
      expect(again.affinity?.how).toBe(known ? 'cookie' : 'cookie-unknown')
      if (known) expect(again.affinity?.pod).toEqual(pod)
    }
  })
})
