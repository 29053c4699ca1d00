/**
 * The seed scenario as written (extensions/v1beta1, analysed from YAML): the chapter's two lessons — every
 * /foos1/... reaches s1 as "/", and kube-book.com over http is redirected to https with 308.
 */
import { describe, expect, test } from 'vitest'
import { analyzeDetailed } from '../analyze'
import { SEED_FILE_NAME, SEED_MANIFEST } from '../../presets/seed'
import { compileRoutes } from './compile-routes'
import { routeDiagnostics } from './route-diagnostics'
import { routeRequest } from './route-request'

const { analysis, locate } = analyzeDetailed([{ name: SEED_FILE_NAME, text: SEED_MANIFEST }])
const compiled = compileRoutes(analysis.model)

describe('the seed scenario', () => {
  test('http://foo.bar.com/foos1/abc goes to s1:80 as /', () => {
    expect(routeRequest(compiled, { url: 'http://foo.bar.com/foos1/abc' })).toMatchObject({
      status: 200, service: 's1', port: 80, namespace: 'default', ingress: 'test', host: 'foo.bar.com',
      rewrittenPath: '/', location: null, canary: false,
    })
  })

  test('http://foo.bar.com/bars2 goes to s2:80 as /, and an unknown path of the host gets the 404 backend', () => {
    expect(routeRequest(compiled, { url: 'http://foo.bar.com/bars2/x?y=1' })).toMatchObject({ service: 's2', rewrittenPath: '/', upstreamUri: '/?y=1' })
    expect(routeRequest(compiled, { url: 'http://foo.bar.com/other' })).toMatchObject({ status: 404, service: null })
  })

  test('bar.foo.com\'s path-less rule sends everything to s2:80 unchanged (rewrite-target / equals its path)', () => {
    expect(routeRequest(compiled, { url: 'http://bar.foo.com/any/path' })).toMatchObject({ status: 200, service: 's2', rewrittenPath: null, upstreamUri: '/any/path' })
  })

  test('http://kube-book.com/ is redirected with 308 to https://kube-book.com (trailing slash dropped)', () => {
    const result = routeRequest(compiled, { url: 'http://kube-book.com/' })
    expect(result).toMatchObject({ status: 308, location: 'https://kube-book.com', service: null, ingress: 'ingress-ssl' })
    expect(result.divergences.map((note) => note.id)).toEqual(expect.arrayContaining(['D8', 'D9']))
    expect(routeRequest(compiled, { url: 'https://kube-book.com/' })).toMatchObject({ status: 200, service: 's1' })
  })

  test('the seed compiles without routing warnings; diagnostics locate to the manifest', () => {
    expect(compiled.issues.filter((issue) => issue.severity !== 'info')).toEqual([])
    const diagnostics = routeDiagnostics(compiled, locate)
    expect(diagnostics.every((diagnostic) => diagnostic.file === SEED_FILE_NAME && diagnostic.start.line >= 1)).toBe(true)
  })
})
