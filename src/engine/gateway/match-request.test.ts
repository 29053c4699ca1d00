import { describe, expect, it } from 'vitest'
import type { HTTPRouteMatch } from '../model/types'
import { compileMatch, parseQuery, pathMatches, restMatches, type MatchSubject } from './match-request'

function match(path: HTTPRouteMatch['path'], rest: Partial<HTTPRouteMatch> = {}): HTTPRouteMatch {
  return { path, headers: [], queryParams: [], at: [], ...rest }
}

function subject(path: string, headers: Record<string, string> = {}, query: string | null = null, method = 'GET'): MatchSubject {
  const map = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  return { path, method, headers: map, query: () => parseQuery(query) }
}

describe('path matches', () => {
  // [type, value, request path, matches, source]
  const rows: [ 'Exact' | 'PathPrefix' | 'RegularExpression', string, string, boolean, string][] = [
    ['Exact', '/abc', '/abc', true, 'httproute_types.go PathMatchExact'],
    ['Exact', '/abc', '/abc/', false, 'httproute_types.go PathMatchExact: "NOT /abc/"'],
    ['Exact', '/abc', '/Abc', false, 'httproute_types.go PathMatchExact: "NOT /Abc"'],
    ['Exact', '/abc', '/abcd', false, 'httproute_types.go PathMatchExact: "NOT /abcd"'],
    ['PathPrefix', '/abc', '/abc', true, 'httproute_types.go PathMatchPathPrefix'],
    ['PathPrefix', '/abc', '/abc/', true, 'httproute_types.go PathMatchPathPrefix'],
    ['PathPrefix', '/abc', '/abc/def', true, 'httproute_types.go PathMatchPathPrefix'],
    ['PathPrefix', '/abc', '/abcd', false, 'httproute_types.go PathMatchPathPrefix: "/abcd would not"'],
    ['PathPrefix', '/abc/', '/abc', true, 'httproute_types.go PathMatchPathPrefix: "a trailing / is ignored"'],
    ['PathPrefix', '/abc', '/ABC', false, 'httproute_types.go PathMatchPathPrefix: case-sensitive'],
    ['PathPrefix', '/', '/anything', true, 'httproute_types.go HTTPRouteRule.matches: the default prefix / matches every request'],
    ['RegularExpression', '/v[0-9]+/.*', '/v2/users', true, 'the studio: RE2, full match'],
    ['RegularExpression', '/v[0-9]+', '/v2/users', false, 'the studio: a full match, not a partial one'],
    ['RegularExpression', '/a(?=b)', '/ab', false, 'RE2 has no lookahead: the pattern is unusable and matches nothing'],
  ]
  it.each(rows)('%s %s on %s → %s (%s)', (type, value, path, expected) => {
    expect(pathMatches(compileMatch(match({ type, value })), path)).toBe(expected)
  })
})

describe('headers, query params, method', () => {
  it('matches header names case-insensitively and values exactly (httproute_types.go HTTPHeaderMatch.name)', () => {
    const m = compileMatch(match({ type: 'PathPrefix', value: '/' }, { headers: [{ type: 'Exact', name: 'Version', value: 'two', at: [] }] }))
    expect(restMatches(m, subject('/', { version: 'two' }))).toBe(true)
    expect(restMatches(m, subject('/', { VERSION: 'two' }))).toBe(true)
    expect(restMatches(m, subject('/', { version: 'Two' }))).toBe(false)
    expect(restMatches(m, subject('/'))).toBe(false)
  })

  it('counts only the first of equivalent header names (httproute_types.go HTTPHeaderMatch.name)', () => {
    const m = compileMatch(match({ type: 'PathPrefix', value: '/' }, {
      headers: [{ type: 'Exact', name: 'foo', value: 'a', at: [] }, { type: 'Exact', name: 'Foo', value: 'b', at: [] }],
    }))
    expect(m.headers).toHaveLength(1)
    expect(restMatches(m, subject('/', { foo: 'a' }))).toBe(true)
  })

  it('matches query param names case-sensitively and the first value of a repeated one (conformance HTTPRouteQueryParamMatching; HTTPQueryParamMatch.name)', () => {
    const m = compileMatch(match({ type: 'PathPrefix', value: '/' }, { queryParams: [{ type: 'Exact', name: 'animal', value: 'whale', at: [] }] }))
    expect(restMatches(m, subject('/', {}, 'animal=whale'))).toBe(true)
    expect(restMatches(m, subject('/', {}, 'animal=whale&otherparam=irrelevant'))).toBe(true)
    expect(restMatches(m, subject('/', {}, 'ANIMAL=Whale'))).toBe(false)
    expect(restMatches(m, subject('/', {}, 'animal=whaledolphin'))).toBe(false)
    expect(restMatches(m, subject('/', {}, 'animal=whale&animal=dolphin'))).toBe(true)
    expect(restMatches(m, subject('/', {}, 'animal=dolphin&animal=whale'))).toBe(false)
    expect(restMatches(m, subject('/', {}, 'animal=wh%61le'))).toBe(true)
  })

  it('matches the method (conformance HTTPRouteMethodMatching)', () => {
    const m = compileMatch(match({ type: 'PathPrefix', value: '/' }, { method: 'POST' }))
    expect(restMatches(m, subject('/', {}, null, 'POST'))).toBe(true)
    expect(restMatches(m, subject('/', {}, null, 'GET'))).toBe(false)
  })

  it('matches a RegularExpression header value as a whole (the studio: RE2, full match)', () => {
    const m = compileMatch(match({ type: 'PathPrefix', value: '/' }, { headers: [{ type: 'RegularExpression', name: 'x', value: 'v[0-9]', at: [] }] }))
    expect(restMatches(m, subject('/', { x: 'v2' }))).toBe(true)
    expect(restMatches(m, subject('/', { x: 'v23' }))).toBe(false)
    expect(m.usesRegex).toBe(true)
  })

  it('does not hang on a pattern that backtracks catastrophically in JavaScript', () => {
    const m = compileMatch(match({ type: 'RegularExpression', value: '/(a+)+b' }))
    const started = performance.now()
    expect(pathMatches(m, '/' + 'a'.repeat(40))).toBe(false)
    expect(performance.now() - started).toBeLessThan(2000)
  })
})
