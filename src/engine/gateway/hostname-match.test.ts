import { describe, expect, it } from 'vitest'
import { hostnameMatches, hostWithoutPort, isIpAddress, listenerHostnameRank, portOf, wildcardKeysOf } from './hostname-match'

describe('hostnameMatches (Gateway API wildcards: one or more labels)', () => {
  // [pattern, host, matches, source]
  const rows: [string, string, boolean, string][] = [
    ['*.example.com', 'test.example.com', true, 'shared_types.go HTTPRouteSpec.hostnames: "*.example.com would match both test.example.com"'],
    ['*.example.com', 'foo.test.example.com', true, 'shared_types.go HTTPRouteSpec.hostnames: "and foo.test.example.com"'],
    ['*.example.com', 'example.com', false, 'shared_types.go HTTPRouteSpec.hostnames: "but not example.com"'],
    ['*.example.com', 'test.example.net', false, 'shared_types.go HTTPRouteSpec.hostnames example'],
    ['*.wildcard.io', 'foo.bar.wildcard.io', true, 'conformance HTTPRouteHostnameIntersection (listener-2)'],
    ['*.wildcard.io', 'wildcard.io', false, 'conformance HTTPRouteHostnameIntersection'],
    ['very.specific.com', 'very.specific.com', true, 'conformance HTTPRouteHostnameIntersection (listener-1)'],
    ['very.specific.com', 'foo.specific.com', false, 'conformance HTTPRouteHostnameIntersection'],
    ['*.example.com', 'xexample.com', false, 'a suffix match is by label'],
  ]
  it.each(rows)('%s against %s → %s (%s)', (pattern, host, expected) => {
    expect(hostnameMatches(pattern, host)).toBe(expected)
  })
})

describe('the Host as matched', () => {
  it('drops the port (shared_types.go HTTPRouteSpec.hostnames: "MUST ignore any port value"; conformance HTTPRouteHostnameIntersection very.specific.com:1234)', () => {
    expect(hostWithoutPort('Very.Specific.com:1234')).toBe('very.specific.com')
    expect(hostWithoutPort('[::1]:8080')).toBe('[::1]')
    expect(portOf('example.com:8080')).toBe(8080)
    expect(portOf('[::1]:8443')).toBe(8443)
    expect(portOf('example.com')).toBeNull()
    expect(portOf('example.com:99999')).toBe('bad')
  })

  it('knows an IP address (a request to the Gateway address)', () => {
    expect(isIpAddress('10.0.0.1')).toBe(true)
    expect(isIpAddress('[2001:db8::1]')).toBe(true)
    expect(isIpAddress('10.0.0.example.com')).toBe(false)
    expect(isIpAddress('300.1.1.1')).toBe(false)
  })
})

describe('listener hostname ranks (gateway_types.go GatewaySpec.listeners: exact, then wildcards by labels, then none)', () => {
  it('orders foo.example.com > *.foo.example.com > *.example.com > no hostname', () => {
    const ranks = ['foo.example.com', '*.foo.example.com', '*.example.com', null].map(listenerHostnameRank)
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks)
  })

  it('lists the wildcard keys of a host, most specific first', () => {
    expect(wildcardKeysOf('a.b.example.com')).toEqual(['b.example.com', 'example.com', 'com'])
    expect(wildcardKeysOf('localhost')).toEqual([])
  })
})
