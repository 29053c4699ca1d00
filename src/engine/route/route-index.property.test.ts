/**
 * The routing index (`route-index.ts`, `compact-locations.ts`, `select-location.ts`) answers exactly what a
 * straightforward reading of nginx's selection answers over the compiled servers as nginx.conf lists them
 * (docs/routing.md#location-selection): random Ingress sets — Exact, Prefix and ImplementationSpecific paths,
 * use-regex and rewrite-target hosts, wildcard hosts, rules without a host, sometimes more than
 * COMPACT_LIMIT locations on one host so both the packed tables and the hash maps are used — and random URIs.
 *
 * The reference is written out here from nginx's algorithm (ngx_http_core_find_location), with no index: every
 * location is compared, every `~*` location runs its regex (no literal shortcut), every server is scanned.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ingressYaml, joinDocuments, nginx, type IngressSpec, type PathSpec } from '../testing/manifests'
import { modelOf } from '../testing/models'
import { compileRoutes } from './compile-routes'
import { COMPACT_LIMIT } from './compact-locations'
import { toByteString } from './normalize-uri'
import { unescapeNginxToken } from './pcre'
import { BoundedRegex } from './regex/bounded-regex'
import { findServer, indexRoutes } from './route-index'
import { selectLocation } from './select-location'
import type { CompiledRoutes, CompiledServer } from './types'

const HOSTS = ['a.example.com', 'b.example.com', '*.example.com', '*.b.example.com', '']
const SEGMENTS = ['a', 'b', '', 'ab', 'A', 'api', 'v1', 'x%20y', 'static']
const REGEX_PATHS = ['/a/[0-9]+', '/(api|web)/.*', '/a.*', '/b$', '/A/b', '/api/v[12]/(.*)', '/[a-c]+/?$']

const segmentPath = fc.array(fc.constantFrom(...SEGMENTS), { minLength: 0, maxLength: 3 }).chain((parts) =>
  fc.boolean().map((slash) => '/' + parts.join('/') + (slash && parts.length > 0 ? '/' : '')))

/** An empty segment writes `//`, which the API allows only in ImplementationSpecific paths. */
const pathSpec: fc.Arbitrary<PathSpec> = fc.record({
  path: fc.oneof({ weight: 4, arbitrary: segmentPath }, { weight: 1, arbitrary: fc.constantFrom(...REGEX_PATHS) }),
  type: fc.constantFrom('Exact', 'Prefix', 'ImplementationSpecific'),
  backend: fc.constantFrom('s1:80', 's2:80'),
}).map((spec) => (spec.type === 'ImplementationSpecific' ? spec : { ...spec, path: (spec.path as string).replace(/\/{2,}/g, '/') }))

const ingressSpec: fc.Arbitrary<IngressSpec> = fc.record({
  host: fc.constantFrom(...HOSTS),
  paths: fc.array(pathSpec, { minLength: 1, maxLength: 6 }),
  regex: fc.constantFrom('none', 'none', 'none', 'use-regex', 'rewrite-target'),
}).map(({ host, paths, regex }) => ({
  ...(regex === 'use-regex' ? { annotations: nginx({ 'use-regex': 'true' }) } : {}),
  ...(regex === 'rewrite-target' ? { annotations: nginx({ 'rewrite-target': '/$1' }) } : {}),
  rules: [{ host, paths }],
}))

/** Many plain Exact and Prefix paths on one host: more static names than a packed table holds. */
function crowdedIngress(count: number): IngressSpec {
  const paths: PathSpec[] = []
  for (let i = 0; i < count; i++) paths.push({ path: `/c${i}${i % 2 === 0 ? '' : '/'}`, type: i % 3 === 0 ? 'Exact' : 'Prefix', backend: 's1:80' })
  return { rules: [{ host: 'a.example.com', paths }] }
}

function compiledOf(specs: readonly IngressSpec[], crowded: boolean): CompiledRoutes {
  const texts = specs.map((spec, i) => ingressYaml(`ing-${i}`, spec))
  if (crowded) texts.push(ingressYaml('crowded', crowdedIngress(COMPACT_LIMIT + 8)))
  return compileRoutes(modelOf(joinDocuments(...texts)))
}

const URIS = fc.oneof(
  segmentPath,
  fc.array(fc.constantFrom(...SEGMENTS, 'c1', 'c2', 'c10', '5', '42', 'WEB', 'web'), { minLength: 1, maxLength: 4 }).map((parts) => '/' + parts.join('/')),
  fc.string({ maxLength: 6 }).map((tail) => '/a' + tail),
)

type Answer = { readonly kind: string; readonly index: number }

const nameOf = (path: string): string => toByteString(unescapeNginxToken(path))

const regexes = new Map<string, BoundedRegex>()
function regexOf(source: string): BoundedRegex {
  let regex = regexes.get(source)
  if (!regex) regexes.set(source, (regex = new BoundedRegex(source, true)))
  return regex
}

