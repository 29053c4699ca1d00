import { describe, expect, it } from 'vitest'
import { analyzeText } from '../testing/analyze-text'

/** A v1 Ingress with one rule and one path; each argument is a YAML fragment (pathType `-` leaves it out). */
function v1(host = 'a.example.com', path = '/x', pathType = 'Prefix', backend = '{service: {name: s, port: {number: 80}}}'): string {
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    '  name: ing',
    'spec:',
    '  rules:',
    `  - host: ${host}`,
    '    http:',
    '      paths:',
    `      - path: ${path}`,
    ...(pathType === '-' ? [] : [`        pathType: ${pathType}`]),
    `        backend: ${backend}`,
    '',
  ].join('\n')
}

/** A v1beta1-shaped Ingress (extensions/v1beta1 unless told otherwise) with one path. */
function beta(backend = '{serviceName: s, servicePort: 80}', path = '/x', apiVersion = 'extensions/v1beta1'): string {
  return [
    `apiVersion: ${apiVersion}`,
    'kind: Ingress',
    'metadata:',
    '  name: ing',
    'spec:',
    '  rules:',
    '  - host: a.example.com',
    '    http:',
    '      paths:',
    `      - path: ${path}`,
    `        backend: ${backend}`,
    '',
  ].join('\n')
}

describe('Ingress: shapes and defaults per API version', () => {
  it('reads a v1 Ingress with no problems', () => {
    const result = analyzeText(v1())
    expect(result.problems()).toEqual([])
    expect(result.model.ingresses[0]?.rules[0]?.paths[0]).toMatchObject({
      path: '/x', pathType: 'Prefix', pathTypeDefaulted: false,
      backend: { type: 'service', service: 's', port: { number: 80 } },
    })
  })

  it.each(['extensions/v1beta1', 'networking.k8s.io/v1beta1'])('%s: serviceName/servicePort become service + port; pathType defaults to ImplementationSpecific', (apiVersion) => {
    const result = analyzeText(beta('{serviceName: s, servicePort: http}', '/x', apiVersion))
    expect(result.problems()).toEqual(['removed-api-version'])
    const ingress = result.model.ingresses[0]
    expect(ingress?.apiVersion).toBe(apiVersion)
    expect(ingress?.rules[0]?.paths[0]).toMatchObject({
      pathType: 'ImplementationSpecific', pathTypeDefaulted: true, backend: { service: 's', port: { name: 'http' } },
    })
  })

  it('v1beta1: spec.backend becomes defaultBackend; a path-less rule keeps path ""', () => {
    const text = [
      'apiVersion: networking.k8s.io/v1beta1', 'kind: Ingress', 'metadata: {name: ing}', 'spec:',
      '  backend: {serviceName: fallback, servicePort: 8080}', '  rules:', '  - http:', '      paths:',
      '      - backend: {serviceName: s, servicePort: 80}', '',
    ].join('\n')
    const ingress = analyzeText(text).model.ingresses[0]
    expect(ingress?.defaultBackend).toMatchObject({ type: 'service', service: 'fallback', port: { number: 8080 }, at: ['spec', 'backend'] })
    expect(ingress?.rules[0]).toMatchObject({ host: '', paths: [{ path: '', pathType: 'ImplementationSpecific' }] })
  })

  it('v1: defaultBackend, resource backends, tls and ingressClassName', () => {
    const text = [
      'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: ing}', 'spec:',
      '  ingressClassName: nginx',
      '  defaultBackend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static}}',
      '  tls:', '  - hosts: [a.example.com, "*.example.com"]', '    secretName: tls-secret', '',
    ].join('\n')
    const result = analyzeText(text, { checks: false })
    expect(result.problems()).toEqual([])
    expect(result.model.ingresses[0]).toMatchObject({
      ingressClassName: 'nginx',
      defaultBackend: { type: 'resource', apiGroup: 'k8s.example.com', resourceKind: 'StorageBucket', name: 'static' },
      tls: [{ hosts: ['a.example.com', '*.example.com'], secretName: 'tls-secret', at: ['spec', 'tls', 0] }],
      rules: [],
    })
  })

  it('warns about removed versions with since-when and the replacement, on the apiVersion value', () => {
    const [warning] = analyzeText(beta()).of('removed-api-version')
    expect(warning).toMatchObject({ severity: 'warning', text: 'extensions/v1beta1', line: 1 })
    expect(warning?.message).toContain('1.22')
    expect(warning?.message).toContain('networking.k8s.io/v1')
  })

  it.each([
    ['1.21', 'warning'], ['1.22', 'error'], ['1.29', 'error'], ['v1.30.2', 'error'], ['1.9', 'warning'],
  ])('checked against Kubernetes %s (kubernetesVersion): a version that release no longer serves is %s', (kubernetesVersion, severity) => {
    const [found] = analyzeText(beta(), { kubernetesVersion }).of('removed-api-version')
    expect(found).toMatchObject({ severity, text: 'extensions/v1beta1' })
  })
})

