/**
 * The annotation mapping (docs/migration.md#annotations): a table per annotation (values → rules, filters,
 * findings), a table of the annotations without an equivalent (→ the finding's code and message), and requests
 * routed through both routers — ingress-nginx over the Ingresses, the Gateway over the converted routes — that
 * answer the same, or differ exactly as the finding says.
 */
import { describe, expect, it } from 'vitest'
import type { Ingress, PathType } from '../../model/types'
import { readAnnotations } from '../../route/annotations'
import { DEFAULT_ENVIRONMENT, type RouteEnvironment } from '../../route/environment'
import { answerOf, bothRouters, convertWithMapping } from '../../testing/annotation-mapping'
import { configMapYaml, ingressYaml, joinDocuments, nginx, serviceYaml } from '../../testing/manifests'
import { ingressOf } from '../../testing/models'
import { ANNOTATION_CONVERSION_CODES } from './annotation-finding'
import type { DraftCanary, DraftPath, PathAnnotationOutput } from './draft'
import { canaryWeights, cookieHeaderRegex } from './map-canary'
import { mapPathAnnotations, unconvertedAnnotationFindings } from './map-annotations'
import { regexMatchValue, strippedPrefix } from './map-rewrite'
import type { ConversionFinding } from './types'

const VALIDATION_OFF: RouteEnvironment = { ...DEFAULT_ENVIRONMENT, annotationValidation: false }

function ingressWith(annotations: Readonly<Record<string, string>>, path: string, type: PathType, name = 'app'): Ingress {
  return ingressOf(ingressYaml(name, { annotations: nginx(annotations), rules: [{ host: 'h.test', paths: [{ path, type, backend: 'app:80' }] }] }))
}

function draftOf(ingress: Ingress): DraftPath {
  const path = ingress.rules[0]?.paths[0]
  if (!path) throw new Error('no path')
  const written = path.path === '' ? '/' : path.path
  return {
    ingress, host: 'h.test', pathType: path.pathType, ingressPath: path.path,
    rule: { matches: [{ path: { type: path.pathType === 'Exact' ? 'Exact' : 'PathPrefix', value: written } }], backendRefs: [{ name: 'app', port: 80 }] },
  }
}

function canaryOf(annotations: Readonly<Record<string, string>>): DraftCanary {
  const ingress = ingressWith({ canary: 'true', ...annotations }, '/foo', 'Prefix', 'app-canary')
  const policy = readAnnotations(ingress, DEFAULT_ENVIRONMENT, []).canary
  if (!policy) throw new Error('not a canary')
  return { ingress, policy, backend: { name: 'canary', port: 80 }, annotations: readAnnotations(ingress, DEFAULT_ENVIRONMENT, []) }
}

/** mapPathAnnotations for one path of Ingress `app` with `annotations`. */
function mapped(annotations: Readonly<Record<string, string>>, path = '/foo', type: PathType = 'ImplementationSpecific', options: { env?: RouteEnvironment; canaries?: DraftCanary[] } = {}): PathAnnotationOutput {
  const env = options.env ?? DEFAULT_ENVIRONMENT
  const ingress = ingressWith(annotations, path, type)
  return mapPathAnnotations({ path: draftOf(ingress), annotations: readAnnotations(ingress, env, []), environment: env, canaries: options.canaries ?? [] })
}

/** Findings as `code annotation message-id`, the way the tests compare them. */
function said(findings: readonly ConversionFinding[]): string[] {
  return findings.map((f) => `${f.code} ${f.annotation?.replace('nginx.ingress.kubernetes.io/', '') ?? '-'} ${f.text.id}`)
}

