/**
 * The annotation mapping through the whole conversion (`convertToGatewayApi`): the converted YAML carries the
 * filters and rules the mapping makes, and the requests that tell them apart answer the same through ingress-nginx
 * (the Ingresses) and through the converted Gateway API objects, or differ as the findings say.
 */
import { describe, expect, it } from 'vitest'
import { SEED_FILE_NAME, SEED_MANIFEST } from '../../../presets/seed'
import { compileGateways } from '../../gateway/compile-gateways'
import { gatewayRequestOf } from '../../gateway/gateway-request'
import { routeGatewayRequest } from '../../gateway/route-gateway-request'
import { formatMessage } from '../../messages/render'
import { compileRoutes } from '../../route/compile-routes'
import { routeRequest } from '../../route/route-request'
import type { RouteRequest } from '../../route/types'
import { answerOf } from '../../testing/annotation-mapping'
import { ingressYaml, joinDocuments, nginx, serviceYaml } from '../../testing/manifests'
import { modelOf } from '../../testing/models'
import { convertToGatewayApi } from './convert-to-gateway'
import type { GatewayConversion } from './types'

function convert(text: string, name = 'in.yaml'): GatewayConversion {
  const conversion = convertToGatewayApi([{ name, text }])
  if ('problem' in conversion) throw new Error(`conversion refused: ${conversion.problem.id}`)
  return conversion
}

/** Each request's answer through ingress-nginx and through the conversion, as `[url, nginx, gateway]`. */
function answers(text: string, conversion: GatewayConversion, requests: readonly RouteRequest[]): [string, string, string][] {
  const routes = compileRoutes(modelOf(text))
  const gateways = compileGateways(modelOf(joinDocuments(text, conversion.text)))
  return requests.map((request) => [
    request.url,
    answerOf(routeRequest(routes, request, { trace: false }), request.url),
    answerOf(routeGatewayRequest(gateways, conversion.gateway, gatewayRequestOf(request), { trace: false }), request.url),
  ])
}

/** The converted HTTPRoute documents' text that mention `name`. */
function routeText(conversion: GatewayConversion, name: string): string {
  return conversion.text.split(/^---$/m).filter((doc) => doc.includes('kind: HTTPRoute') && doc.includes(name)).join('---')
}

