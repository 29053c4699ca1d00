/**
 * Random Ingress sets and requests for the nginx differential test (fast-check arbitraries): exact, wildcard
 * and hostless rules, all path types, use-regex, rewrite-target with captures, named captures and nginx
 * variables, requests with every character nginx escapes (raw and %-encoded) where a rewrite captures it, app-root, permanent and
 * temporal redirects, default backends, creation timestamps with ties, and requests that exercise
 * nginx's host and URI normalisation. Lua-only features (https redirects, canary) are left out: plain nginx
 * cannot run them.
 */
import fc from 'fast-check'
import { nginx, type IngressSpec, type PathSpec, type RuleSpec } from './manifests'

export interface DifferentialRequest {
  readonly host: string
  readonly path: string
}

export interface Scenario {
  readonly ingresses: readonly { readonly name: string; readonly spec: IngressSpec }[]
  readonly requests: readonly DifferentialRequest[]
}

const HOSTS = ['a.test', 'b.test', '*.w.test', 'x.w.test', '']
const SEGMENTS = ['a', 'b', 'ab', 'api', 'v1', 'x.y', 'A', 'app']
const REGEX_PATHS = ['/a(/|$)(.*)', '/api/(v[0-9])/(.*)', '/b.*', '/(a|b)/x', '/ab?', '/[a-c]+/?$', '/x\\.y(.*)', '/(.*)/v1', '/app(/.*)?']
const BACKENDS = ['s1:80', 's2:8080', 's3:http', 's1:8080']
const TARGETS = [
  '/', '/$1', '/r/$2', '/$2', '/x', '/$1/$2', 'http://rw.test/$1',
  // nginx variables (docs/routing.md#rewrite-target); $server_port is left out: the oracle listens on a random port.
  '/$host/$1', '/v$request_uri', '/u$uri', '/$1/$http_host', '$scheme://rw.test/$1', '/m/$request_method/$2', '/a/$arg_k/$1', '/s/$server_name/$1',
]
/**
 * Regex paths with named groups (all three PCRE spellings) and targets reading them by name. A redirect copies a
 * named group unescaped (it is a variable, not a `$n` capture), so a control byte in it would reach the Location
 * header raw, which the oracle's HTTP client refuses to parse: the redirect reads only `id`, which holds none.
 */
const NAMED_PATHS = ['/n/(?<id>[0-9]+)(/|$)(?<rest>.*)', "/(?P<id>[a-z]+)/(?'rest'.*)", '/(?<id>a|b)(?<rest>.*)']
const NAMED_TARGETS = ['/id/$id/$rest', '/$rest', '/$id$rest/$1', 'http://rw.test/id/$id', '/x/$ID']

const plainPath = fc
  .tuple(fc.array(fc.constantFrom(...SEGMENTS), { minLength: 0, maxLength: 3 }), fc.boolean())
  .map(([segments, slash]) => (segments.length === 0 ? '/' : '/' + segments.join('/') + (slash ? '/' : '')))

const typedPath: fc.Arbitrary<PathSpec> = fc.record({
  path: fc.oneof(plainPath, fc.constant('')),
  type: fc.constantFrom('Exact' as const, 'Prefix' as const, 'omitted' as const),
  backend: fc.constantFrom(...BACKENDS),
}).map((spec) => (spec.path === '' && spec.type !== 'omitted' ? { ...spec, path: '/' } : spec))

const regexPath: fc.Arbitrary<PathSpec> = fc.record({
  path: fc.oneof(fc.constantFrom(...REGEX_PATHS), plainPath),
  type: fc.constantFrom('ImplementationSpecific' as const, 'omitted' as const, 'Prefix' as const),
  backend: fc.constantFrom(...BACKENDS),
})

const namedPath: fc.Arbitrary<PathSpec> = fc.record({
  path: fc.constantFrom(...NAMED_PATHS),
  type: fc.constantFrom('ImplementationSpecific' as const, 'omitted' as const),
  backend: fc.constantFrom(...BACKENDS),
})

type Mode = 'plain' | 'regex' | 'rewrite' | 'named' | 'redirect' | 'app-root'