describe('rewrite-target and use-regex (docs/routing.md#rewrite-target, #use-regex)', () => {
  it('rewrite-target without captures replaces the whole path: ReplaceFullPath, never ReplacePrefixMatch', () => {
    const out = mapped({ 'rewrite-target': '/' }, '/foos1')
    expect(out.rules).toEqual([{
      matches: [{ path: { type: 'PathPrefix', value: '/foos1' } }],
      filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/' } } }],
      backendRefs: [{ name: 'app', port: 80 }],
    }])
    expect(said(out.findings)).toEqual(['annotation-converted rewrite-target ma-rewrite-full-path'])
  })

  it('a target equal to the path changes nothing (the location is not rewritten)', () => {
    const out = mapped({ 'rewrite-target': '/' }, '/')
    expect(out.rules[0]?.filters).toBeUndefined()
    expect(out.findings).toEqual([])
  })

  const table: [string, Record<string, string>, string, unknown, unknown, string[]][] = [
    ['the documented capture pattern', { 'use-regex': 'true', 'rewrite-target': '/$2' }, '/something(/|$)(.*)',
      { type: 'PathPrefix', value: '/something' }, [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }],
      ['annotation-partly-converted rewrite-target ma-rewrite-prefix']],
    ['the pattern without use-regex (the rewrite makes it a regex)', { 'rewrite-target': '/$2' }, '/v1\\.0(/|$)(.*)',
      { type: 'PathPrefix', value: '/v1.0' }, [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }],
      ['annotation-partly-converted rewrite-target ma-rewrite-prefix']],
    ['a literal prefix then (.+): ReplacePrefixMatch, the bare prefix reported', { 'use-regex': 'true', 'rewrite-target': '/new/backend/$1' }, '/foo/bar/(.+)',
      { type: 'PathPrefix', value: '/foo/bar' }, [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/new/backend' } } }],
      ['annotation-partly-converted rewrite-target ma-rewrite-prefix', 'annotation-partly-converted rewrite-target ma-rewrite-prefix-bare-and-slash']],
    ['other captures', { 'use-regex': 'true', 'rewrite-target': '/new/$2/$1' }, '/foo/([a-z]+)/(.+)',
      { type: 'RegularExpression', value: '(?i)/foo/([a-z]+)/(.+).*' }, undefined, ['annotation-not-converted rewrite-target ma-rewrite-captures']],
    ['captures of groups the regex does not have: empty, so a literal', { 'use-regex': 'true', 'rewrite-target': '/x/$2' }, '/v[0-9]+/(a|b)',
      { type: 'RegularExpression', value: '(?i)/v[0-9]+/(a|b).*' }, [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/x/' } } }],
      ['annotation-converted rewrite-target ma-rewrite-empty-captures']],
    ['variables', { 'rewrite-target': '/$host/x' }, '/p',
      { type: 'PathPrefix', value: '/p' }, undefined, ['annotation-not-converted rewrite-target ma-rewrite-variables']],
    ['a URL: nginx answers 302', { 'rewrite-target': 'https://x.test/new' }, '/p',
      { type: 'PathPrefix', value: '/p' }, [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', hostname: 'x.test', path: { type: 'ReplaceFullPath', replaceFullPath: '/new' }, statusCode: 302 } }],
      ['annotation-converted rewrite-target ma-rewrite-redirect']],
    ['use-regex alone', { 'use-regex': 'true' }, '/api/v[0-9]+',
      { type: 'RegularExpression', value: '(?i)/api/v[0-9]+.*' }, undefined, []],
    ['use-regex with a final $', { 'use-regex': 'true' }, '/exact$',
      { type: 'RegularExpression', value: '(?i)/exact$' }, undefined, []],
    ['use-regex with PCRE that RE2 refuses', { 'use-regex': 'true' }, '/a(?=b)',
      { type: 'RegularExpression', value: '(?i)/a(?=b).*' }, undefined, ['annotation-not-converted use-regex ma-regex-not-re2']],
    ['use-regex with a top-level alternative', { 'use-regex': 'true' }, '/a|/b',
      { type: 'RegularExpression', value: '(?i)(?:/a|/b).*' }, undefined, ['annotation-partly-converted use-regex ma-regex-alternation']],
    ['use-regex on /', { 'use-regex': 'true' }, '/', { type: 'PathPrefix', value: '/' }, undefined, []],
  ]
  it.each(table)('%s', (_name, annotations, path, match, filters, findings) => {
    const out = mapped(annotations, path)
    expect(out.rules).toHaveLength(1)
    expect(out.rules[0]?.matches[0]?.path).toEqual(match)
    expect(out.rules[0]?.filters).toEqual(filters)
    expect(said(out.findings)).toEqual(findings)
  })

  it('a target with arguments rewrites the path only (validation off lets `?` through)', () => {
    const out = mapped({ 'rewrite-target': '/x?n=1' }, '/p', 'Prefix', { env: VALIDATION_OFF })
    expect(out.rules[0]?.filters).toEqual([{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/x' } } }])
    expect(said(out.findings)).toEqual(['annotation-partly-converted rewrite-target ma-rewrite-arguments'])
  })

  it('recognises only the patterns it can prove equal, and says where they still differ', () => {
    expect(strippedPrefix('/something(/|$)(.*)', '/$2')).toEqual({ prefix: '/something', replacement: '/', differs: null })
    expect(strippedPrefix('/a/b(/|$)(.*)', '/$2')).toEqual({ prefix: '/a/b', replacement: '/', differs: null })
    expect(strippedPrefix('/something(/|$)(.*)', '/x/$2')).toEqual({ prefix: '/something', replacement: '/x', differs: 'slash' })
    expect(strippedPrefix('/foo/bar/(.+)', '/new/backend/$1')).toEqual({ prefix: '/foo/bar', replacement: '/new/backend', differs: 'bare-and-slash' })
    expect(strippedPrefix('/p/(.*)', '/$1')).toEqual({ prefix: '/p', replacement: '/', differs: 'bare' })
    expect(strippedPrefix('/v1\\.0/(.*)', '/$1')).toEqual({ prefix: '/v1.0', replacement: '/', differs: 'bare' })
    expect(strippedPrefix('/something(/|$)(.*)', '/$1')).toBeNull()
    expect(strippedPrefix('/p/(.*)', '/$2')).toBeNull()
    expect(strippedPrefix('/some.thing(/|$)(.*)', '/$2')).toBeNull()
    expect(strippedPrefix('/something/?(.*)', '/$1')).toBeNull()
    expect(strippedPrefix('/p/(.*)', '/x$1')).toBeNull()
    expect(regexMatchValue('/a.*')).toBe('(?i)/a.*')
  })
})

describe('permanent-redirect and temporal-redirect (docs/routing.md#permanent-redirect-and-temporal-redirect)', () => {
  const redirect = (requestRedirect: object): unknown => [{ type: 'RequestRedirect', requestRedirect }]
  const table: [string, Record<string, string>, RouteEnvironment, unknown, string[]][] = [
    ['an absolute URL without path', { 'permanent-redirect': 'https://www.google.com' }, DEFAULT_ENVIRONMENT,
      redirect({ scheme: 'https', hostname: 'www.google.com', path: { type: 'ReplaceFullPath', replaceFullPath: '/' }, statusCode: 301 }),
      ['annotation-partly-converted permanent-redirect ma-redirect-query', 'annotation-partly-converted permanent-redirect ma-redirect-no-path']],
    ['a path with a code', { 'permanent-redirect': '/new-location', 'permanent-redirect-code': '308' }, DEFAULT_ENVIRONMENT,
      redirect({ path: { type: 'ReplaceFullPath', replaceFullPath: '/new-location' }, statusCode: 308 }),
      ['annotation-partly-converted permanent-redirect ma-redirect-query']],
    ['a port', { 'temporal-redirect': 'http://x.test:8080/a' }, DEFAULT_ENVIRONMENT,
      redirect({ scheme: 'http', hostname: 'x.test', path: { type: 'ReplaceFullPath', replaceFullPath: '/a' }, port: 8080, statusCode: 302 }),
      ['annotation-partly-converted temporal-redirect ma-redirect-query']],
    ['temporal wins over permanent, with its code', { 'temporal-redirect': 'https://t.test/x', 'temporal-redirect-code': '307', 'permanent-redirect': 'https://p.test/' }, DEFAULT_ENVIRONMENT,
      redirect({ scheme: 'https', hostname: 't.test', path: { type: 'ReplaceFullPath', replaceFullPath: '/x' }, statusCode: 307 }),
      ['annotation-partly-converted temporal-redirect ma-redirect-query']],
    ['a query in the target', { 'temporal-redirect': 'https://x.test/a?b=1' }, DEFAULT_ENVIRONMENT,
      redirect({ scheme: 'https', hostname: 'x.test', path: { type: 'ReplaceFullPath', replaceFullPath: '/a' }, statusCode: 302 }),
      ['annotation-partly-converted temporal-redirect ma-redirect-target-query']],
    ['$request_uri (validation off)', { 'permanent-redirect': 'https://new.test$request_uri' }, VALIDATION_OFF,
      redirect({ scheme: 'https', hostname: 'new.test', statusCode: 301 }),
      ['annotation-converted permanent-redirect ma-redirect-request-uri']],
    ['another variable (validation off)', { 'permanent-redirect': 'https://$host/x' }, VALIDATION_OFF,
      undefined, ['annotation-not-converted permanent-redirect ma-redirect-variables']],
    ['a code without Location', { 'permanent-redirect': 'https://x.test/', 'permanent-redirect-code': '300' }, DEFAULT_ENVIRONMENT,
      undefined, ['annotation-not-converted permanent-redirect-code ma-redirect-code']],
    ['not a URL (permanent-redirect has no URL check)', { 'permanent-redirect': 'ftp://x.test/f' }, DEFAULT_ENVIRONMENT,
      undefined, ['annotation-not-converted permanent-redirect ma-redirect-not-url']],
    ['relative-redirects with a path', { 'permanent-redirect': '/new', 'relative-redirects': 'true' }, DEFAULT_ENVIRONMENT,
      redirect({ path: { type: 'ReplaceFullPath', replaceFullPath: '/new' }, statusCode: 301 }),
      ['annotation-partly-converted permanent-redirect ma-redirect-query', 'annotation-partly-converted permanent-redirect ma-redirect-relative']],
  ]
  it.each(table)('%s', (_name, annotations, env, filters, findings) => {
    const out = mapped(annotations, '/foo', 'Prefix', { env })
    expect(out.rules).toHaveLength(1)
    expect(out.rules[0]?.filters).toEqual(filters)
    expect(out.rules[0]?.backendRefs).toEqual(filters === undefined ? [{ name: 'app', port: 80 }] : [])
    expect(said(out.findings)).toEqual(findings)
  })

  it('a redirect answers before the rewrite: nothing is said about the rewrite', () => {
    const out = mapped({ 'permanent-redirect': '/x', 'rewrite-target': '/$1' }, '/p/(.*)', 'ImplementationSpecific')
    expect(said(out.findings)).toEqual(['annotation-partly-converted permanent-redirect ma-redirect-query'])
  })

  it('a redirect answers before the canary: one rule, no backends', () => {
    const out = mapped({ 'permanent-redirect': '/x' }, '/foo', 'Prefix', { canaries: [canaryOf({ 'canary-by-header': 'X-Canary', 'canary-weight': '50' })] })
    expect(out.rules).toHaveLength(1)
    expect(out.rules[0]?.backendRefs).toEqual([])
  })
})

describe('canary (docs/routing.md#canary)', () => {
  const primary = { name: 'app', port: 80 }
  const canary = { name: 'canary', port: 80 }
  const rulesOf = (annotations: Record<string, string>): PathAnnotationOutput => mapped({}, '/foo', 'Prefix', { canaries: [canaryOf(annotations)] })

  it.each([
    ['weight 30 of 100', { 'canary-weight': '30' }, [{ ...primary, weight: 70 }, { ...canary, weight: 30 }]],
    ['weight 10 of total 1000', { 'canary-weight': '10', 'canary-weight-total': '1000' }, [{ ...primary, weight: 990 }, { ...canary, weight: 10 }]],
    ['a total under 100 counts as 100', { 'canary-weight': '10', 'canary-weight-total': '50' }, [{ ...primary, weight: 90 }, { ...canary, weight: 10 }]],
    ['weight above the total: all to the canary', { 'canary-weight': '150' }, [{ ...primary, weight: 0 }, { ...canary, weight: 100 }]],
    ['weight 0: the primary alone', { 'canary-weight': '0' }, [primary]],
  ])('%s', (_name, annotations, backends) => {
    const out = rulesOf(annotations)
    expect(out.rules.map((rule) => rule.backendRefs)).toEqual([backends])
    expect(out.findings).toEqual([])
  })

  it('canary-by-header: always to the canary, never to the primary, before the weighted rule', () => {
    const out = rulesOf({ 'canary-by-header': 'X-Canary', 'canary-weight': '20' })
    expect(out.rules.map((rule) => [rule.matches[0]?.headers ?? [], rule.backendRefs])).toEqual([
      [[{ name: 'X-Canary', value: 'always' }], [canary]],
      [[{ name: 'X-Canary', value: 'never' }], [primary]],
      [[], [{ ...primary, weight: 80 }, { ...canary, weight: 20 }]],
    ])
  })

  it('canary-by-header-value: only that value, no always/never', () => {
    const out = rulesOf({ 'canary-by-header': 'X-Canary', 'canary-by-header-value': 'v2' })
    expect(out.rules.map((rule) => rule.matches[0]?.headers)).toEqual([[{ name: 'X-Canary', value: 'v2' }], undefined])
  })

  it('canary-by-header-pattern: a RegularExpression header match, reported as implementation-specific', () => {
    const out = rulesOf({ 'canary-by-header': 'X-Canary', 'canary-by-header-pattern': '^v[0-9]$' })
    expect(out.rules[0]?.matches[0]?.headers).toEqual([{ type: 'RegularExpression', name: 'X-Canary', value: '.*(?:^v[0-9]$).*' }])
    expect(said(out.findings)).toEqual(['annotation-implementation-specific canary-by-header-pattern ma-canary-pattern'])
  })

  it('canary-by-cookie: Cookie header rules after the header rules', () => {
    const out = rulesOf({ 'canary-by-header': 'X-Canary', 'canary-by-cookie': 'beta' })
    expect(out.rules.map((rule) => rule.matches[0]?.headers?.[0]?.name ?? null)).toEqual(['X-Canary', 'X-Canary', 'Cookie', 'Cookie', null])
    expect(said(out.findings)).toEqual(['annotation-partly-converted canary-by-cookie ma-canary-cookie'])
  })

  it('the cookie regex reads the Cookie header as nginx reads $cookie_name', () => {
    const regex = new RegExp(`^(?:${cookieHeaderRegex('beta', 'always').replace('(?i:beta)', '[bB][eE][tT][aA]')})$`)
    for (const yes of ['beta=always', 'a=1; beta=always', 'BETA = always; b=2', 'a=1,beta=always']) expect(regex.test(yes), yes).toBe(true)
    for (const no of ['beta=alwaysx', 'xbeta=always', 'beta=never', 'a=beta=always']) expect(regex.test(no), no).toBe(false)
  })

  it('weights follow the draw: 1..total, at most weight goes to the canary', () => {
    expect(canaryWeights(5, 100)).toEqual({ primary: 95, canary: 5, total: 100 })
    expect(canaryWeights(5, 20)).toEqual({ primary: 95, canary: 5, total: 100 })
  })
})

describe('header annotations', () => {
  it('upstream-vhost → URLRewrite hostname, beside the rewrite', () => {
    const out = mapped({ 'upstream-vhost': 'Internal.Svc', 'rewrite-target': '/' }, '/p')
    expect(out.rules[0]?.filters).toEqual([{ type: 'URLRewrite', urlRewrite: { hostname: 'internal.svc', path: { type: 'ReplaceFullPath', replaceFullPath: '/' } } }])
  })

  it.each([['$host', 'ma-vhost-variables'], ['a.test:8080', 'ma-vhost-not-hostname']])('upstream-vhost %s is not converted', (value, id) => {
    const out = mapped({ 'upstream-vhost': value }, '/p')
    expect(out.rules[0]?.filters).toBeUndefined()
    expect(said(out.findings)).toEqual([`annotation-not-converted upstream-vhost ${id}`])
  })

  it('x-forwarded-prefix → RequestHeaderModifier set, beside a rewrite only (nginx.tmpl writes it there)', () => {
    const out = mapped({ 'x-forwarded-prefix': '/api', 'rewrite-target': '/' }, '/p')
    expect(out.rules[0]?.filters).toEqual([
      { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/' } } },
      { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'X-Forwarded-Prefix', value: '/api' }] } },
    ])
    expect(mapped({ 'x-forwarded-prefix': '/api' }, '/p').rules[0]?.filters).toBeUndefined()
  })

  function customHeaders(controllerData: Record<string, string> | null): PathAnnotationOutput {
    const text = joinDocuments(
      ingressYaml('app', { annotations: nginx({ 'custom-headers': 'default/headers' }), rules: [{ host: 'h.test', paths: [{ path: '/p', backend: 'app:80' }] }] }),
      configMapYaml('headers', { 'X-Frame-Options': 'DENY', 'X-Team': 'a' }, 'default'),
      ...(controllerData ? [configMapYaml('ingress-nginx-controller', controllerData)] : []),
    )
    const conversion = convertWithMapping(text)
    return { rules: [...conversion.rules.values()].flat(), findings: conversion.findings }
  }

  it('custom-headers → ResponseHeaderModifier set, when the controller allows every header', () => {
    const out = customHeaders({ 'global-allowed-response-headers': 'X-Frame-Options, X-Team' })
    expect(out.rules[0]?.filters).toEqual([{ type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'X-Frame-Options', value: 'DENY' }, { name: 'X-Team', value: 'a' }] } }])
    expect(out.findings).toEqual([])
  })

  it('custom-headers with a header the controller does not allow: ingress-nginx denies the location', () => {
    const out = customHeaders(null)
    expect(out.rules[0]?.filters).toBeUndefined()
    expect(said(out.findings)).toEqual(['annotation-not-converted custom-headers ma-custom-headers-not-allowed'])
  })
})