describe('the seed through convertToGatewayApi', () => {
  const conversion = convert(SEED_MANIFEST, SEED_FILE_NAME)

  it('rewrite-target / becomes URLRewrite ReplaceFullPath /, not ReplacePrefixMatch', () => {
    const text = routeText(conversion, 'foo.bar.com')
    expect(text).toMatch(/type: ReplaceFullPath\n\s+replaceFullPath: \//)
    expect(text).not.toContain('ReplacePrefixMatch')
    expect(conversion.findings.filter((f) => f.ingress.name === 'test').map((f) => `${f.code} ${f.text.id}`)).toEqual(expect.arrayContaining([
      'annotation-converted ma-rewrite-full-path', 'regex-host ma-regex-host',
    ]))
  })

  it('sends /foos1/abc upstream as / through both routers; other letter cases and longer names differ as the finding says', () => {
    const rows = answers(SEED_MANIFEST, conversion, [
      { url: 'http://foo.bar.com/foos1' }, { url: 'http://foo.bar.com/foos1/abc/def?q=1' }, { url: 'http://foo.bar.com/bars2/x' },
      { url: 'http://bar.foo.com/anything' }, { url: 'http://foo.bar.com/FOOS1/abc' }, { url: 'http://foo.bar.com/foos1bar' },
    ])
    expect(rows).toEqual([
      ['http://foo.bar.com/foos1', '200 s1 /', '200 s1 /'],
      ['http://foo.bar.com/foos1/abc/def?q=1', '200 s1 /', '200 s1 /'],
      ['http://foo.bar.com/bars2/x', '200 s2 /', '200 s2 /'],
      ['http://bar.foo.com/anything', '200 s2 /anything', '200 s2 /anything'],
      ['http://foo.bar.com/FOOS1/abc', '200 s1 /', '404'],
      ['http://foo.bar.com/foos1bar', '200 s1 /', '404'],
    ])
  })
})

describe('annotations through convertToGatewayApi', () => {
  it('canary header, cookie and weight rules keep ingress-nginx\'s decision', () => {
    const text = joinDocuments(serviceYaml('app'), serviceYaml('canary'),
      ingressYaml('app', { rules: [{ host: 'h.test', paths: [{ path: '/', backend: 'app:80' }] }] }),
      ingressYaml('app-canary', { annotations: nginx({ canary: 'true', 'canary-by-header': 'X-Canary', 'canary-by-cookie': 'beta', 'canary-weight': '100' }),
        rules: [{ host: 'h.test', paths: [{ path: '/', backend: 'canary:80' }] }] }))
    const rows = answers(text, convert(text), [
      { url: 'http://h.test/x' },
      { url: 'http://h.test/x', headers: { 'X-Canary': 'never' } },
      { url: 'http://h.test/x', headers: { 'X-Canary': 'always' }, cookies: { beta: 'never' } },
      { url: 'http://h.test/x', cookies: { beta: 'never' } },
      { url: 'http://h.test/x', headers: { 'X-Canary': 'maybe' }, cookies: { beta: 'never' } },
    ])
    for (const [url, a, b] of rows) expect(b, url).toBe(a)
    expect(rows.map((row) => row[1])).toEqual(['200 canary /x', '200 app /x', '200 canary /x', '200 app /x', '200 app /x'])
  })

  it('permanent-redirect, app-root and use-regex answer as ingress-nginx did, but for the query the finding names', () => {
    const text = joinDocuments(serviceYaml('app'), serviceYaml('old'), serviceYaml('api'),
      ingressYaml('app', { annotations: nginx({ 'app-root': '/home' }), rules: [{ host: 'h.test', paths: [{ path: '/', backend: 'app:80' }] }] }),
      ingressYaml('old', { annotations: nginx({ 'permanent-redirect': 'https://new.test/moved' }), rules: [{ host: 'old.test', paths: [{ path: '/', backend: 'old:80' }] }] }),
      ingressYaml('api', { annotations: nginx({ 'use-regex': 'true' }), rules: [{ host: 'api.test', paths: [{ path: '/v[0-9]+/users', type: 'ImplementationSpecific', backend: 'api:80' }] }] }))
    const conversion = convert(text)
    const rows = answers(text, conversion, [
      { url: 'http://h.test/' }, { url: 'http://h.test/home' }, { url: 'http://old.test/a/b' }, { url: 'http://api.test/V2/Users/7' }, { url: 'http://api.test/v/users' },
    ])
    for (const [url, a, b] of rows) expect(b, url).toBe(a)
    expect(answers(text, conversion, [{ url: 'http://old.test/a?q=1' }])[0]?.slice(1)).toEqual(['301 https://new.test/moved', '301 https://new.test/moved?q=1'])
    expect(conversion.findings.map((f) => `${f.ingress.name} ${f.code} ${f.text.id}`)).toEqual(expect.arrayContaining([
      'app annotation-partly-converted ma-app-root', 'old annotation-partly-converted ma-redirect-query', 'api annotation-implementation-specific ma-regex-path',
    ]))
  })

  it('every finding renders in English and Korean, parameters filled', () => {
    const text = joinDocuments(serviceYaml('app'), serviceYaml('b'),
      ingressYaml('app', { annotations: nginx({ 'use-regex': 'true', 'rewrite-target': '/x/$1', 'auth-url': 'https://a.test/', 'limit-rps': '5', 'server-alias': '~^r[0-9]\\.test$' }),
        rules: [{ host: 'h.test', paths: [{ path: '/p/(.*)', type: 'ImplementationSpecific', backend: 'app:80' }] }] }),
      ingressYaml('b', { rules: [{ host: 'h.test', paths: [{ path: '/', backend: 'b:80' }] }] }))
    const findings = convert(text).findings.filter((f) => f.text.id.startsWith('ma-'))
    expect(findings.map((f) => f.text.id).sort()).toEqual(['ma-alias-not-hostname', 'ma-auth', 'ma-rate-limit', 'ma-regex-host', 'ma-regex-path', 'ma-rewrite-prefix', 'ma-rewrite-prefix-bare'])
    for (const finding of findings) {
      for (const language of ['en', 'ko'] as const) expect(formatMessage(finding.text, language), `${finding.text.id} ${language}`).not.toMatch(/\{\{|undefined|\[object/)
    }
  })
})
