/**
 * Spec tables for annotation validation, risk levels and the redirect annotations (issue 14 items 1 and 2),
 * each row with the upstream source of its expected answer (ingress-nginx v1.15.1 unless said; nginx 1.22.1).
 */
import { describe, expect, test } from 'vitest'
import { formatMessage } from '../messages/render'
import { applyFix, codesOf, fixesFor } from '../testing/quick-fixes'
import { compileRoutes } from './compile-routes'
import { ANNOTATIONS, annotationRisk, getBoolAnnotation, getIntAnnotation, getStringAnnotation, passesValidator } from './annotation-validation'
import { describeEnvironment, resolveEnvironment } from './environment'
import { renderNginxConf } from './render-nginx-conf'
import { routeRequest } from './route-request'
import { buildRouteTable } from './route-table'
import { configMapYaml, hostRule, ingressYaml, joinDocuments, nginx } from '../testing/manifests'
import { modelOf } from '../testing/models'
import type { CompiledRoutes } from './types'

function controllerYaml(name: string, args: readonly string[]): string {
  return [
    'apiVersion: apps/v1', 'kind: Deployment', `metadata: {name: ${name}, namespace: ingress-nginx}`,
    'spec:', '  selector: {matchLabels: {app: c}}', '  template:', '    metadata: {labels: {app: c}}', '    spec:', '      containers:',
    '      - name: controller', '        image: registry.k8s.io/ingress-nginx/controller:v1.11.3',
    `        args: [${args.map((arg) => JSON.stringify(arg)).join(', ')}]`, '',
  ].join('\n')
}

const RULE = { rules: [{ host: 'a.test', paths: [{ path: '/', backend: 'app:80' }] }] }

const VALIDATION_OFF = controllerYaml('ingress-nginx-controller', ['/nginx-ingress-controller', '--enable-annotation-validation=false'])

function compile(annotations: Record<string, string>, extra: readonly string[] = []): CompiledRoutes {
  const spec = { annotations: nginx(annotations), rules: [{ host: 'rr.foo.com', paths: [{ path: '/', type: 'Prefix' as const, backend: 'app:80' }] }] }
  return compileRoutes(modelOf(joinDocuments(...extra, ingressYaml('web', spec))))
}

const get = (compiled: CompiledRoutes, url: string) => routeRequest(compiled, { url })