describe('annotations without an equivalent', () => {
  const table: [string, string, string | null][] = [
    ['auth-url', 'https://auth.test/', 'ma-auth'],
    ['auth-type', 'basic', 'ma-auth'],
    ['auth-tls-verify-client', 'on', 'ma-auth-tls'],
    ['configuration-snippet', 'more_set_headers "A: b";', 'ma-snippet'],
    ['limit-rps', '10', 'ma-rate-limit'],
    ['affinity', 'cookie', 'ma-affinity'],
    ['session-cookie-name', 'route', 'ma-affinity'],
    ['whitelist-source-range', '10.0.0.0/8', 'ma-source-range'],
    ['denylist-source-range', '10.0.0.0/8', 'ma-source-range'],
    ['enable-cors', 'true', 'ma-cors'],
    ['enable-cors', 'false', null],
    ['cors-allow-origin', 'https://a.test', 'ma-cors'],
    ['proxy-read-timeout', '120', 'ma-timeout'],
    ['proxy-body-size', '8m', 'ma-body-size'],
    ['backend-protocol', 'HTTPS', 'ma-backend-protocol'],
    ['backend-protocol', 'HTTP', null],
    ['ssl-passthrough', 'true', 'ma-ssl-passthrough'],
    ['custom-http-errors', '404,503', 'ma-custom-http-errors'],
    ['default-backend', 'errors', 'ma-default-backend'],
    ['preserve-trailing-slash', 'false', null],
    ['use-port-in-redirects', 'true', 'ma-port-in-redirects'],
    ['relative-redirects', 'true', 'ma-relative-redirects'],
    ['mirror-target', 'https://mirror.test$request_uri', 'ma-mirror'],
    ['upstream-hash-by', '$request_uri', 'ma-load-balancing'],
    ['proxy-ssl-verify', 'on', 'ma-backend-tls'],
    ['proxy-buffering', 'on', 'ma-not-converted'],
    ['rewrite-target', '/', null],
    ['canary-weight', '10', null],
    ['ssl-redirect', 'false', null],
  ]
  it.each(table)('%s: %s → %s', (name, value, id) => {
    const ingress = ingressWith({ [name]: value }, '/foo', 'Prefix')
    const findings = unconvertedAnnotationFindings(ingress, readAnnotations(ingress, DEFAULT_ENVIRONMENT, []))
    expect(said(findings)).toEqual(id === null ? [] : [`annotation-not-converted ${name} ${id}`])
    for (const finding of findings) {
      expect(finding).toMatchObject({ severity: 'warning', ingress: { namespace: 'default', name: 'app' }, source: ingress.source })
      expect(finding.text.params).toMatchObject({ annotation: `nginx.ingress.kubernetes.io/${name}`, value })
    }
  })

  it('a canary Ingress keeps only its balancing and affinity annotations; the primary\'s apply', () => {
    const ingress = ingressWith({ canary: 'true', 'canary-weight': '5', 'auth-url': 'https://a.test/', affinity: 'cookie' }, '/foo', 'Prefix')
    expect(said(unconvertedAnnotationFindings(ingress, readAnnotations(ingress, DEFAULT_ENVIRONMENT, [])))).toEqual(['annotation-not-converted affinity ma-affinity'])
  })

  it('every code is in the closed list', () => {
    expect(ANNOTATION_CONVERSION_CODES).toContain('annotation-not-converted')
  })
})

