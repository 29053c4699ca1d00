/**
 * Every row of the Kubernetes docs path-matching table (docs/routing.md#spec-matching), routed through the engine:
 * what ingress-nginx answers, and where it differs from the spec, the spec's answer in the D1 note.
 */
import { describe, expect, test } from 'vitest'
import { compileRoutes } from './compile-routes'
import { routeRequest } from './route-request'
import { specPathMatches } from './spec-match'
import { type PathSpec } from '../testing/manifests'
import { clusterModel, ingress } from '../testing/models'

function route(paths: readonly PathSpec[], requestPath: string) {
  const compiled = compileRoutes(clusterModel(ingress('web', { rules: [{ host: 't.test', paths }] })))
  return routeRequest(compiled, { url: `http://t.test${requestPath}` })
}

type Row = { rule: [PathSpec['type'], string]; request: string; spec: boolean; nginx: 'match' | 'no-match' | '301' }

// Docs table rows with one rule path (service s1).
const rows: Row[] = [
  { rule: ['Prefix', '/'], request: '/', spec: true, nginx: 'match' },
  { rule: ['Prefix', '/'], request: '/anything/at/all', spec: true, nginx: 'match' },
  { rule: ['Exact', '/foo'], request: '/foo', spec: true, nginx: 'match' },
  { rule: ['Exact', '/foo'], request: '/bar', spec: false, nginx: 'no-match' },
  { rule: ['Exact', '/foo'], request: '/foo/', spec: false, nginx: 'no-match' },
  { rule: ['Exact', '/foo/'], request: '/foo', spec: false, nginx: '301' },
  { rule: ['Prefix', '/foo'], request: '/foo', spec: true, nginx: 'match' },
  { rule: ['Prefix', '/foo'], request: '/foo/', spec: true, nginx: 'match' },
  { rule: ['Prefix', '/foo/'], request: '/foo', spec: true, nginx: '301' },
  { rule: ['Prefix', '/foo/'], request: '/foo/', spec: true, nginx: 'match' },
  { rule: ['Prefix', '/aaa/bb'], request: '/aaa/bbb', spec: false, nginx: 'no-match' },
  { rule: ['Prefix', '/aaa/bbb'], request: '/aaa/bbb', spec: true, nginx: 'match' },
  { rule: ['Prefix', '/aaa/bbb/'], request: '/aaa/bbb', spec: true, nginx: '301' },
  { rule: ['Prefix', '/aaa/bbb'], request: '/aaa/bbb/', spec: true, nginx: 'match' },
  { rule: ['Prefix', '/aaa/bbb'], request: '/aaa/bbb/ccc', spec: true, nginx: 'match' },
  { rule: ['Prefix', '/aaa/bbb'], request: '/aaa/bbbxyz', spec: false, nginx: 'no-match' },
  { rule: ['Prefix', '/foo'], request: '/FOO', spec: false, nginx: 'no-match' },
  { rule: ['Exact', '/foo'], request: '/FOO', spec: false, nginx: 'no-match' },
]

describe('the Kubernetes docs path-matching table', () => {
  test.each(rows)('$rule.0 $rule.1 vs $request: spec $spec, ingress-nginx $nginx', ({ rule, request, spec, nginx }) => {
    const [type, path] = rule
    expect(specPathMatches(type === 'omitted' || type === undefined ? 'ImplementationSpecific' : type, path, request)).toBe(spec)
    const result = route([{ path, type, backend: 's1:80' }], request)
    if (nginx === 'match') {
      expect(result).toMatchObject({ status: 200, service: 's1', port: 80, ingress: 'web' })
    } else if (nginx === 'no-match') {
      expect(result).toMatchObject({ status: 404, service: null, ingress: null })
    } else {
      expect(result).toMatchObject({ status: 301, service: null, location: `http://t.test${request}/` })
      expect(result.divergences.map((note) => note.id)).toContain('D1')
    }
  })

  test('{/, /aaa} and /aaa/ccc: the longer prefix /aaa wins', () => {
    const result = route([{ path: '/', backend: 'root:80' }, { path: '/aaa', backend: 'aaa:80' }], '/aaa/ccc')
    expect(result).toMatchObject({ status: 200, service: 'aaa' })
  })

  test('{/, /aaa, /aaa/bbb} and /aaa/bbb: /aaa/bbb wins', () => {
    const paths: PathSpec[] = [{ path: '/', backend: 'root:80' }, { path: '/aaa', backend: 'aaa:80' }, { path: '/aaa/bbb', backend: 'bbb:80' }]
    expect(route(paths, '/aaa/bbb')).toMatchObject({ status: 200, service: 'bbb' })
    expect(route(paths, '/ccc')).toMatchObject({ status: 200, service: 'root' })
  })

  test('{/aaa} and /ccc: the default backend answers 404', () => {
    expect(route([{ path: '/aaa', backend: 'aaa:80' }], '/ccc')).toMatchObject({ status: 404, service: null, ingress: null })
  })

  test('Prefix and Exact /foo, request /foo: Exact wins', () => {
    const paths: PathSpec[] = [{ path: '/foo', type: 'Prefix', backend: 'prefix:80' }, { path: '/foo', type: 'Exact', backend: 'exact:80' }]
    expect(route(paths, '/foo')).toMatchObject({ status: 200, service: 'exact' })
    expect(route(paths, '/foo/x')).toMatchObject({ status: 200, service: 'prefix' })
  })
})