/** ngx_http_core_find_location, written out over the server's location list. */
function referenceLocation(server: CompiledServer, uri: string): Answer {
  const statics = server.locations.filter((location) => location.modifier !== '~*')
  const exact = statics.find((location) => location.modifier === '=' && nameOf(location.path) === uri)
  if (exact) return { kind: 'exact', index: exact.index }
  // auto_redirect: a proxied location named `uri/` (an exact one preferred) answers with a 301, unless a plain
  // prefix location is named `uri` itself (found first in nginx's static tree).
  const shadowed = statics.some((location) => location.modifier === '' && nameOf(location.path) === uri)
  const slashed = statics.filter((location) => location.fixedStatus === null && uri.length > 0 && nameOf(location.path) === uri + '/')
  const redirect = slashed.find((location) => location.modifier === '=') ?? slashed[0]
  if (redirect && !shadowed) return { kind: 'auto-redirect', index: redirect.index }
  let prefix: { index: number; length: number } | null = null
  for (const location of statics) {
    if (location.modifier !== '') continue
    const name = nameOf(location.path)
    if (uri.startsWith(name) && (prefix === null || name.length > prefix.length)) prefix = { index: location.index, length: name.length }
  }
  for (const location of server.locations) {
    if (location.modifier !== '~*' || location.jsRegex === null) continue
    const verdict = regexOf(location.jsRegex).test(uri)
    if (verdict === 'match') return { kind: 'regex', index: location.index }
    if (verdict === 'match-limit') return { kind: 'regex-error', index: location.index }
  }
  return prefix ? { kind: 'prefix', index: prefix.index } : { kind: 'none', index: -1 }
}

/** nginx's server choice among hosts without aliases: the exact name, else the wildcard's one-label regex, else the default. */
function referenceServer(compiled: CompiledRoutes, host: string): string {
  const exact = compiled.servers.find((server) => server.kind === 'exact' && server.hostname === host)
  if (exact) return exact.hostname
  for (const server of compiled.servers) {
    if (server.kind !== 'wildcard') continue
    const suffix = server.hostname.slice(1)
    const head = host.slice(0, host.length - suffix.length)
    if (host.endsWith(suffix) && /^[A-Za-z0-9_-]+$/.test(head)) return server.hostname
  }
  return '_'
}

const REQUEST_HOSTS = ['a.example.com', 'b.example.com', 'x.example.com', 'x.b.example.com', 'x.y.example.com', 'example.com', 'other.test']

/** URIs near the paths written: each path, without its last character, with a segment added. */
function nearUris(specs: readonly IngressSpec[]): fc.Arbitrary<string> {
  const written = specs.flatMap((spec) => (spec.rules ?? []).flatMap((rule) => (rule.paths ?? []).map((path) => path.path ?? '/')))
  return fc.tuple(fc.constantFrom(...written), fc.constantFrom('same', 'shorter', 'longer', 'upper')).map(([path, how]) =>
    how === 'same' ? path : how === 'shorter' ? path.slice(0, -1) || '/' : how === 'longer' ? path + 'x/1' : path.toUpperCase())
}

describe('the routing index', () => {
  it('picks the server and location the straightforward selection picks', () => {
    const scenario = fc.array(ingressSpec, { minLength: 1, maxLength: 40 }).chain((specs) => fc.tuple(
      fc.constant(specs),
      fc.boolean(),
      fc.array(fc.tuple(fc.constantFrom(...REQUEST_HOSTS), fc.oneof(URIS, nearUris(specs))), { minLength: 1, maxLength: 40 }),
    ))
    fc.assert(
      fc.property(scenario, ([specs, crowded, requests]) => {
        const compiled = compiledOf(specs, crowded)
        const index = indexRoutes(compiled)
        for (const [host, uri] of requests) {
          const server = findServer(index, host)
          expect(server.server.hostname, host).toBe(referenceServer(compiled, host))
          const match = selectLocation(server, uri)
          const answer = { kind: match.kind, index: match.kind === 'none' ? -1 : match.entry.location.index }
          expect(answer, `${host}${uri}`).toEqual(referenceLocation(server.server, uri))
        }
      }),
      { numRuns: 150 },
    )
  })

  it('answers a URI that names a plain prefix and, with a slash added, another location by that prefix (no 301)', () => {
    // `location //` and `location /` (Prefix `/`): the URI `/` names the prefix, and `//` minus its slash is `/`.
    const paths: PathSpec[] = [{ path: '//', type: 'ImplementationSpecific', backend: 's1:80' }, { path: '/', type: 'Prefix', backend: 's2:80' }]
    for (const crowded of [false, true]) {
      const compiled = compiledOf([{ rules: [{ host: 'a.example.com', paths }] }], crowded)
      const server = findServer(indexRoutes(compiled), 'a.example.com')
      const match = selectLocation(server, '/')
      expect(match.kind).toBe('prefix')
      expect(referenceLocation(server.server, '/')).toEqual({ kind: 'prefix', index: match.kind === 'prefix' ? match.entry.location.index : -1 })
    }
  })

  it('is exercised on both table forms: a crowded host uses hash maps, a small one the packed tables', () => {
    const compiled = compiledOf([{ rules: [{ host: 'b.example.com', paths: [{ path: '/b', type: 'Prefix', backend: 's1:80' }] }] }], true)
    const index = indexRoutes(compiled)
    expect(findServer(index, 'a.example.com').compact).toBeNull()
    expect(findServer(index, 'b.example.com').compact).not.toBeNull()
  })
})