describe('route-level annotations', () => {
  const service = (name: string): string => serviceYaml(name)

  it('app-root: an Exact / rule redirecting with 302', () => {
    const conversion = convertWithMapping(joinDocuments(service('app'),
      ingressYaml('app', { annotations: nginx({ 'app-root': '/app1' }), rules: [{ host: 'h.test', paths: [{ path: '/', backend: 'app:80' }] }] })))
    expect(conversion.rules.get('app-h.test')?.[0]).toMatchObject({
      matches: [{ path: { type: 'Exact', value: '/' } }],
      filters: [{ type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplaceFullPath', replaceFullPath: '/app1' }, statusCode: 302 } }],
      backendRefs: [],
    })
    expect(said(conversion.findings)).toEqual(['annotation-partly-converted app-root ma-app-root'])
  })

  it('server-alias: exact and wildcard names become hostnames, a regex is reported', () => {
    const conversion = convertWithMapping(joinDocuments(service('app'),
      ingressYaml('app', { annotations: nginx({ 'server-alias': 'b.test, *.c.test, .d.test, ~^r[0-9]\\.test$' }), rules: [{ host: 'a.test', paths: [{ path: '/', backend: 'app:80' }] }] })))
    const route = JSON.parse(conversion.text.split('\n---\n').find((doc) => doc.includes('"app-a.test"')) as string)
    expect(route.spec.hostnames).toEqual(['a.test', '*.c.test', 'd.test', '*.d.test', 'b.test'])
    expect(said(conversion.findings)).toEqual(['annotation-not-converted server-alias ma-alias-not-hostname'])
  })

  it('a PathPrefix that covers a regex path\'s literal start, and came after it in nginx.conf, is reported: the Gateway ranks it first', () => {
    const conversion = convertWithMapping(joinDocuments(service('a'), service('b'),
      ingressYaml('a', { annotations: nginx({ 'use-regex': 'true' }), rules: [{ host: 'h.test', paths: [{ path: '/api/v[0-9]+', type: 'ImplementationSpecific', backend: 'a:80' }] }] }),
      ingressYaml('b', { rules: [{ host: 'h.test', paths: [{ path: '/', backend: 'b:80' }, { path: '/api', backend: 'b:80' }, { path: '/apix', backend: 'b:80' }, { path: '/api/v1/long/path', backend: 'b:80' }] }] })))
    const shadowed = conversion.findings.filter((f) => f.text.id === 'ma-regex-shadowed')
    expect(shadowed.map((f) => f.text.params?.prefix)).toEqual(['/api', '/'])
    // What the finding says, through both routers: /api/v2 went to a, now to b.
    const { nginx: a, gateway: b } = bothRouters(conversion, { url: 'http://h.test/api/v2' })
    expect([a.service, b.service]).toEqual(['a', 'b'])
  })

  it('server-alias names go to every Ingress of the host (nginx serves an alias with the whole server), on the first server that names them', () => {
    const conversion = convertWithMapping(joinDocuments(service('a'), service('b'),
      ingressYaml('app-a', { rules: [{ host: 'foo.test', paths: [{ path: '/app-a', backend: 'a:80' }] }] }),
      ingressYaml('app-b', { annotations: nginx({ 'server-alias': 'bar.test' }), rules: [{ host: 'foo.test', paths: [{ path: '/app-b', backend: 'b:80' }] }, { host: 'other.test', paths: [{ path: '/', backend: 'b:80' }] }] })))
    const hostnames = (name: string): unknown => JSON.parse(conversion.text.split('\n---\n').find((doc) => doc.includes(`"${name}"`)) as string).spec.hostnames
    expect([hostnames('app-a-foo.test'), hostnames('app-b-foo.test'), hostnames('app-b-other.test')]).toEqual([['foo.test', 'bar.test'], ['foo.test', 'bar.test'], ['other.test']])
    for (const url of ['http://bar.test/app-a', 'http://bar.test/app-b', 'http://bar.test/x']) {
      const { nginx: a, gateway: b } = bothRouters(conversion, { url })
      expect(answerOf(b, url), url).toBe(answerOf(a, url))
    }
  })

  it('the host-wide regex switch is reported on every Ingress of the host that did not ask for regexes', () => {
    const conversion = convertWithMapping(joinDocuments(service('a'), service('b'),
      ingressYaml('a', { annotations: nginx({ 'use-regex': 'true' }), rules: [{ host: 'h.test', paths: [{ path: '/a/[0-9]+', type: 'ImplementationSpecific', backend: 'a:80' }] }] }),
      ingressYaml('b', { rules: [{ host: 'h.test', paths: [{ path: '/b', backend: 'b:80' }] }, { host: 'other.test', paths: [{ path: '/b', backend: 'b:80' }] }] })))
    expect(said(conversion.findings)).toEqual(['annotation-implementation-specific use-regex ma-regex-path', 'regex-host use-regex ma-regex-host'])
    expect(conversion.findings[1]?.ingress.name).toBe('b')
    expect(conversion.findings[1]?.text.params).toMatchObject({ host: 'h.test' })
  })
})

describe('both routers answer the same, or differ as the finding says', () => {
  /** Each request's answer through ingress-nginx and through the converted routes. */
  function compare(text: string, requests: readonly (string | { url: string; headers?: Record<string, string>; cookies?: Record<string, string> })[]): [string, string, string][] {
    const conversion = convertWithMapping(text)
    return requests.map((request) => {
      const req = typeof request === 'string' ? { url: request } : request
      const { nginx: a, gateway: b } = bothRouters(conversion, req)
      return [req.url + (req.headers ? ` ${JSON.stringify(req.headers)}` : '') + (req.cookies ? ` ${JSON.stringify(req.cookies)}` : ''), answerOf(a, req.url), answerOf(b, req.url)]
    })
  }
  const same = (rows: [string, string, string][]): void => {
    for (const [request, nginxAnswer, gatewayAnswer] of rows) expect(gatewayAnswer, request).toBe(nginxAnswer)
  }

  it('the seed: rewrite-target / sends /foos1/abc upstream as / on both', () => {
    const text = joinDocuments(serviceYaml('s1'), serviceYaml('s2'),
      ingressYaml('test', { annotations: nginx({ 'rewrite-target': '/' }), rules: [
        { host: 'foo.bar.com', paths: [{ path: '/foos1', type: 'ImplementationSpecific', backend: 's1:80' }, { path: '/bars2', type: 'ImplementationSpecific', backend: 's2:80' }] },
        { host: 'bar.foo.com', paths: [{ type: 'ImplementationSpecific', backend: 's2:80' }] },
      ] }))
    same(compare(text, ['http://foo.bar.com/foos1', 'http://foo.bar.com/foos1/abc/def?x=1', 'http://foo.bar.com/bars2/', 'http://bar.foo.com/anything', 'http://foo.bar.com/other']))
    // What the regex-host finding says: ingress-nginx also matched other letter cases and longer names.
    expect(compare(text, ['http://foo.bar.com/FOOS1/abc', 'http://foo.bar.com/foos1abc'])).toEqual([
      ['http://foo.bar.com/FOOS1/abc', '200 s1 /', '404'],
      ['http://foo.bar.com/foos1abc', '200 s1 /', '404'],
    ])
  })

  it('the documented capture pattern strips the prefix on both, except other letter cases', () => {
    const text = joinDocuments(serviceYaml('app'), ingressYaml('app', { annotations: nginx({ 'use-regex': 'true', 'rewrite-target': '/$2' }),
      rules: [{ host: 'h.test', paths: [{ path: '/something(/|$)(.*)', type: 'ImplementationSpecific', backend: 'app:80' }] }] }))
    same(compare(text, ['http://h.test/something', 'http://h.test/something/', 'http://h.test/something/new', 'http://h.test/something/a/b?q=1', 'http://h.test/somethingelse']))
    expect(compare(text, ['http://h.test/Something/new'])[0]?.slice(1)).toEqual(['200 app /new', '404'])
  })

  it.each([
    ['/foo/bar/(.+)', '/new/backend/$1', ['/foo/bar', '/foo/bar/']],
    ['/p/(.*)', '/$1', ['/p']],
    ['/p(/|$)(.*)', '/x/$2', ['/p']],
  ])('%s with %s: ReplacePrefixMatch answers alike except %j, as the finding says', (path, target, differing) => {
    const text = joinDocuments(serviceYaml('app'), ingressYaml('app', { annotations: nginx({ 'use-regex': 'true', 'rewrite-target': target }),
      rules: [{ host: 'h.test', paths: [{ path, type: 'ImplementationSpecific', backend: 'app:80' }] }] }))
    const prefix = differing[0] as string
    const rows = compare(text, [prefix, prefix + '/', `${prefix}/a`, `${prefix}/a/b/?q=1`, `${prefix}x`].map((p) => `http://h.test${p}`))
    for (const [url, a, b] of rows) {
      if (differing.includes(new URL(url).pathname)) expect(b, url).not.toBe(a)
      else expect(b, url).toBe(a)
    }
  })

  it('use-regex paths match case-insensitively from the start, open at the end, on both', () => {
    const text = joinDocuments(serviceYaml('app'), ingressYaml('app', { annotations: nginx({ 'use-regex': 'true' }),
      rules: [{ host: 'h.test', paths: [{ path: '/api/v[0-9]+', type: 'ImplementationSpecific', backend: 'app:80' }] }] }))
    same(compare(text, ['http://h.test/api/v2', 'http://h.test/API/V2/users', 'http://h.test/api/vx', 'http://h.test/x/api/v2']))
  })

  it('a capture of a group the regex lacks is empty on both: the literal rest is the upstream path', () => {
    const text = joinDocuments(serviceYaml('app'), ingressYaml('app', { annotations: nginx({ 'use-regex': 'true', 'rewrite-target': '/x/$2' }),
      rules: [{ host: 'h.test', paths: [{ path: '/v[0-9]+/users', type: 'ImplementationSpecific', backend: 'app:80' }] }] }))
    same(compare(text, ['http://h.test/v1/users', 'http://h.test/V22/Users/7?q=1', 'http://h.test/v/users']))
  })

  it('permanent-redirect: the same Location, except the query the Gateway appends', () => {
    const text = joinDocuments(serviceYaml('app'), ingressYaml('app', { annotations: nginx({ 'permanent-redirect': 'https://www.example.com/new' }),
      rules: [{ host: 'h.test', paths: [{ path: '/', backend: 'app:80' }] }] }))
    same(compare(text, ['http://h.test/', 'http://h.test/a/b']))
    expect(compare(text, ['http://h.test/a?q=1'])[0]?.slice(1)).toEqual(['301 https://www.example.com/new', '301 https://www.example.com/new?q=1'])
  })

  it('app-root: / redirects to the root on both; other paths proxy', () => {
    const text = joinDocuments(serviceYaml('app'), ingressYaml('app', { annotations: nginx({ 'app-root': '/app1' }),
      rules: [{ host: 'h.test', paths: [{ path: '/', backend: 'app:80' }] }] }))
    same(compare(text, ['http://h.test/', 'http://h.test/app1', 'http://h.test/x']))
    expect(compare(text, ['http://h.test/?q=1'])[0]?.slice(1)).toEqual(['302 http://h.test/app1', '302 http://h.test/app1?q=1'])
  })

  it('canary by header, cookie and weight: the same backend for every decision', () => {
    const text = joinDocuments(serviceYaml('app'), serviceYaml('canary'),
      ingressYaml('app', { rules: [{ host: 'h.test', paths: [{ path: '/', backend: 'app:80' }] }] }),
      ingressYaml('app-canary', { annotations: nginx({ canary: 'true', 'canary-by-header': 'X-Canary', 'canary-by-cookie': 'beta', 'canary-weight': '0' }),
        rules: [{ host: 'h.test', paths: [{ path: '/', backend: 'canary:80' }] }] }))
    same(compare(text, [
      'http://h.test/x',
      { url: 'http://h.test/x', headers: { 'X-Canary': 'always' } },
      { url: 'http://h.test/x', headers: { 'X-Canary': 'never' }, cookies: { beta: 'always' } },
      { url: 'http://h.test/x', headers: { 'X-Canary': 'other' }, cookies: { beta: 'always' } },
      { url: 'http://h.test/x', cookies: { beta: 'always' } },
      { url: 'http://h.test/x', cookies: { a: '1', beta: 'never' } },
      { url: 'http://h.test/x', cookies: { beta: 'alwaysx' } },
    ]))
  })

  it('canary-by-header-pattern: the unanchored PCRE and the whole-value RegularExpression pick the same requests', () => {
    const text = joinDocuments(serviceYaml('app'), serviceYaml('canary'),
      ingressYaml('app', { rules: [{ host: 'h.test', paths: [{ path: '/', backend: 'app:80' }] }] }),
      ingressYaml('app-canary', { annotations: nginx({ canary: 'true', 'canary-by-header': 'X-Version', 'canary-by-header-pattern': '^(v2|v3)' }),
        rules: [{ host: 'h.test', paths: [{ path: '/', backend: 'canary:80' }] }] }))
    const rows = compare(text, ['v2', 'v3-beta', 'xv2', 'V2', 'v4', ''].map((value) => ({ url: 'http://h.test/', headers: { 'X-Version': value } })))
    same(rows)
    expect(rows.map((row) => row[1])).toEqual(['200 canary /', '200 canary /', '200 app /', '200 app /', '200 app /', '200 app /'])
  })

  it('canary weight 100 and a header value: deterministic on both', () => {
    const text = joinDocuments(serviceYaml('app'), serviceYaml('canary'),
      ingressYaml('app', { rules: [{ host: 'h.test', paths: [{ path: '/p', backend: 'app:80' }] }] }),
      ingressYaml('app-canary', { annotations: nginx({ canary: 'true', 'canary-by-header': 'X-Env', 'canary-by-header-value': 'blue', 'canary-weight': '100' }),
        rules: [{ host: 'h.test', paths: [{ path: '/p', backend: 'canary:80' }] }] }))
    same(compare(text, ['http://h.test/p', { url: 'http://h.test/p/q', headers: { 'X-Env': 'blue' } }, { url: 'http://h.test/p', headers: { 'X-Env': 'always' } }]))
  })

  it('upstream-vhost, x-forwarded-prefix and custom-headers: the same Host, request header and response headers on both', () => {
    const text = joinDocuments(serviceYaml('app'),
      ingressYaml('app', { annotations: nginx({ 'upstream-vhost': 'internal.test', 'x-forwarded-prefix': '/api', 'rewrite-target': '/', 'custom-headers': 'default/headers' }),
        rules: [{ host: 'h.test', paths: [{ path: '/api', backend: 'app:80' }] }] }),
      configMapYaml('headers', { 'X-Team': 'a' }),
      configMapYaml('ingress-nginx-controller', { 'global-allowed-response-headers': 'X-Team' }, 'ingress-nginx'))
    const conversion = convertWithMapping(text)
    expect(conversion.findings.filter((f) => f.code !== 'annotation-converted' && f.code !== 'regex-host')).toEqual([])
    const { nginx: a, gateway: b } = bothRouters(conversion, { url: 'http://h.test/api/x' })
    expect(answerOf(b, 'http://h.test/api/x')).toBe(answerOf(a, 'http://h.test/api/x'))
    expect([a.upstreamHost, a.upstreamHeaders, a.responseHeaders]).toEqual(['internal.test', { 'X-Forwarded-Prefix': '/api' }, { 'X-Team': 'a' }])
    expect([b.rewrittenHost, b.requestHeaders?.['x-forwarded-prefix'], b.responseHeaders]).toEqual(['internal.test', '/api', { 'x-team': 'a' }])
  })

  it('from-to-www-redirect: the same target host; the Location differs by the port and a final /', () => {
    const text = joinDocuments(serviceYaml('app'), ingressYaml('app', { annotations: nginx({ 'from-to-www-redirect': 'true' }),
      rules: [{ host: 'h.test', paths: [{ path: '/', backend: 'app:80' }] }] }))
    expect(compare(text, ['http://www.h.test/foo', 'http://h.test/foo']).map((row) => row.slice(1))).toEqual([
      ['308 http://h.test:80/foo', '308 http://h.test/foo'],
      ['200 app /foo', '200 app /foo'],
    ])
  })
})