describe('item 1: permanent-redirect and temporal-redirect answers', () => {
  test.each([
    // [annotations, request, status, Location, source]
    [{ 'permanent-redirect': '/new-location' }, 'http://rr.foo.com/something', 301, 'http://rr.foo.com/new-location', 'test/e2e/annotations/relativeredirects.go: should respond with absolute URL in Location'],
    [{ 'permanent-redirect': '/new-location', 'relative-redirects': 'false' }, 'http://rr.foo.com/something', 301, 'http://rr.foo.com/new-location', 'relativeredirects.go: relative-redirects "false"'],
    [{ 'permanent-redirect': '/new-location', 'relative-redirects': 'true' }, 'http://rr.foo.com/something', 301, '/new-location', 'relativeredirects.go: should respond with relative URL in Location'],
    [{ 'permanent-redirect': '/new-location' }, 'http://RR.Foo.com:8080/x', 301, 'http://rr.foo.com/new-location', 'ngx_http_header_filter_module.c: host from the validated Host header, port_in_redirect off'],
    [{ 'permanent-redirect': '/new-location' }, 'https://rr.foo.com/x', 301, 'https://rr.foo.com/new-location', 'ngx_http_header_filter_module.c: "https" when the connection is TLS'],
    [{ 'permanent-redirect': 'http://redirect.example.com' }, 'http://rr.foo.com/something', 301, 'http://redirect.example.com', 'test/e2e/annotations/redirect.go: should respond with a standard redirect code'],
    [{ 'permanent-redirect': 'http://redirect.example.com', 'permanent-redirect-code': '302' }, 'http://rr.foo.com/something', 302, 'http://redirect.example.com', 'redirect.go e2e: should respond with a custom redirect code'],
    [{ 'permanent-redirect': 'http://some-site.com', 'permanent-redirect-code': '418' }, 'http://rr.foo.com/', 301, 'http://some-site.com', 'redirect_test.go: invalid code gives 301'],
    [{ 'permanent-redirect': 'http://some-site.com', 'permanent-redirect-code': '308' }, 'http://rr.foo.com/', 308, 'http://some-site.com', 'redirect.go: permanent codes 300–308'],
    [{ 'temporal-redirect': 'http://some-site.com' }, 'http://rr.foo.com/', 302, 'http://some-site.com', 'redirect_test.go: temporal default 302'],
    [{ 'temporal-redirect': 'http://some-site.com', 'temporal-redirect-code': '308' }, 'http://rr.foo.com/', 302, 'http://some-site.com', 'redirect.go: temporal codes 300–307, else 302'],
    [{ 'temporal-redirect': 'http://some-site.com', 'temporal-redirect-code': '307' }, 'http://rr.foo.com/', 307, 'http://some-site.com', 'redirect.go: temporal-redirect-code (v1.12.0, #10651)'],
    [{ 'temporal-redirect': 'http://t.test/', 'permanent-redirect': 'http://p.test/' }, 'http://rr.foo.com/', 302, 'http://t.test/', 'redirect.go Parse: temporal first'],
    [{ 'permanent-redirect': 'ftp://x' }, 'http://rr.foo.com/', 301, 'ftp://x', 'redirect.go: only temporal-redirect goes through isValidURL'],
    [{ 'permanent-redirect': '/n', 'permanent-redirect-code': '303' }, 'http://rr.foo.com/', 303, 'http://rr.foo.com/n', 'ngx_http_core_module.c ngx_http_send_response: 303 takes a Location'],
  ] as const)('%j %s → %i %s (%s)', (annotations, url, status, location, _source) => {
    expect(get(compile(annotations), url)).toMatchObject({ status, location })
  })

  test.each([
    [300, '/new', 'ngx_http_send_response: only 301, 302, 303, 307, 308 send a Location; other codes send the text'],
    [305, '/new', 'same'],
    [306, 'http://x.test/', 'same'],
    [304, '', 'ngx_http_header_filter_module.c: 304 is header-only'],
  ] as const)('permanent-redirect-code %i answers with the value as the body, no Location (%s)', (code, body, _source) => {
    const result = get(compile({ 'permanent-redirect': code === 306 ? 'http://x.test/' : '/new', 'permanent-redirect-code': String(code) }), 'http://rr.foo.com/')
    expect(result).toMatchObject({ status: code, location: null, body })
  })

  test.each([
    [{ 'temporal-redirect': '/x' }, 'redirect-dropped-not-http', 'redirect.go isValidURL: scheme must start with http'],
    [{ 'temporal-redirect': 'ftp://x', 'relative-redirects': 'true' }, 'redirect-dropped-not-http', 'redirect_test.go TestIsValidURL'],
  ] as const)('%j is a parse error, not a validation error: the whole redirect config is dropped and the request proxied (%s)', (annotations, id, _source) => {
    const compiled = compile(annotations)
    expect(compiled.ingresses[0]?.served).toBe(true)
    expect(get(compiled, 'http://rr.foo.com/a')).toMatchObject({ status: 200, location: null })
    expect(compiled.issues.map((issue) => issue.text.id)).toContain(id)
    expect(compiled.servers.flatMap((server) => server.locations).every((loc) => loc.relativeRedirects !== true)).toBe(true)
  })

  test('the trace names the annotation and the nginx behaviour it followed', () => {
    const trace = get(compile({ 'permanent-redirect': '/new-location' }), 'http://rr.foo.com/x').trace.map((step) => formatMessage(step))
    expect(trace.join('\n')).toContain('nginx.ingress.kubernetes.io/permanent-redirect of Ingress default/web: nginx answers 301 and makes /new-location absolute from the request (absolute_redirect on, relative-redirects off)')
  })

  test('route table notes and nginx.conf lines', () => {
    const compiled = compile({ 'permanent-redirect': '/new-location', 'relative-redirects': 'true' })
    const conf = renderNginxConf(compiled)
    expect(conf).toContain('absolute_redirect off;')
    expect(conf).toContain('return 301 /new-location;')
    const notes = buildRouteTable(compiled).flatMap((row) => row.notes.map((note) => formatMessage(note)))
    expect(notes).toContain('Location relative (absolute_redirect off)')
  })
})