const annotationsFor: Record<Mode, fc.Arbitrary<Record<string, string>>> = {
  plain: fc.constant({}),
  regex: fc.constant(nginx({ 'use-regex': 'true' })),
  rewrite: fc.tuple(fc.constantFrom(...TARGETS), fc.boolean()).map(([target, regex]) =>
    nginx(regex ? { 'rewrite-target': target, 'use-regex': 'true' } : { 'rewrite-target': target })),
  named: fc.constantFrom(...NAMED_TARGETS).map((target) => nginx({ 'rewrite-target': target, 'use-regex': 'true' })),
  redirect: fc.oneof(
    fc.constantFrom('301', '308', '307', '').map((code) =>
      nginx(code ? { 'permanent-redirect': 'http://perm.test/p', 'permanent-redirect-code': code } : { 'permanent-redirect': 'http://perm.test/p' })),
    fc.constant(nginx({ 'temporal-redirect': 'https://temp.test/t?x=1' })),
  ),
  'app-root': fc.constantFrom('/app', '/a/b').map((root) => nginx({ 'app-root': root })),
}

const ingressSpec: fc.Arbitrary<IngressSpec> = fc
  .constantFrom<Mode>('plain', 'plain', 'regex', 'rewrite', 'named', 'redirect', 'app-root')
  .chain((mode) => {
    const paths = mode === 'named' ? namedPath : mode === 'regex' || mode === 'rewrite' ? regexPath : typedPath
    const rule: fc.Arbitrary<RuleSpec> = fc.record({
      host: fc.constantFrom(...HOSTS),
      paths: fc.array(paths, { minLength: 1, maxLength: 3 }),
    })
    return fc.record({
      namespace: fc.constantFrom('default', 'team'),
      timestamp: fc.option(fc.constantFrom('2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z'), { nil: undefined }),
      annotations: annotationsFor[mode],
      defaultBackend: fc.option(fc.constantFrom('dflt:80', 's2:8080'), { freq: 4, nil: undefined }),
      rules: fc.array(rule, { minLength: 0, maxLength: 2 }),
    })
  })
  .map((spec) => {
    const cleaned = Object.fromEntries(Object.entries(spec).filter(([, value]) => value !== undefined)) as IngressSpec
    // An Ingress needs rules or a default backend.
    return (cleaned.rules?.length ?? 0) === 0 && cleaned.defaultBackend === undefined ? { ...cleaned, defaultBackend: 'dflt:80' } : cleaned
  })

const REQUEST_HOSTS = ['a.test', 'A.Test', 'a.test:8080', 'a.test.', 'b.test', 'x.w.test', 'y.w.test', 'Y-1.w.test', 'q.r.w.test', 'w.test', 'zz.test', '127.0.0.1']
const BASE_PATHS = ['/', '/a', '/n/42', '/n/7/x/y', '/abc/d', '/a/', '/ab', '/a/b', '/A', '/api/v1/x', '/api/v2/', '/b', '/bx', '/x.y', '/x.yz', '/app', '/app/', '/a/b/c', '/healthz', '/nginx_status', '/v1']

type Mutation = (path: string) => string
const MUTATIONS: readonly Mutation[] = [
  (p) => p,
  (p) => p,
  (p) => (p.endsWith('/') ? p : p + '/'),
  (p) => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p),
  (p) => p + (p.endsWith('/') ? '' : '/') + 'z',
  (p) => p + 'z',
  (p) => '/' + p,
  (p) => p.replace('/', '/./'),
  (p) => '/q/..' + p,
  (p) => p.replace(/[a-z]/, (ch) => '%' + ch.charCodeAt(0).toString(16)),
  (p) => p.replace(/[a-z]/, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase()),
  (p) => p.toUpperCase(),
  (p) => p + '?k=v&z',
  (p) => p.replace(/\/$/, '') + '//',
  (p) => p + '/..',
  (p) => p + '%20x',
  (p) => p + (p.endsWith('/') ? '' : '/') + '%C3%A9',
  (p) => p + '%3Fq=%25',
  (p) => p + '+1',
  (p) => (p.endsWith('/') ? p : p + '/') + 'b%2F%2Fc',
]

/**
 * Every printable character nginx escapes in a URI it sends (NGX_ESCAPE_URI) or in captured arguments
 * (NGX_ESCAPE_ARGS), raw and %-encoded, plus encoded controls, DEL and a byte above 0x7f: appended to a path so
 * a rewrite's capture carries them.
 */
