/**
 * permanent-redirect, temporal-redirect and relative-redirects against a real nginx (docs/routing.md#redirects):
 * the engine's nginx.conf runs in nginx 1.22.1 and every answer (status, Location, body) must equal the engine's.
 * Covered: relative and absolute values with every code 300–308 (and out-of-range codes), the relative-redirects
 * annotation and ConfigMap key (also for nginx's own 301 to `/dir/`), nginx variables with annotation validation
 * off, Host headers with ports, upper case and a trailing dot; and Ingresses the controller rejects (annotation
 * validation on) leave nginx.conf.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { compileRoutes } from './compile-routes'
import { NginxOracle, type OracleRequest } from './nginx-oracle'
import { renderNginxConf } from './render-nginx-conf'
import { routeRequest } from './route-request'
import { configMapYaml, ingressYaml, joinDocuments, nginx, type IngressSpec } from '../testing/manifests'
import { modelOf } from '../testing/models'
import type { CompiledRoutes } from './types'

let oracle: NginxOracle
/** Requests compared with nginx and their answers by status, printed at the end (the figures of the check). */
let compared = 0
const statuses = new Map<number, number>()

beforeAll(async () => {
  oracle = await NginxOracle.start()
})

afterAll(async () => {
  await oracle?.stop()
  console.log(`nginx redirect differential: ${compared} requests compared, by status ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`)
})

/** The controller Deployment with `args` (the flags after the binary). */
function controllerYaml(...args: string[]): string {
  return [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}',
    'spec:', '  selector: {matchLabels: {app: c}}', '  template:', '    metadata: {labels: {app: c}}', '    spec:', '      containers:',
    '      - name: controller', '        image: registry.k8s.io/ingress-nginx/controller:v1.11.3',
    `        args: [/nginx-ingress-controller${args.map((arg) => `, ${JSON.stringify(arg)}`).join('')}]`, '',
  ].join('\n')
}

function one(host: string, annotations: Record<string, string>, path = '/', type: 'Prefix' | 'Exact' | 'ImplementationSpecific' = 'Prefix'): IngressSpec {
  return { annotations: nginx(annotations), rules: [{ host, paths: [{ path, type, backend: 'app:80' }] }] }
}

function compile(ingresses: readonly [string, IngressSpec][], extra: readonly string[] = []): CompiledRoutes {
  return compileRoutes(modelOf(joinDocuments(...extra, ...ingresses.map(([name, spec]) => ingressYaml(name, spec)))))
}

/** Each host asked as written, in upper case with a port, and with a trailing dot; with and without a query. */
function requestsFor(hosts: readonly string[], paths: readonly string[]): OracleRequest[] {
  return hosts.flatMap((host) => [host, `${host.toUpperCase()}:8080`, `${host}.`].flatMap((variant) => paths.map((path) => ({ host: variant, path }))))
}

const CODES = [300, 301, 302, 303, 304, 305, 306, 307, 308]

async function expectSameAnswers(compiled: CompiledRoutes, requests: readonly OracleRequest[], label: string): Promise<void> {
  const checked = oracle.test(compiled)
  expect(checked.output).toBe('')
  expect(checked.ok).toBe(true)
  const failures = await oracle.check(compiled, requests, label, (result) => {
    compared++
    statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1)
  })
  expect(failures.slice(0, 4).join('\n')).toBe('')
}