describe('item 2: validation is version-aware', () => {
  test.each([
    // [annotations, served with validation on (v1.12+), answer with validation off, source]
    [{ 'permanent-redirect': 'https://new.example.com$request_uri' }, false, { status: 301, location: 'https://new.example.com/a?b=c' }, 'validators.go URLIsValidRegex has no $; nginx expands $request_uri'],
    [{ 'temporal-redirect': 'https://new.example.com/$uri', 'temporal-redirect-code': '307' }, false, { status: 307, location: 'https://new.example.com//a' }, 'URLIsValidRegex; ngx_http_variables.c $uri'],
    [{ 'permanent-redirect': '/x', 'permanent-redirect-code': 'abc' }, false, { status: 200 }, 'ValidateInt refuses → validation error; off: strconv.Atoi fails → redirect config dropped'],
    [{ 'permanent-redirect': '/x', 'from-to-www-redirect': 'yes' }, false, { status: 200 }, 'ValidateBool; off: ParseBool fails → whole redirect config dropped'],
    [{ 'permanent-redirect': '/x', 'relative-redirects': 'on' }, false, { status: 200 }, 'same, for relative-redirects'],
    [{ 'server-alias': 'a b.test' }, false, { status: 200 }, 'alias/main.go ValidateArrayOfServerName returns the error'],
    [{ 'default-backend': 'Bad_Name' }, false, { status: 200 }, 'defaultbackend/main.go ValidateServiceName'],
    [{ 'permanent-redirect': '/new-location' }, true, { status: 301, location: 'http://rr.foo.com/new-location' }, 'URLIsValidRegex allows a path'],
    [{ 'rewrite-target': '/a b' }, true, { status: 200, upstreamUri: '/a%20b?b=c' }, 'rewrite/main.go: a refused rewrite-target defaults to empty; off: kept'],
    [{ 'ssl-redirect': 'yes' }, true, { status: 200 }, 'rewrite/main.go: refused bool → ConfigMap default'],
    [{ 'canary-weight': 'ten' }, true, { status: 200 }, 'canary/main.go: refused int → 0'],
    [{ 'use-port-in-redirects': 'x' }, true, { status: 200 }, 'portinredirect/main.go: any error → default'],
  ] as const)('%j: served with validation on = %s; validation off answers %j (%s)', (annotations, servedOn, off, _source) => {
    const on = compile(annotations)
    expect(on.ingresses[0]?.served).toBe(servedOn)
    const offRoutes = compile(annotations, [VALIDATION_OFF])
    expect(offRoutes.ingresses[0]?.served).toBe(true)
    expect(get(offRoutes, 'http://rr.foo.com/a?b=c')).toMatchObject(off)
    if (!servedOn) {
      expect(get(on, 'http://rr.foo.com/a')).toMatchObject({ status: 404 })
      expect(renderNginxConf(on)).not.toContain('rr.foo.com')
    }
  })

  // controller.go CheckIngress: the webhook runs nginx -t (testTemplate) on the configuration with the new Ingress.
  test('validation off: a redirect variable nginx does not know fails the webhook\'s nginx -t, so the Ingress is rejected', () => {
    const compiled = compile({ 'permanent-redirect': 'https://x.test$host_name' }, [VALIDATION_OFF])
    expect(compiled.ingresses[0]?.served).toBe(false)
    expect(compiled.ingresses[0]?.rejections).toEqual([{ kind: 'nginx-test', annotation: 'nginx.ingress.kubernetes.io/permanent-redirect', value: 'https://x.test$host_name', unknown: ['host_name'] }])
    expect(formatMessage(compiled.ingresses[0]!.reason)).toContain('names $host_name, which nginx cannot read as a variable it knows: nginx -t fails')
    expect(renderNginxConf(compiled)).not.toContain('x.test')
    // A variable nginx knows is expanded, and the Ingress served; so is a named group of one of its paths.
    expect(compile({ 'permanent-redirect': 'https://x.test$request_uri' }, [VALIDATION_OFF]).ingresses[0]?.served).toBe(true)
    const named = compileRoutes(modelOf(ingressYaml('web', { annotations: nginx({ 'permanent-redirect': 'https://x.test/$id', 'use-regex': 'true' }), rules: [hostRule('rr.foo.com', '/item/(?<id>[0-9]+)', 'app:80')] })), { annotationValidation: false })
    expect(named.ingresses[0]?.served).toBe(true)
  })

  test('a rewrite-target naming an unknown variable is rejected by the webhook\'s nginx -t; a named group of its path is known', () => {
    const rejected = compileRoutes(modelOf(ingressYaml('web', { annotations: nginx({ 'rewrite-target': '/id/$id', 'use-regex': 'true' }), rules: [hostRule('rr.foo.com', '/item/([0-9]+)', 'app:80')] })))
    expect(rejected.ingresses[0]?.rejections).toEqual([{ kind: 'nginx-test', annotation: 'nginx.ingress.kubernetes.io/rewrite-target', value: '/id/$id', unknown: ['id'] }])
    const named = compileRoutes(modelOf(ingressYaml('web', { annotations: nginx({ 'rewrite-target': '/id/$id', 'use-regex': 'true' }), rules: [hostRule('rr.foo.com', '/item/(?<id>[0-9]+)', 'app:80')] })))
    expect(named.ingresses[0]?.served).toBe(true)
    expect(routeRequest(named, { url: 'http://rr.foo.com/item/42' }).upstreamUri).toBe('/id/42')
  })

  test('the reason names the annotation, the value, the validator and the controller default', () => {
    const compiled = compile({ 'permanent-redirect': 'https://new.example.com$request_uri' })
    const status = compiled.ingresses[0]
    expect(status?.rejections).toEqual([{ kind: 'validation', annotation: 'nginx.ingress.kubernetes.io/permanent-redirect', value: 'https://new.example.com$request_uri', validator: 'ValidateRegex(URLIsValidRegex)' }])
    expect(formatMessage(status!.reason)).toBe('nginx.ingress.kubernetes.io/permanent-redirect "https://new.example.com$request_uri" fails its validator ValidateRegex(URLIsValidRegex) (--enable-annotation-validation is on by default since controller v1.12), so the controller rejects the whole Ingress: the admission webhook denies it and the controller skips it')
    const trace = get(compiled, 'http://rr.foo.com/a').trace.map((step) => formatMessage(step)).join('\n')
    expect(trace).toContain('Ingress default/web has a rule for this request (Prefix /) but is not served: nginx.ingress.kubernetes.io/permanent-redirect')
  })

  test('the lint says it at the annotation, with the fix that removes the variables', () => {
    const text = joinDocuments(ingressYaml('web', { annotations: nginx({ 'permanent-redirect': 'https://new.example.com$request_uri' }), rules: [{ host: 'a.test', paths: [{ path: '/', backend: 'app:80' }] }] }))
    expect(codesOf(text)).toContain('annotation-rejected')
    expect(fixesFor(text, 'annotation-rejected').map((fix) => formatMessage(fix.title))).toEqual(['Remove the nginx variables: https://new.example.com', 'Remove the annotation nginx.ingress.kubernetes.io/permanent-redirect'])
    const fixed = applyFix(text, 'annotation-rejected')
    expect(fixed).toContain('nginx.ingress.kubernetes.io/permanent-redirect: https://new.example.com\n')
    expect(codesOf(fixed)).not.toContain('annotation-rejected')
    expect(codesOf(applyFix(text, 'annotation-rejected', 1))).not.toContain('annotation-rejected')
  })

  test('a rewrite-target nginx -t refuses: the lint\'s fix drops only the unknown variable, keeping $1', () => {
    const text = ingressYaml('web', { annotations: nginx({ 'rewrite-target': '/$nope/$1', 'use-regex': 'true' }), rules: [hostRule('a.test', '/p/(.*)', 'app:80')] })
    expect(fixesFor(text, 'annotation-rejected').map((fix) => formatMessage(fix.title))).toEqual(['Remove the nginx variables: //$1', 'Remove the annotation nginx.ingress.kubernetes.io/rewrite-target'])
    const fixed = applyFix(text, 'annotation-rejected')
    expect(fixed).toMatch(/rewrite-target: "?\/\/\$1"?\n/)
    expect(codesOf(fixed)).not.toContain('annotation-rejected')
  })
})

