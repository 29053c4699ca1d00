/**
 * server-alias and from-to-www-redirect with TLS (docs/routing.md#server-alias-and-from-to-www-redirect): which names
 * ingress-nginx's Lua has a certificate for, and the www-redirect-certificate lint. Fixtures: tls/fixtures
 * (valid.crt names shop.example.com and www.shop.example.com; expired.crt names old.example.com only).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { analyzeText } from '../testing/analyze-text'
import { hostRule, ingressYaml, joinDocuments, nginx, secretYaml } from '../testing/manifests'
import { modelOf } from '../testing/models'
import { applyFix, codesOf } from '../testing/quick-fixes'
import { compileRoutes } from './compile-routes'
import { certificateNamesCover, wwwCounterpart } from './host-aliases'
import { routeRequest } from './route-request'

const fixture = (name: string): string => readFileSync(new URL(`../tls/fixtures/${name}`, import.meta.url), 'utf8')

function shop(annotations: Record<string, string>, crt = 'valid', host = 'shop.example.com', secret = true): string {
  const ingress = ingressYaml('shop', { annotations: nginx(annotations), tls: [{ hosts: [host], secretName: 'shop-tls' }], rules: [hostRule(host, '/', 'shop:80')] })
  if (!secret) return ingress
  return joinDocuments(ingress, secretYaml('shop-tls', { type: 'kubernetes.io/tls', stringData: { 'tls.crt': fixture(`${crt}.crt`), 'tls.key': fixture(`${crt}.key`) } }))
}

describe('helpers, as ingress-nginx writes them', () => {
  test.each([
    ['foo.com', 'www.foo.com', 'BuildRedirects: www. added'],
    ['www.foo.com', 'foo.com', 'BuildRedirects: www. removed'],
    ['wwwfoo.com', 'www.wwwfoo.com', 'BuildRedirects: only the "www." prefix counts'],
  ])('wwwCounterpart(%s) = %s (%s)', (host, counterpart) => {
    expect(wwwCounterpart(host)).toBe(counterpart)
  })

  test.each([
    [['foo.com', 'www.foo.com'], 'www.foo.com', true, 'ssl.IsValidHostname: equal'],
    [['*.foo.com'], 'www.foo.com', true, 'ssl.IsValidHostname: the first label replaced by *'],
    [['*.foo.com'], 'a.b.foo.com', false, 'ssl.IsValidHostname: only the first label'],
    [['FOO.com'], 'foo.COM', true, 'ssl.IsValidHostname: strings.EqualFold'],
    [['foo.com'], 'www.foo.com', false, 'ssl.IsValidHostname: no match'],
  ])('certificateNamesCover(%j, %s) = %s (%s)', (names, name, covered) => {
    expect(certificateNamesCover(names, name)).toBe(covered)
  })
})

describe('certificates of aliases and redirect names (nginx.go configureCertificates, certificate.lua)', () => {
  test('an alias the certificate names gets the https redirect; one it does not name is served over http', () => {
    const compiled = compileRoutes(modelOf(shop({ 'server-alias': 'www.shop.example.com, api.shop.example.com' })))
    const server = compiled.servers.find((candidate) => candidate.hostname === 'shop.example.com')
    expect(server?.aliases?.map((alias) => [alias.name, alias.certificate])).toEqual([['api.shop.example.com', false], ['www.shop.example.com', true]])
    expect(routeRequest(compiled, { url: 'http://www.shop.example.com/x' })).toMatchObject({ status: 308, location: 'https://www.shop.example.com/x' })
    expect(routeRequest(compiled, { url: 'http://api.shop.example.com/x' })).toMatchObject({ status: 200, service: 'shop' })
    expect(routeRequest(compiled, { url: 'http://shop.example.com/x' })).toMatchObject({ status: 308 })
  })

  test('the trace says why a request by an uncovered alias is not redirected to https', () => {
    const compiled = compileRoutes(modelOf(shop({ 'server-alias': 'api.shop.example.com' })))
    const ids = routeRequest(compiled, { url: 'http://api.shop.example.com/x' }).trace.map((step) => step.id)
    expect(ids).toContain('trace-server-alias')
    expect(ids).toContain('trace-alias-no-certificate')
  })

  test('without Secrets in the input the studio assumes the certificate names every name', () => {
    const compiled = compileRoutes(modelOf(shop({ 'server-alias': 'api.shop.example.com' }, 'valid', 'shop.example.com', false)))
    expect(routeRequest(compiled, { url: 'http://api.shop.example.com/x' }).status).toBe(308)
  })

  test('the redirect server keeps the certificate only when it names the other name (BuildRedirects r.SSLCert)', () => {
    const covered = compileRoutes(modelOf(shop({ 'from-to-www-redirect': 'true' })))
    expect(covered.redirectServers).toEqual([expect.objectContaining({ from: 'www.shop.example.com', certificate: true })])
    const expired = compileRoutes(modelOf(shop({ 'from-to-www-redirect': 'true' }, 'expired', 'old.example.com')))
    expect(expired.redirectServers).toEqual([expect.objectContaining({ from: 'www.old.example.com', certificate: false })])
  })
})

describe('lint www-redirect-certificate', () => {
  test('fires when the certificate does not name the www counterpart (annotations.md: the certificate must contain both names)', () => {
    const found = analyzeText(shop({ 'from-to-www-redirect': 'true' }, 'expired', 'old.example.com')).of('www-redirect-certificate')
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', text: '"true"', message: expect.stringContaining('www.old.example.com (old.example.com)') })])
  })

  test('is silent when the certificate names both, when the annotation is off, and when the counterpart is a host of its own', () => {
    expect(analyzeText(shop({ 'from-to-www-redirect': 'true' })).of('www-redirect-certificate')).toEqual([])
    expect(analyzeText(shop({ 'from-to-www-redirect': 'false' }, 'expired', 'old.example.com')).of('www-redirect-certificate')).toEqual([])
    const other = ingressYaml('other', { rules: [hostRule('www.old.example.com', '/', 'other:80')] })
    expect(analyzeText(joinDocuments(shop({ 'from-to-www-redirect': 'true' }, 'expired', 'old.example.com'), other)).of('www-redirect-certificate')).toEqual([])
  })
})

describe('route findings', () => {
  test.each([
    [{ 'server-alias': 'www.*.x.test' }, 'server-name-invalid', 'error', 'ngx_hash_add_key: "invalid server name or wildcard"'],
    [{ 'server-alias': 'shop.example.com' }, 'server-alias-ignored', 'info', 'createServers: alias == host is left out'],
    [{ 'server-alias': '~^(a' }, 'server-name-invalid', 'error', 'PCRE cannot compile it: nginx -t fails'],
    [{ 'server-alias': '~^(a)(?(1)b|c)' }, 'regex-unsupported', 'warning', 'a regex the studio cannot run (a conditional group)'],
  ])('%j → %s (%s, %s)', (annotations, code, severity) => {
    const compiled = compileRoutes(modelOf(shop(annotations, 'valid', 'shop.example.com', false)))
    expect(compiled.issues.filter((issue) => issue.code === code).map((issue) => issue.severity)).toEqual([severity])
  })
})

describe('quick fixes', () => {
  const other = ingressYaml('other', { rules: [hostRule('b.test', '/', 'b:80')] })
  const withAliases = (aliases: string): string =>
    joinDocuments(ingressYaml('a', { annotations: nginx({ 'server-alias': aliases }), rules: [hostRule('a.test', '/', 'a:80')] }), other)

  test('server-alias-ignored: the alias that is another host is removed; the annotation goes with its last name', () => {
    const fixed = applyFix(withAliases('b.test, c.test'), 'server-alias-ignored')
    expect(fixed).toContain('nginx.ingress.kubernetes.io/server-alias: c.test')
    expect(codesOf(fixed)).not.toContain('server-alias-ignored')
    const only = applyFix(withAliases('b.test'), 'server-alias-ignored')
    expect(only).not.toContain('server-alias')
  })

  test('www-redirect-skipped: the annotation that makes no redirect is removed', () => {
    const text = joinDocuments(ingressYaml('a', { annotations: nginx({ 'from-to-www-redirect': 'true' }), rules: [hostRule('www.b.test', '/', 'a:80')] }), other)
    expect(codesOf(text)).toContain('www-redirect-skipped')
    const fixed = applyFix(text, 'www-redirect-skipped')
    expect(fixed).not.toContain('from-to-www-redirect')
    expect(codesOf(fixed)).not.toContain('www-redirect-skipped')
  })
})
