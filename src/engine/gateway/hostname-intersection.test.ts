/**
 * Hostname intersection between a listener and a route, as the specification's own examples and the conformance
 * scenarios give it (apis/v1/httproute_types.go `HTTPRouteSpec.Hostnames`, apis/v1/gateway_types.go
 * `Listener.Hostname`, conformance/tests/httproute-hostname-intersection.yaml and
 * httproute-listener-hostname-matching.go at v1.6.1).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { intersectHostnames } from './hostname-intersection'
import { hostnameMatches } from './hostname-match'

describe('hostnameMatches: a wildcard is a suffix over one or more labels', () => {
  it.each([
    // [pattern, host, matches, source]
    ['*.example.com', 'test.example.com', true, 'Listener.Hostname: "*.example.com" matches test.example.com'],
    ['*.example.com', 'foo.test.example.com', true, 'Listener.Hostname: … and foo.test.example.com'],
    ['*.example.com', 'example.com', false, 'Listener.Hostname: … but not example.com'],
    ['*.foo.com', 'multiple.prefixes.foo.com', true, 'httproute-listener-hostname-matching.go: multiple.prefixes.foo.com → listener-4 (*.foo.com)'],
    ['*.bar.com', 'foo.com', false, 'httproute-listener-hostname-matching.go: foo.com → 404'],
    ['bar.com', 'bar.com', true, 'httproute-listener-hostname-matching.go: bar.com → listener-1'],
    ['bar.com', 'foo.bar.com', false, 'a precise hostname matches itself only'],
    ['*.wildcard.io', 'wildcard.io', false, 'httproute-hostname-intersection.go: wildcard.io → 404'],
  ])('%s vs %s → %s (%s)', (pattern, host, expected) => {
    expect(hostnameMatches(pattern, host)).toBe(expected)
  })
})

describe('intersectHostnames(listener, route)', () => {
  it.each<[string | null, string[], string[] | null, string]>([
    // [listener, route hostnames, intersection (null: any), source]
    [null, [], null, 'HTTPRouteSpec.Hostnames: neither specifies a hostname → every hostname'],
    [null, ['a.example.com'], ['a.example.com'], 'Listener.Hostname: "When unspecified, all hostnames are matched" → the route\'s'],
    ['test.example.com', [], ['test.example.com'], 'Hostnames: a listener with test.example.com matches routes that specify none'],
    ['test.example.com', ['test.example.com'], ['test.example.com'], 'Hostnames: … or test.example.com'],
    ['test.example.com', ['*.example.com'], ['test.example.com'], 'Hostnames: … or *.example.com'],
    ['*.example.com', ['*.example.com'], ['*.example.com'], 'Hostnames: *.example.com listener matches *.example.com'],
    ['*.example.com', ['test.example.com'], ['test.example.com'], 'Hostnames: … test.example.com'],
    ['*.example.com', ['foo.test.example.com'], ['foo.test.example.com'], 'Hostnames: … and foo.test.example.com'],
    ['*.example.com', ['example.com'], [], 'Hostnames: example.com would not match'],
    ['*.example.com', ['test.example.net'], [], 'Hostnames: test.example.net would not match'],
    ['*.example.com', ['test.example.com', 'test.example.net'], ['test.example.com'], 'Hostnames: test.example.net must not be considered for a match'],
    ['very.specific.com', ['non.matching.com', '*.nonmatchingwildcard.io', 'very.specific.com'], ['very.specific.com'], 'httproute-hostname-intersection.yaml: specific-host-matches-listener-specific-host'],
    ['*.wildcard.io', ['non.matching.com', 'wildcard.io', 'foo.wildcard.io', 'bar.wildcard.io', 'foo.bar.wildcard.io'], ['foo.wildcard.io', 'bar.wildcard.io', 'foo.bar.wildcard.io'], 'httproute-hostname-intersection.yaml: specific-host-matches-listener-wildcard-host'],
    ['very.specific.com', ['non.matching.com', '*.specific.com'], ['very.specific.com'], 'httproute-hostname-intersection.yaml: wildcard-host-matches-listener-specific-host'],
    ['*.anotherwildcard.io', ['*.anotherwildcard.io'], ['*.anotherwildcard.io'], 'httproute-hostname-intersection.yaml: wildcard-host-matches-listener-wildcard-host'],
    ['*.wildcard.io', ['specific.but.wrong.com', 'wildcard.io'], [], 'httproute-hostname-intersection.yaml: no-intersecting-hosts'],
    ['*.example.com', ['*.a.example.com'], ['*.a.example.com'], 'two wildcards: the narrower one is what both match'],
    ['*.a.example.com', ['*.example.com'], ['*.a.example.com'], 'two wildcards, the other way round'],
    ['*.a.example.com', ['*.b.example.com'], [], 'two disjoint wildcards'],
  ])('%s ∩ %j → %j (%s)', (listener, route, expected) => {
    expect(intersectHostnames(listener, route)).toEqual(expected)
  })

  const label = fc.constantFrom('a', 'b', 'example', 'com')
  const precise = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'))
  const name = fc.oneof(precise, precise.map((p) => `*.${p}`))

  it('is symmetric in what it admits: a precise host lies in the intersection exactly when both sides match it', () => {
    fc.assert(fc.property(name, name, precise, (listener, route, host) => {
      const both = intersectHostnames(listener, [route]) ?? []
      const inIntersection = both.some((n) => hostnameMatches(n, host))
      expect(inIntersection).toBe(hostnameMatches(listener, host) && hostnameMatches(route, host))
    }))
  })
})