describe('risk levels and snippets (annotations-risk-level, allow-snippet-annotations)', () => {
  const cm = (data: Record<string, string>): string => configMapYaml('ingress-nginx-controller', data, 'ingress-nginx')
  test.each([
    [{ 'configuration-snippet': 'more_set_headers "X: y";' }, [], false, 'snippet/main.go Critical > default High (changelog controller-1.12.0)'],
    [{ 'server-snippet': 'return 200;' }, [cm({ 'annotations-risk-level': 'Critical' })], false, 'controller.go CheckIngress: allow-snippet-annotations false denies *-snippet'],
    [{ 'configuration-snippet': 'x;' }, [cm({ 'annotations-risk-level': 'Critical', 'allow-snippet-annotations': 'true' })], true, 'both opened'],
    [{ 'configuration-snippet': 'x;' }, [VALIDATION_OFF], false, 'risk is checked whatever --enable-annotation-validation says (CheckAnnotationRisk)'],
    [{ 'server-alias': 'b.test' }, [cm({ 'annotations-risk-level': 'Medium' })], false, 'alias/main.go High > Medium'],
    [{ 'permanent-redirect': '/x' }, [cm({ 'annotations-risk-level': 'bogus' })], false, 'parser.StringRiskToRisk: unknown → Low; permanent-redirect is Medium'],
    [{ 'auth-url': 'http://auth' }, [cm({ 'annotations-risk-level': 'Medium' })], false, 'authreq/main.go High'],
    [{ 'permanent-redirect': '/x' }, [cm({ 'annotations-risk-level': 'medium' })], true, 'StringRiskToRisk lower-cases'],
  ] as const)('%j with %j: served = %s (%s)', (annotations, extra, served, _source) => {
    expect(compile(annotations, extra).ingresses[0]?.served).toBe(served)
  })
})

