/**
 * rewrite-target: what nginx sends upstream after `rewrite "(?i)<path>" <target> break;`, spec table by spec table
 * (docs/routing.md#rewrite-target; each row names its source), and property tests for the escaping of captures.
 * The same cases run on a real nginx in nginx-rewrite.test.ts.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { formatMessage } from '../messages/render'
import { compileRoutes } from './compile-routes'
import { escapeArgs, escapeUri, parseTarget } from './normalize-uri'
import { routeRequest } from './route-request'
import { nginx } from '../testing/manifests'
import { clusterModel, ingress } from '../testing/models'
import type { EnvironmentOverrides } from './environment'
import type { CompiledRoutes, RouteResult } from './types'

function routes(path: string, target: string, overrides: EnvironmentOverrides = {}): CompiledRoutes {
  return compileRoutes(clusterModel(ingress('rw', {
    annotations: nginx({ 'rewrite-target': target, 'use-regex': 'true' }),
    rules: [{ host: 'rewrite.bar.com', paths: [{ path, type: 'ImplementationSpecific', backend: 'app:80' }] }],
  })), overrides)
}

function answer(result: RouteResult): string {
  if (result.status === 200) return result.upstreamUri ?? ''
  return result.location !== null ? `${result.status} ${result.location}` : String(result.status)
}

const VALIDATION_OFF: EnvironmentOverrides = { annotationValidation: false }

describe('rewrite-target: the URI nginx sends upstream', () => {
  // [request, path, rewrite-target, upstream URI (or "status Location"), source]
  test.each([
    ['/something', '/something(/|$)(.*)', '/$2', '/', 'ingress-nginx docs/examples/rewrite/README.md'],
    ['/something/', '/something(/|$)(.*)', '/$2', '/', 'ingress-nginx docs/examples/rewrite/README.md'],
    ['/something/new', '/something(/|$)(.*)', '/$2', '/new', 'ingress-nginx docs/examples/rewrite/README.md'],
    ['/foo/bar/bar', '/foo/bar/(.+)', '/new/backend/$1', '/new/backend/bar', 'ingress-nginx test/e2e/annotations/rewrite.go "should allow for custom rewrite parameters"'],
    ['/something', '/something', '/', '/', 'ingress-nginx test/e2e/annotations/rewrite.go "should write rewrite logs" (rewritten data: "/", args: "")'],
    ['/foo/bar', '/foo.+', '/new/backend', '/new/backend', 'ingress-nginx test/e2e/annotations/rewrite.go "should use ~* location modifier if regex annotation is present"'],
    // Escaping of the new path: ngx_http_proxy_create_request escapes a rewritten (internal) URI with NGX_ESCAPE_URI.
    ['/p/a%22b', '/p/(.*)', '/$1', '/a%22b', 'nginx src/core/ngx_string.c ngx_escape_uri `uri` table; issue 14 item 3'],
    ['/p/%3C%3E%5C%5E%60%7B%7C%7D', '/p/(.*)', '/$1', '/%3C%3E%5C%5E%60%7B%7C%7D', 'nginx src/core/ngx_string.c ngx_escape_uri `uri` table'],
    ['/p/a%20b%23c%3Fd%25e', '/p/(.*)', '/$1', '/a%20b%23c%3Fd%25e', 'nginx src/core/ngx_string.c ngx_escape_uri `uri` table'],
    ["/p/a%26b+c%3Bd%27%21%2A", '/p/(.*)', '/$1', "/a&b+c;d'!*", 'nginx src/core/ngx_string.c: & + ; \' ! * are not in the `uri` table'],
    ['/p/%C3%A9', '/p/(.*)', '/$1', '/%C3%A9', 'nginx src/core/ngx_string.c: bytes above 0x7f are escaped'],
    ['/p/a?x=%22', '/p/(.*)', '/$1', '/a?x=%22', 'nginx ngx_http_proxy_create_request: the arguments follow as they came'],
    // Named captures: nginx makes each named group a variable (ngx_http_regex_compile).
    ['/id/42', '/id/(?<id>[0-9]+)', '/item/$id', '/item/42', 'nginx src/http/ngx_http_variables.c ngx_http_regex_compile/_exec; issue 14 item 4'],
    ['/u/ann/x', '/u/(?P<user>[a-z]+)/(.*)', '/$user/$2', '/ann/x', 'PCRE (?P<name>) is group 1; nginx ngx_http_regex_exec'],
    ["/t/go", "/t/(?'tag'[a-z]+)", '/tags/$tag', '/tags/go', "PCRE (?'name') spelling"],
    ['/m/y', '/m/(?<a>x)?(?<b>y)', '/$a-$b', '/-y', 'nginx ngx_http_regex_exec: a group that took no part is empty'],
    // Variables (ngx_http_variables.c).
    ['/p/a?k=v', '/p/(.*)', '/$host/$1', '/rewrite.bar.com/a?k=v', 'nginx ngx_http_variable_host'],
    ['/p/a?k=v', '/p/(.*)', '/r$request_uri', '/r/p/a%3Fk=v?k=v', 'nginx ngx_http_variable_request: $request_uri is the raw target; ? in a value is escaped'],
    ['/p/x/../a', '/p/(.*)', '/u$uri', '/u/p/a', 'nginx $uri is the normalised path'],
    ['/p/a?k=v&K=2', '/p/(.*)', '/$arg_k', '/v?k=v&K=2', 'nginx ngx_http_arg: the first k= (names ASCII-caseless)'],
    ['/p/a', '/p/(.*)', '/$0', '404', 'nginx: $0 is the variable "0", nginx -t rejects it, so the webhook (controller.go CheckIngress) denies the Ingress'],
    // Empty path: ngx_http_script_regex_end_code "the rewritten URI has a zero length" → 500.
    ['/p/', '/p/(.*)', '$1', '500', 'nginx src/http/ngx_http_script.c ngx_http_script_regex_end_code'],
    // A target starting with http://, https:// or $scheme is a 302 (ngx_http_rewrite); captures NGX_ESCAPE_ARGS-escaped
    // when the path had % or + (ngx_http_script_copy_capture_code), then NGX_UNESCAPE_REDIRECT.
    ['/p/a%20b', '/p/(.*)', 'http://x.test/$1', '302 http://x.test/a%20b', 'nginx ngx_http_script_copy_capture_code + ngx_http_script_regex_end_code'],
    ['/p/a+b?k=v', '/p/(.*)', 'http://x.test/$1', '302 http://x.test/a+b?k=v', 'nginx: + is escaped to %2B, then unescaped (0x2B > %)'],
    ['/p/a%22b', '/p/(.*)', '$scheme://x.test/$1', '302 http://x.test/a%22b', 'nginx ngx_http_rewrite: a $scheme target is a redirect'],
  ])('%s with path %s and rewrite-target %s → %s (%s)', (request, path, target, expected) => {
    expect(answer(routeRequest(routes(path, target, VALIDATION_OFF), { url: `http://rewrite.bar.com${request}` }))).toBe(expected)
  })

  // [request, rewrite-target, upstream URI, source]: the `?` rules (nginx docs ngx_http_rewrite_module "rewrite":
  // new arguments replace the request's, which follow after &; a final ? drops them; ngx_http_script_regex_end_code).
  test.each([
    ['/p/a?k=v', '/x?', '/x', 'a final ? drops the arguments'],
    ['/p/a?k=v', '/x?n=1', '/x?n=1&k=v', 'the request\'s arguments follow the new ones after &'],
    ['/p/a', '/x?n=1', '/x?n=1', 'no request arguments: the new ones alone'],
    ['/p/a?k=v', '/x?n=$1?', '/x?n=a', 'new arguments and a final ?'],
    ['/p/a%2Bb?k=v', '/x?n=$1', '/x?n=a%2Bb&k=v', 'a capture after ? is NGX_ESCAPE_ARGS-escaped when the path had %'],
    ['/p/a&b', '/x?n=$1', '/x?n=a&b', 'no % or + in the path: the capture is copied as it is'],
    ['/p/a+b', '/x?n=$1', '/x?n=a%2Bb', 'a + in the path (plus_in_uri) escapes too'],
    ['/p/a?k=v', 'http://x.test/$1?', '302 http://x.test/a', 'a redirect with a final ? drops the arguments'],
    ['/p/a?k=v', 'http://x.test/$1?z=1', '302 http://x.test/a?z=1&k=v', 'a redirect with a ? appends the arguments after &'],
  ])('%s with rewrite-target %s → %s (%s)', (request, target, expected) => {
    expect(answer(routeRequest(routes('/p/(.*)', target, VALIDATION_OFF), { url: `http://rewrite.bar.com${request}` }))).toBe(expected)
  })
})

describe('rewrite-target: properties', () => {
  const anyByte = fc.integer({ min: 1, max: 255 })
  const encoded = (bytes: readonly number[]): string => bytes.map((byte) => '%' + byte.toString(16).padStart(2, '0')).join('')

  // Any byte but LF, which PCRE's `.` does not match (nginx compiles without DOTALL).
  test('a capture of any bytes copied into the new path reaches the upstream as escapeUri of the normalised capture', () => {
    const compiled = routes('/p/(.*)', '/$1')
    fc.assert(fc.property(fc.array(anyByte.filter((byte) => byte !== 0x0a), { maxLength: 16 }), fc.option(fc.constantFrom('k=v', 'a=%22&b', ''), { nil: null }), (bytes, query) => {
      const target = `/p/${encoded(bytes)}` + (query === null ? '' : `?${query}`)
      const parsed = parseTarget(target)
      const result = routeRequest(compiled, { url: `http://rewrite.bar.com${target}` }, { trace: false })
      if (parsed.kind === 'bad' || !parsed.uri.startsWith('/p/')) return
      const capture = parsed.uri.slice(3)
      expect(result.upstreamUri).toBe(escapeUri('/' + capture) + (query ? `?${query}` : ''))
    }), { seed: 14, numRuns: 1000 })
  })

  test('a capture after ? in the target is escaped with NGX_ESCAPE_ARGS exactly when the path had % or +', () => {
    const compiled = routes('/p/(.*)', '/x?c=$1', VALIDATION_OFF)
    fc.assert(fc.property(fc.array(fc.integer({ min: 0x21, max: 0x7e }).filter((b) => b !== 0x25 && b !== 0x3f && b !== 0x23 && b !== 0x2f), { maxLength: 12 }), fc.boolean(), (bytes, encode) => {
      const target = `/p/${encode ? encoded(bytes) : String.fromCharCode(...bytes)}`
      const parsed = parseTarget(target)
      if (parsed.kind === 'bad') return
      const result = routeRequest(compiled, { url: `http://rewrite.bar.com${target}` }, { trace: false })
      const capture = parsed.uri.slice(3)
      const escaping = parsed.quoted || parsed.plus
      expect(result.upstreamUri).toBe(`/x?c=${escaping ? escapeArgs(capture) : capture}`)
    }), { seed: 15, numRuns: 500 })
  })
})

describe('rewrite-target: the trace says what nginx did', () => {
  const said = (path: string, target: string, request: string): string[] =>
    routeRequest(routes(path, target, VALIDATION_OFF), { url: `http://rewrite.bar.com${request}` }).trace.map((step) => formatMessage(step))

  test('the escaping of the new path, naming NGX_ESCAPE_URI', () => {
    expect(said('/p/(.*)', '/$1', '/p/a%22b')).toContain('nginx escapes the new path before proxying it (ngx_escape_uri, NGX_ESCAPE_URI: controls, space, " # % < > ? \\ ^ ` { | } and bytes from 0x7F), so /a"b goes upstream as /a%22b.')
  })

  test('named groups beside their numbers, and the variables read', () => {
    const steps = said('/id/(?<id>[0-9]+)', '/$host/$id', '/id/42')
    expect(steps.some((step) => step.includes('(captures: $1="42" ($id))'))).toBe(true)
    expect(steps).toContain('rewrite-target /$host/$id reads nginx variables, which nginx expands from this request: $host="rewrite.bar.com".')
  })

  test('the arguments, the empty path and an unescaped named group in a redirect', () => {
    expect(said('/p/(.*)', '/x?', '/p/a?k=v')).toContain("rewrite-target /x? ends with ?, so nginx drops the request's arguments.")
    expect(said('/p/(.*)', '$1', '/p/')).toContain("Answer: 500 from nginx's rewrite (the new path is empty).")
    expect(said('/p/(?<rest>.*)', 'http://x.test/$rest', '/p/a%20b').some((step) => step.startsWith('rewrite-target http://x.test/$rest copies its named groups and variables into the Location as they are ($rest="a b")'))).toBe(true)
  })
})
