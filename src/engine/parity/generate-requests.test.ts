/**
 * The request generator (docs/migration.md#parity): each class of request it must make, deduplication, order
 * and the bound.
 */
import { describe, expect, it } from 'vitest'
import { formatMessage } from '../messages/render'
import { backendYaml, ingressYaml, joinDocuments, nginx } from '../testing/manifests'
import { generateParityRequests, UNKNOWN_HOST } from './generate-requests'
import { regexExample } from './regex-example'
import { gatewayYaml, httpRouteYaml, ruleYaml, sidesOf } from './testing/parity-fixtures'
import type { GeneratedRequest } from './types'

function generate(ingresses: readonly string[], routes: readonly string[] = [], gateway = gatewayYaml()): GeneratedRequest[] {
  const sides = sidesOf(joinDocuments(backendYaml('web'), backendYaml('canary'), ...ingresses), joinDocuments(gateway, ...routes))
  return generateParityRequests(sides.routes, sides.gateways, sides.gateway)
}

const urls = (requests: readonly GeneratedRequest[]): string[] => requests.map((r) => r.url)

describe('generateParityRequests', () => {
  const plain = ingressYaml('a', { rules: [{ host: 'a.test', paths: [{ path: '/foo', backend: 'web:80' }] }] })

  it("probes each path's boundaries on every host, and the catch-all", () => {
    expect(urls(generate([plain]))).toEqual([
      'http://a.test/', 'http://a.test/parity-deeper', 'http://a.test/?parity=1',
      'http://a.test/foo', 'http://a.test/foo/', 'http://a.test/fooparity', 'http://a.test/foo/parity-deeper', 'http://a.test/FOO', 'http://a.test/foo?parity=1',
      `http://${UNKNOWN_HOST}/`, `http://${UNKNOWN_HOST}/parity-deeper`, `http://${UNKNOWN_HOST}/?parity=1`,
    ])
  })

  it('says why each request was made', () => {
    const why = Object.fromEntries(generate([plain]).map((r) => [r.url, formatMessage(r.why)]))
    expect(why['http://a.test/fooparity']).toContain('sibling')
    expect(why['http://a.test/FOO']).toContain('upper case')
    expect(why[`http://${UNKNOWN_HOST}/`]).toContain('no manifest names')
  })

  it('adds https for a host with TLS on either side, only for it', () => {
    const tls = ingressYaml('t', { tls: [['t.test']], rules: [{ host: 't.test', paths: [{ path: '/', backend: 'web:80' }] }] })
    const onIngress = urls(generate([plain, tls], [], gatewayYaml({ https: false })))
    expect(onIngress).toContain('https://t.test/')
    expect(onIngress.some((u) => u.startsWith('https://a.test'))).toBe(false)
    const listener = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: nginx
  listeners:
  - {name: http, port: 80, protocol: HTTP}
  - {name: https, port: 443, protocol: HTTPS, hostname: a.test, tls: {certificateRefs: [{name: tls}]}}
`
    const onGateway = urls(generate([plain], [], listener))
    expect(onGateway).toContain('https://a.test/foo')
    expect(onGateway.some((u) => u.startsWith(`https://${UNKNOWN_HOST}`))).toBe(false)
  })

  it('names a wildcard one label deep, two labels deep, and its bare parent', () => {
    const wild = ingressYaml('w', { rules: [{ host: '*.w.test', paths: [{ path: '/', backend: 'web:80' }] }] })
    const hosts = new Set(generate([wild]).map((r) => new URL(r.url).host))
    expect(hosts).toEqual(new Set(['parity-one.w.test', 'parity-a.parity-b.w.test', 'w.test', UNKNOWN_HOST]))
  })

  it('asks each canary header (always, never, its value, another) and cookie', () => {
    const canary = ingressYaml('c', { annotations: nginx({ canary: 'true', 'canary-by-header': 'X-Canary', 'canary-by-header-value': 'yes', 'canary-by-cookie': 'beta' }), rules: [{ host: 'a.test', paths: [{ path: '/foo', backend: 'canary:80' }] }] })
    const probes = generate([plain, canary]).filter((r) => Object.keys(r.headers).length + Object.keys(r.cookies).length > 0)
    expect(probes.map((r) => [r.url, r.headers, r.cookies])).toEqual([
      ['http://a.test/foo', { 'X-Canary': 'always' }, {}],
      ['http://a.test/foo', { 'X-Canary': 'never' }, {}],
      ['http://a.test/foo', { 'X-Canary': 'yes' }, {}],
      ['http://a.test/foo', { 'X-Canary': 'parity-other' }, {}],
      ['http://a.test/foo', {}, { beta: 'always' }],
      ['http://a.test/foo', {}, { beta: 'never' }],
    ])
  })

  it("asks each header match of a route, and each regex's edges", () => {
    const route = httpRouteYaml('r', ['a.test'], ruleYaml('PathPrefix', '/foo', ['web:80']).replace("value: '/foo'}}", "value: '/foo'}, headers: [{name: x-version, value: v2}]}") + ruleYaml('RegularExpression', '/api/v[0-9]+/.*', ['web:80']))
    const requests = generate([plain], [route])
    expect(requests.filter((r) => r.url.startsWith('http:') && r.headers['x-version'] !== undefined).map((r) => r.headers['x-version'])).toEqual(['always', 'never', 'v2', 'parity-other'])
    expect(urls(requests)).toEqual(expect.arrayContaining(['http://a.test/api/v0/', 'http://a.test/api/v0/x', 'http://a.test/parity-deeper/api/v0/', 'http://a.test/API/V0/']))
  })

  it('deduplicates and keeps a deterministic order', () => {
    const twice = [plain, ingressYaml('b', { rules: [{ host: 'a.test', paths: [{ path: '/foo', type: 'Exact', backend: 'web:80' }] }] })]
    const first = generate(twice)
    expect(new Set(first.map((r) => `${r.url} ${JSON.stringify(r.headers)} ${JSON.stringify(r.cookies)}`)).size).toBe(first.length)
    expect(urls(generate([...twice].reverse()))).toEqual(urls(first))
  })
})

describe('regexExample', () => {
  it.each([
    ['/api/[0-9]+', '/api/0'],
    ['/foo(/|$)(.*)', '/foo/'],
    ['^/v\\d{2}/items?$', '/v00/item'],
    ['/(?<name>[a-z]+)-x', '/a-x'],
    ['/a|/b', '/a'],
    ['/[^/]+/end', '/a/end'],
  ])('%s → %s', (regex, example) => {
    expect(regexExample(regex)).toBe(example)
  })
})