describe('the environment: --enable-annotation-validation from the controller Deployment', () => {
  test.each([
    [[], true, 'default', 'parser/main.go DefaultEnableAnnotationValidation = true (v1.12.0+)'],
    [[controllerYaml('ingress-nginx-controller', ['/nginx-ingress-controller', '--enable-annotation-validation=false'])], false, 'deployment', 'docs/user-guide/cli-arguments.md'],
    [[controllerYaml('my-ingress', ['/nginx-ingress-controller', '--enable-annotation-validation=false', '--enable-annotation-validation'])], true, 'deployment', 'a bare bool flag is true; the last one wins'],
    [[controllerYaml('web', ['--enable-annotation-validation=false'])], true, 'default', 'not a controller: neither the name nor /nginx-ingress-controller'],
  ] as const)('%#: validation %s from %s (%s)', (extra, value, source, _reference) => {
    const { environment } = resolveEnvironment(modelOf(joinDocuments(...extra, ingressYaml('web', RULE))))
    expect(environment.annotationValidation).toBe(value)
    expect(environment.sources['--enable-annotation-validation']).toBe(source)
    expect(describeEnvironment(environment).join('\n')).toContain(`--enable-annotation-validation = ${value}`)
  })

  test('an override wins', () => {
    const compiled = compileRoutes(modelOf(ingressYaml('web', { ...RULE, annotations: nginx({ 'permanent-redirect': 'http://x$uri' }) })), { annotationValidation: false })
    expect(compiled.ingresses[0]?.served).toBe(true)
  })
})

describe('the table and readers mirror parser/validators.go', () => {
  test.each([
    ['permanent-redirect', 'https://new.example.com/a?b=c&d=e', true],
    ['permanent-redirect', 'https://new.example.com$request_uri', false],
    ['permanent-redirect', 'http://a.test/%20', false],
    ['permanent-redirect', 'http://a.test/#x', false],
    ['rewrite-target', '/$1/x', true],
    ['rewrite-target', '/a b', false],
    ['server-alias', 'a.test, ~^www\\d+\\.b\\.test$', true],
    ['server-alias', 'a.test,b test', false],
    ['default-backend', 'my-svc', true],
    ['default-backend', 'my_svc', false],
    ['canary-by-header', 'X Canary', true],
    ['affinity', 'Cookie', false],
    ['session-cookie-samesite', 'LAX', true],
    ['permanent-redirect-code', '+301', true],
    ['permanent-redirect-code', '301 ', false],
    ['use-regex', 'True', true],
    ['use-regex', 'yes', false],
  ] as const)('%s %j passes its validator: %s', (name, value, passes) => {
    expect(passesValidator(name, value)).toBe(passes)
  })

  test('readers: missing, invalid (validation on only), unreadable, ok — with normalizeString for strings', () => {
    const on = { annotationValidation: true }
    const off = { annotationValidation: false }
    const a = nginx({ 'permanent-redirect': ' /x ', 'use-regex': '', 'permanent-redirect-code': '30x' })
    expect(getStringAnnotation(a, 'temporal-redirect', on)).toEqual({ kind: 'missing' })
    expect(getStringAnnotation(a, 'permanent-redirect', on)).toEqual({ kind: 'invalid', name: 'permanent-redirect', value: ' /x ' })
    expect(getStringAnnotation(a, 'permanent-redirect', off)).toEqual({ kind: 'ok', value: '/x' })
    expect(getBoolAnnotation(a, 'use-regex', on)).toEqual({ kind: 'unreadable', value: '' })
    expect(getIntAnnotation(a, 'permanent-redirect-code', off)).toEqual({ kind: 'unreadable', value: '30x' })
  })

  test('risks: every engine annotation has one; the snippets are Critical; prefix trimmed as CheckAnnotationRisk does', () => {
    expect(Object.values(ANNOTATIONS).every((entry) => entry.source.startsWith('internal/ingress/annotations/'))).toBe(true)
    expect(annotationRisk('nginx.ingress.kubernetes.io/configuration-snippet')).toBe('Critical')
    expect(annotationRisk('nginx.ingress.kubernetes.io/server-alias')).toBe('High')
    expect(annotationRisk('nginx.ingress.kubernetes.io/proxy-body-size')).toBe('Medium')
    expect(annotationRisk('example.com/whatever')).toBeNull()
  })
})