const ESCAPABLE = ['"', '<', '>', '\\', '^', '`', '{', '|', '}', '&', '+', ';', "'"]
const ESCAPE_SUFFIXES: readonly string[] = [
  ...ESCAPABLE.map((ch) => `a${ch}b`),
  ...[...ESCAPABLE, ' ', '#', '%', '?', '\x01', '\x1f', '\x7f', '\xff', '/', '.'].map((ch) => `a%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}b`),
]

function requestPaths(ingresses: readonly IngressSpec[]): string[] {
  const fromRules = ingresses.flatMap((spec) => (spec.rules ?? []).flatMap((rule) => (rule.paths ?? []).map((path) => path.path ?? '')))
  // Regex paths are turned into plausible literal paths by dropping their regex syntax.
  const literal = fromRules.map((path) => path.replace(/\(\/\|\$\)/g, '/').replace(/[()|?*+$^[\]\\]/g, '').replace(/\.\*/g, '') || '/')
  return [...new Set([...BASE_PATHS, ...literal.filter((path) => path.startsWith('/'))])]
}

/** Hosts a scenario's rules answer, in the spellings nginx must normalise (case, port, trailing dot, depth). */
function requestHosts(ingresses: readonly IngressSpec[]): string[] {
  const hosts = new Set<string>()
  for (const spec of ingresses) {
    for (const rule of spec.rules ?? []) {
      const host = rule.host ?? ''
      if (host === '') continue
      if (host.startsWith('*.')) {
        const parent = host.slice(2)
        for (const name of [`x.${parent}`, `Y-1.${parent}`, `q.r.${parent}`, parent, `a_b.${parent}`]) hosts.add(name)
      } else {
        for (const name of [host, host.toUpperCase(), `${host}:8080`, `${host}.`]) hosts.add(name)
      }
    }
  }
  return hosts.size > 0 ? [...hosts] : REQUEST_HOSTS
}

/**
 * A large host: one Ingress with 50–70 paths (plain, or all regex with use-regex/rewrite), past the size at
 * which the engine switches from its compact scanned tables to hash maps, so both code paths meet nginx.
 */
const largeSpec: fc.Arbitrary<IngressSpec> = fc
  .tuple(fc.constantFrom<Mode>('plain', 'regex', 'rewrite'), fc.integer({ min: 50, max: 70 }))
  .chain(([mode, count]) => fc.record({
    annotations: annotationsFor[mode],
    rules: fc.array(mode === 'plain' ? typedPath : regexPath, { minLength: count, maxLength: count }).map((paths) => [{
      host: 'big.test',
      // Distinct paths: a large host in the wild is many different paths, not one path many times.
      paths: paths.map((path, i) => ({ ...path, path: `/p${i % 9}${path.path === '' ? '' : path.path}`.replace(/\/\/+/g, '/') })),
    }]),
  }))

/** One scenario: 1–4 Ingresses (sometimes one large host) and `requestCount` requests aimed at their hosts and paths. */
export function scenarioArbitrary(requestCount: number): fc.Arbitrary<Scenario> {
  const specsArbitrary = fc.oneof(
    { arbitrary: fc.array(ingressSpec, { minLength: 1, maxLength: 4 }), weight: 4 },
    { arbitrary: fc.tuple(largeSpec, ingressSpec).map((specs) => [...specs]), weight: 1 },
  )
  return specsArbitrary.chain((specs) => {
    const paths = requestPaths(specs)
    const hosts = requestHosts(specs)
    const request: fc.Arbitrary<DifferentialRequest> = fc.record({
      host: fc.oneof({ arbitrary: fc.constantFrom(...hosts), weight: 3 }, { arbitrary: fc.constantFrom(...REQUEST_HOSTS), weight: 1 }),
      path: fc.oneof(
        { arbitrary: fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...MUTATIONS)).map(([path, mutate]) => mutate(path)), weight: 40 },
        {
          arbitrary: fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...ESCAPE_SUFFIXES), fc.constantFrom('', '?k=v&K=%22'))
            .map(([path, suffix, query]) => path + (path.endsWith('/') ? '' : '/') + suffix + query),
          weight: 8,
        },
        { arbitrary: fc.constantFrom('/%zz', '/../a', '/a/%2e%2e/b', '/%41%2Fb'), weight: 1 },
      ),
    })
    return fc.array(request, { minLength: requestCount, maxLength: requestCount }).map((requests) => ({
      ingresses: specs.map((spec, i) => ({ name: `ing${i}`, spec })),
      requests,
    }))
  })
}
