/**
 * The comparison of two answers (docs/migration.md#parity): what counts as the same answer, field by field.
 */
import { describe, expect, it } from 'vitest'
import { backendYaml, ingressYaml, joinDocuments, nginx, serviceYaml } from '../testing/manifests'
import { differingFields, normaliseLocation, requestFacts, type ParityAnswer } from './compare-answers'
import { gatewayYaml, httpRouteYaml, parityOf, ruleYaml } from './testing/parity-fixtures'

const proxied = (over: Partial<ParityAnswer> = {}): ParityAnswer => ({ status: 200, service: 'default/web', port: 80, rewrittenPath: '/a', host: 'a.test', location: null, ...over })
const answer = (status: number, over: Partial<ParityAnswer> = {}): ParityAnswer => ({ status, service: null, port: null, rewrittenPath: null, host: null, location: null, ...over })

describe('differingFields', () => {
  it.each([
    ['a controller 404 and a Gateway 404', answer(404), answer(404), []],
    ['404 against 503 of a backend', answer(404), answer(503, { service: 'default/web', port: 80 }), ['status', 'service', 'port']],
    ['two 503s naming different backends', answer(503, { service: 'default/web', port: 80 }), answer(503, { service: 'default/api', port: 80 }), ['service']],
    ['two 500s (one names its backend)', answer(500), answer(500, { service: 'default/web', port: 80 }), []],
    ['the same proxied answer', proxied(), proxied(), []],
    ['another port', proxied(), proxied({ port: 8080 }), ['port']],
    ['a port name left unresolved against a number', proxied({ port: 'http' }), proxied(), ['port']],
    ['another upstream path', proxied(), proxied({ rewrittenPath: '/b' }), ['rewrittenPath']],
    ['another upstream Host', proxied(), proxied({ host: 'b.test' }), ['host']],
    ['301 against 308 to one Location', answer(301, { location: 'https://a.test/x' }), answer(308, { location: 'https://a.test/x' }), ['status']],
    ['one status, another Location', answer(308, { location: 'https://a.test/x' }), answer(308, { location: 'https://a.test/x/' }), ['location']],
  ])('%s', (_, a, b, fields) => {
    expect(differingFields(a, b)).toEqual(fields)
  })
})

describe('normaliseLocation', () => {
  it.each([
    ['https://a.test', 'https://a.test/'],
    ['https://a.test?x=1', 'https://a.test/?x=1'],
    ['https://a.test/', 'https://a.test/'],
    ['https://a.test/docs', 'https://a.test/docs'],
    ['https://a.test/docs/', 'https://a.test/docs/'],
    ['/relative', '/relative'],
  ])('%s → %s', (written, compared) => {
    expect(normaliseLocation(written)).toBe(compared)
  })
})

describe('requestFacts', () => {
  it('reads the path as sent (no query, no fragment) and the Host header before the authority', () => {
    expect(requestFacts({ url: 'http://a.test/x%2Fy/../z?q=1#f', method: 'GET', headers: {}, cookies: {} })).toEqual({ scheme: 'http', path: '/x%2Fy/../z', host: 'a.test' })
    expect(requestFacts({ url: 'https://a.test:8443', method: 'GET', headers: { HOST: 'b.test' }, cookies: {} })).toEqual({ scheme: 'https', path: '/', host: 'b.test' })
  })
})

describe('both routers on one model', () => {
  const route = (rules: string): string => joinDocuments(gatewayYaml(), httpRouteYaml('a', ['a.test'], rules))

  it('resolves an Ingress port name through the Service (the route names the number)', () => {
    const ingress = ingressYaml('a', { rules: [{ host: 'a.test', paths: [{ path: '/', backend: 'web:http' }] }] })
    const web = serviceYaml('web', { ports: [{ name: 'http', port: 8080, targetPort: 8080 }, { name: 'admin', port: 9090, targetPort: 9090 }] })
    expect(parityOf(joinDocuments(web, ingress), route(ruleYaml('PathPrefix', '/', ['web:8080']))).equivalent).toBe(true)
    const other = parityOf(joinDocuments(web, ingress), route(ruleYaml('PathPrefix', '/', ['web:9090'])))
    expect(other.differences[0]?.fields).toEqual(['port'])
  })

  it('takes a path nothing rewrote as the request path on both sides, and compares rewrites as the upstream receives them', () => {
    const plain = ingressYaml('a', { rules: [{ host: 'a.test', paths: [{ path: '/app', backend: 'web:80' }] }] })
    expect(parityOf(joinDocuments(backendYaml('web'), plain), route(ruleYaml('PathPrefix', '/app', ['web:80']))).equivalent).toBe(true)
    // rewrite-target / on a Prefix path (the host becomes regex, so only the path's own probes are compared here).
    const rewritten = ingressYaml('a', { annotations: nginx({ 'rewrite-target': '/' }), rules: [{ host: 'a.test', paths: [{ path: '/app', type: 'Exact', backend: 'web:80' }] }] })
    const request = { url: 'http://a.test/app', method: 'GET', headers: {}, cookies: {} }
    const full = parityOf(joinDocuments(backendYaml('web'), rewritten), route(ruleYaml('Exact', '/app', ['web:80'], "    filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /}}}]\n")), [request])
    expect(full.differences.filter((d) => d.request.url === 'http://a.test/app')).toEqual([])
    const none = parityOf(joinDocuments(backendYaml('web'), rewritten), route(ruleYaml('Exact', '/app', ['web:80'])), [request])
    expect(none.differences.find((d) => d.request.url === 'http://a.test/app')).toMatchObject({ fields: ['rewrittenPath'], cause: 'rewrite-target' })
  })

  it('compares the Location of a redirect as the exact string', () => {
    const ingress = ingressYaml('a', { annotations: nginx({ 'permanent-redirect': 'https://b.test/new', 'permanent-redirect-code': '308' }), rules: [{ host: 'a.test', paths: [{ path: '/old', backend: 'web:80' }] }] })
    const redirect = (path: string): string => `    filters: [{type: RequestRedirect, requestRedirect: {scheme: https, hostname: b.test, path: {type: ReplaceFullPath, replaceFullPath: ${path}}, statusCode: 308}}]\n`
    const request = { url: 'http://a.test/old', method: 'GET', headers: {}, cookies: {} }
    const same = parityOf(joinDocuments(backendYaml('web'), ingress), route(ruleYaml('PathPrefix', '/old', [], redirect('/new'))), [request])
    expect(same.differences.filter((d) => d.request.url === request.url)).toEqual([])
    const other = parityOf(joinDocuments(backendYaml('web'), ingress), route(ruleYaml('PathPrefix', '/old', [], redirect('/elsewhere'))), [request])
    expect(other.differences.find((d) => d.request.url === request.url)).toMatchObject({ fields: ['location'], cause: 'redirect-location' })
  })
})