describe('redirect annotations = real nginx', () => {
  test('permanent-redirect, relative and absolute, every code 300–308 and out-of-range codes', async () => {
    const codes = [...CODES, 299, 309, 418]
    const ingresses: [string, IngressSpec][] = codes.flatMap((code): [string, IngressSpec][] => [
      [`rel-${code}`, one(`rel${code}.test`, { 'permanent-redirect': '/new-location', 'permanent-redirect-code': String(code) })],
      [`abs-${code}`, one(`abs${code}.test`, { 'permanent-redirect': 'https://new.example.com/x?y=1', 'permanent-redirect-code': String(code) })],
    ])
    ingresses.push(['rel-default', one('rel.test', { 'permanent-redirect': '/new-location' })])
    const compiled = compile(ingresses)
    const hosts = [...codes.flatMap((code) => [`rel${code}.test`, `abs${code}.test`]), 'rel.test']
    const requests = requestsFor(hosts, ['/', '/something?q=1'])
    const statuses = requests.map((request) => routeRequest(compiled, { url: `http://${request.host}${request.path}` }).status)
    expect(new Set(statuses)).toEqual(new Set(CODES))
    expect(routeRequest(compiled, { url: 'http://REL.test:8080/something' }).location).toBe('http://rel.test/new-location')
    await expectSameAnswers(compiled, requests, 'permanent')
  }, 60_000)

  test('temporal-redirect: absolute with every code (above 307 gives 302); a relative value drops the redirect', async () => {
    const ingresses: [string, IngressSpec][] = CODES.map((code): [string, IngressSpec] => [`tmp-${code}`, one(`tmp${code}.test`, { 'temporal-redirect': 'http://elsewhere.test/a', 'temporal-redirect-code': String(code) })])
    ingresses.push(['tmp-relative', one('tmprel.test', { 'temporal-redirect': '/x', 'relative-redirects': 'true', 'permanent-redirect': '/never' })])
    const compiled = compile(ingresses)
    expect(routeRequest(compiled, { url: 'http://tmp308.test/' }).status).toBe(302)
    expect(routeRequest(compiled, { url: 'http://tmprel.test/' }).status).toBe(200)
    await expectSameAnswers(compiled, requestsFor([...CODES.map((code) => `tmp${code}.test`), 'tmprel.test'], ['/', '/p?x']), 'temporal')
  }, 60_000)

  test('relative-redirects: the annotation and the ConfigMap key keep the Location relative, for nginx\'s own 301 to /dir/ too', async () => {
    const ingresses: [string, IngressSpec][] = [
      ['rr-on', one('rr.test', { 'permanent-redirect': '/new-location', 'relative-redirects': 'true' })],
      ['rr-off', one('rroff.test', { 'permanent-redirect': '/new-location', 'relative-redirects': 'false' })],
      ['rr-dir', one('dir.test', { 'relative-redirects': 'true' }, '/dir/')],
      ['abs-dir', one('absdir.test', {}, '/dir/')],
      ['rr-303', one('rr303.test', { 'permanent-redirect': '/n', 'permanent-redirect-code': '303', 'relative-redirects': 'True' })],
    ]
    const requests = requestsFor(['rr.test', 'rroff.test', 'dir.test', 'absdir.test', 'rr303.test'], ['/', '/dir', '/dir?a=1', '/something'])
    const annotated = compile(ingresses)
    expect(routeRequest(annotated, { url: 'http://rr.test/something' }).location).toBe('/new-location')
    expect(routeRequest(annotated, { url: 'http://dir.test/dir' }).location).toBe('/dir/')
    expect(routeRequest(annotated, { url: 'http://absdir.test/dir' }).location).toBe('http://absdir.test/dir/')
    await expectSameAnswers(annotated, requests, 'relative-annotation')
    const byConfigMap = compile(ingresses, [configMapYaml('ingress-nginx-controller', { 'relative-redirects': 'true' }, 'ingress-nginx')])
    expect(routeRequest(byConfigMap, { url: 'http://rroff.test/x' }).location).toBe('/new-location')
    await expectSameAnswers(byConfigMap, requests, 'relative-configmap')
  }, 60_000)

  test('with annotation validation off nginx expands the variables of the value', async () => {
    const ingresses: [string, IngressSpec][] = [
      ['var-abs', one('var.test', { 'permanent-redirect': 'https://new.example.com$request_uri' })],
      ['var-host', one('varhost.test', { 'permanent-redirect': '$scheme://$host/moved$uri', 'permanent-redirect-code': '308' })],
      ['var-rel', one('varrel.test', { 'temporal-redirect': 'http://x.test/$arg_next${uri}', 'temporal-redirect-code': '307' })],
      ['var-relative', one('varrelative.test', { 'permanent-redirect': '/local$request_uri' })],
      ['var-http-host', one('varhh.test', { 'permanent-redirect': 'http://$http_host/a?$args' })],
      ['var-body', one('varbody.test', { 'permanent-redirect': 'see $request_uri', 'permanent-redirect-code': '300' })],
    ]
    const compiled = compile(ingresses, [controllerYaml('--enable-annotation-validation=false')])
    expect(compiled.environment.annotationValidation).toBe(false)
    expect(compiled.ingresses.every((status) => status.served)).toBe(true)
    expect(routeRequest(compiled, { url: 'http://var.test/a/b?c=d' }).location).toBe('https://new.example.com/a/b?c=d')
    const requests = requestsFor(['var.test', 'varhost.test', 'varrel.test', 'varrelative.test', 'varhh.test', 'varbody.test'], ['/', '/a%20b/c?next=n1&x=2', '/Some/Path'])
    await expectSameAnswers(compiled, requests, 'variables')
  }, 60_000)

  test('generated: values of every character URLIsValidRegex allows, and variables with validation off, on random requests', async () => {
    const urlChar = fc.constantFrom(...'abcXYZ09-._~/:,?&='.split(''))
    const plain = fc.array(urlChar, { maxLength: 12 }).map((chars) => chars.join(''))
    const variable = fc.constantFrom('$request_uri', '$uri', '$args', '$is_args', '$host', '$http_host', '$scheme', '$arg_a', '${uri}x', '$http_x_token', '$cookie_c', '$request_method', '$server_name')
    const value = fc.tuple(fc.constantFrom('/', 'http://t.test/', 'https://t.test'), plain, fc.option(variable, { nil: undefined }), plain)
      .map(([start, a, v, b]) => start + a + (v === undefined ? '' : `${v}/`) + b)
    const scenario = fc.record({
      values: fc.array(fc.tuple(value, fc.integer({ min: 298, max: 310 }), fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 4 }),
      off: fc.boolean(),
      paths: fc.array(fc.constantFrom('/', '/a/b', '/a%20b?x=1&a=2', '/Caps/%41?a', '/x?', '/dir', '/dir/z', '/%2F/'), { minLength: 4, maxLength: 6 }),
    })
    const scenarios = fc.sample(scenario, { seed: 20261203, numRuns: 30 })
    for (const [index, { values, off, paths }] of scenarios.entries()) {
      const ingresses = values.map(([url, code, temporal, relative], i): [string, IngressSpec] => [`g${i}`, one(`g${i}.test`, {
        [temporal ? 'temporal-redirect' : 'permanent-redirect']: url, [temporal ? 'temporal-redirect-code' : 'permanent-redirect-code']: String(code),
        ...(relative ? { 'relative-redirects': 'true' } : {}),
      }, i % 2 === 0 ? '/' : '/dir/')])
      const compiled = compile(ingresses, off ? [controllerYaml('--enable-annotation-validation=false')] : [])
      const requests = requestsFor(values.map((_v, i) => `g${i}.test`), paths).map((request) => ({ ...request, headers: { 'X-Token': 't1', Cookie: 'c=v' } }))
      await expectSameAnswers(compiled, requests, `generated-${index}`)
    }
  }, 180_000)

  test('annotation validation on (v1.12+): the Ingresses it rejects are not in nginx.conf, requests for them get what is left', async () => {
    const ingresses: [string, IngressSpec][] = [
      ['rejected', one('new.test', { 'permanent-redirect': 'https://new.example.com$request_uri' })],
      ['rejected-code', one('code.test', { 'permanent-redirect': '/x', 'permanent-redirect-code': '301 ' })],
      ['kept', one('kept.test', { 'permanent-redirect': '/new-location' })],
      ['fallback', { rules: [{ paths: [{ path: '/', type: 'Prefix', backend: 'fallback:80' }] }] }],
    ]
    const compiled = compile(ingresses)
    expect(compiled.ingresses.map((status) => [status.ref.name, status.served])).toEqual([['rejected', false], ['rejected-code', false], ['kept', true], ['fallback', true]])
    const conf = renderNginxConf(compiled)
    expect(conf).not.toContain('new.test')
    expect(conf).not.toContain('code.test')
    expect(conf).not.toContain('new.example.com')
    await expectSameAnswers(compiled, requestsFor(['new.test', 'code.test', 'kept.test'], ['/', '/a?b']), 'rejected')
  }, 60_000)
})