describe('Ingress: validation (code and exact range)', () => {
  it.each([
    ['an IP address', '10.0.0.1', 'invalid-host', '10.0.0.1'],
    ['a scheme', 'http://foo.example.com', 'invalid-host', 'http://foo.example.com'],
    ['a port', 'foo.example.com:8080', 'invalid-host', 'foo.example.com:8080'],
    ['upper case', 'Foo.example.com', 'invalid-host', 'Foo.example.com'],
    ['a bare *', '"*"', 'invalid-host', '"*"'],
    ['a partial wildcard', 'foo*.example.com', 'invalid-host', 'foo*.example.com'],
    ['two wildcards', '"*.*.example.com"', 'invalid-host', '"*.*.example.com"'],
  ])('rejects a host with %s', (_, host, code, text) => {
    const result = analyzeText(v1(host))
    expect(result.of(code as 'invalid-host')).toEqual([expect.objectContaining({ severity: 'error', text, line: 7, column: 11 })])
  })

  it('accepts a wildcard host', () => {
    expect(analyzeText(v1('"*.example.com"')).problems()).toEqual([])
  })

  it('points the scheme mistake at the fix', () => {
    expect(analyzeText(v1('http://foo.example.com')).of('invalid-host')[0]?.message).toContain('write "foo.example.com"')
  })

  it('validates tls hosts the same way (wildcards allowed)', () => {
    const text = v1().replace('spec:\n', 'spec:\n  tls:\n  - hosts: ["*.ok.com", Bad.com]\n')
    expect(analyzeText(text).of('invalid-host')).toEqual([expect.objectContaining({ text: 'Bad.com', line: 7 })])
  })

  it.each([
    ['Exact', 'foo', 'must be an absolute path'],
    ['Prefix', '/a//b', "must not contain '//'"],
    ['Prefix', '/a/./b', "must not contain '/./'"],
    ['Prefix', '/a/../b', "must not contain '/../'"],
    ['Prefix', '/a%2fb', "must not contain '%2f'"],
    ['Exact', '/a%2Fb', "must not contain '%2F'"],
    ['Prefix', '/a/..', "cannot end with '/..'"],
    ['Exact', '/a/.', "cannot end with '/.'"],
    ['ImplementationSpecific', 'foo', 'must be an absolute path'],
  ])('%s path %s: %s', (pathType, path, reason) => {
    const result = analyzeText(v1('a.example.com', path, pathType))
    const found = result.of('invalid-path')
    expect(found).toEqual([expect.objectContaining({ severity: 'error', text: path, line: 10, column: 15 })])
    expect(found[0]?.message).toContain(reason)
  })

  it('accepts a regex path with pathType ImplementationSpecific', () => {
    expect(analyzeText(v1('a.example.com', '"/api(/|$)(.*)"', 'ImplementationSpecific')).problems()).toEqual([])
  })

  it('warns (ingress-nginx webhook) about a regex in a Prefix path', () => {
    const result = analyzeText(v1('a.example.com', '"/api(/|$)(.*)"', 'Prefix'))
    expect(result.problems()).toEqual(['nginx-strict-path'])
    expect(result.of('nginx-strict-path')[0]).toMatchObject({ severity: 'warning', text: '"/api(/|$)(.*)"' })
  })

  it('requires pathType in v1, pointing at the path', () => {
    const result = analyzeText(v1('a.example.com', '/x', '-'))
    expect(result.of('invalid-path-type')).toEqual([expect.objectContaining({ severity: 'error', text: '/x', line: 10 })])
  })

  it('rejects an unknown pathType on its value', () => {
    const result = analyzeText(v1('a.example.com', '/x', 'Regex'))
    expect(result.of('invalid-path-type')).toEqual([expect.objectContaining({ text: 'Regex', line: 11, column: 19 })])
  })

  it.each([
    ['both service and resource', 'service: {name: s, port: {number: 80}}, resource: {kind: K, name: n}', 'invalid-backend', 'resource'],
    ['neither service nor resource', '{}', 'invalid-backend', 'backend'],
    ['a bad service name', '{service: {name: My_Svc, port: {number: 80}}}', 'invalid-name', 'My_Svc'],
    ['port name and number', '{service: {name: s, port: {number: 80, name: http}}}', 'invalid-backend', 'port'],
    ['no port', '{service: {name: s}}', 'required', 'service'],
    ['a port out of range', '{service: {name: s, port: {number: 70000}}}', 'invalid-port', '70000'],
    ['a bad port name', '{service: {name: s, port: {name: HTTP}}}', 'invalid-port', 'HTTP'],
    ['a port number as text', '{service: {name: s, port: {number: "80"}}}', 'wrong-type', '"80"'],
    ['a resource without kind', '{resource: {name: bucket}}', 'required', 'resource'],
    ['a resource with a bad apiGroup', '{resource: {apiGroup: Bad_Group, kind: K, name: n}}', 'invalid-backend', 'Bad_Group'],
  ])('v1 backend with %s', (_, backend, code, text) => {
    const result = analyzeText(v1('a.example.com', '/x', 'Prefix', backend.startsWith('{') ? backend : `{${backend}}`))
    expect(result.of(code as 'invalid-backend')).toEqual([expect.objectContaining({ severity: 'error', text })])
  })

  it('leaves a path whose backend is unusable out of the model, and keeps one with a merely invalid name', () => {
    expect(analyzeText(v1('a.example.com', '/x', 'Prefix', '{service: {name: s}}')).model.ingresses[0]?.rules[0]?.paths).toEqual([])
    const named = analyzeText(v1('a.example.com', '/x', 'Prefix', '{service: {name: My_Svc, port: {number: 80}}}'))
    expect(named.model.ingresses[0]?.rules[0]?.paths[0]?.backend).toMatchObject({ service: 'My_Svc' })
  })

  it.each([
    ['a port out of range', '{serviceName: s, servicePort: 0x10000}', 'invalid-port', '0x10000'],
    ['a bad port name', '{serviceName: s, servicePort: Web}', 'invalid-port', 'Web'],
    ['no port', '{serviceName: s}', 'required', 'backend'],
    ['a bad service name', '{serviceName: 9s, servicePort: 80}', 'invalid-name', '9s'],
  ])('v1beta1 backend with %s', (_, backend, code, text) => {
    const result = analyzeText(beta(backend))
    expect(result.of(code as 'invalid-port')).toEqual([expect.objectContaining({ severity: 'error', text })])
  })

  it('flags the v1beta1 backend shape in a v1 Ingress as unknown fields with a hint', () => {
    const result = analyzeText(v1('a.example.com', '/x', 'Prefix', '{serviceName: s, servicePort: 80}'))
    expect(result.of('unknown-field').map((f) => f.text)).toEqual(['serviceName', 'servicePort'])
    expect(result.of('unknown-field')[0]?.message).toContain('service: {name, port: {number}}')
    expect(result.of('invalid-backend')).toHaveLength(1)
  })

  it('requires rules or a default backend, at the spec key', () => {
    const result = analyzeText('apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ing}\nspec: {}\n')
    expect(result.of('required')).toEqual([expect.objectContaining({ text: 'spec', line: 4 })])
  })

  it('requires paths when http is set', () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ing}\nspec:\n  rules:\n  - host: a.com\n    http:\n      paths: []\n'
    expect(analyzeText(text).of('required')).toEqual([expect.objectContaining({ text: 'paths', line: 8 })])
  })

  it('rejects a bad ingressClassName', () => {
    const text = v1().replace('spec:\n', 'spec:\n  ingressClassName: Nginx_Class\n')
    expect(analyzeText(text).of('invalid-name')).toEqual([expect.objectContaining({ text: 'Nginx_Class', line: 6 })])
  })

  it.each([
    ['a number host', v1('42'), '42'],
    ['rules as a map', 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ing}\nspec:\n  rules: {host: a}\n', '{host: a}'],
  ])('reports wrong types (%s) on the value', (_, text, value) => {
    expect(analyzeText(text).of('wrong-type')).toEqual([expect.objectContaining({ severity: 'error', text: value })])
  })
})
