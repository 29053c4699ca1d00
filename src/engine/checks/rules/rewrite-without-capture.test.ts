/**
 * rewrite-without-capture: fires only when the rewrite-target reads nothing of the request path (docs/routing.md#rewrite-target):
 * named groups are captures too (nginx makes each a variable: ngx_http_regex_compile), and $uri / $request_uri carry the path.
 */
import { describe, expect, it } from 'vitest'
import { analyzeText } from '../../testing/analyze-text'

const rewrite = (target: string, path: string, type = 'ImplementationSpecific'): string => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: '${target}'
spec:
  rules:
  - host: a.test
    http:
      paths:
      - path: ${path}
        pathType: ${type}
        backend:
          service: {name: web, port: {number: 80}}
`

const fires = (target: string, path: string, type?: string): boolean => analyzeText(rewrite(target, path, type)).of('rewrite-without-capture').length > 0

describe('rewrite-without-capture', () => {
  it.each([
    ['/id/$id', '/id/(?<id>[0-9]+)'],
    ['/id/${id}', '/id/(?<id>[0-9]+)'],
    ['/u/$User', '/u/(?P<user>[a-z]+)'],
    ["/t/$tag", "/t/(?'tag'[a-z]+)"],
    ['/$2', '/api(/|$)(.*)'],
    ['/v2$uri', '/api'],
    ['/v2$request_uri', '/api'],
  ])('does not fire for %s on path %s: the target reads the path', (target, path) => {
    expect(fires(target, path)).toBe(false)
  })

  it.each([
    ['/', '/api', 'Prefix'],
    ['/id/$id', '/id/(?<num>[0-9]+)', 'ImplementationSpecific'],
    ['/$host/x', '/api', 'Prefix'],
  ])('fires for %s on path %s: nothing of the path survives', (target, path, type) => {
    expect(fires(target, path, type)).toBe(true)
  })

  it('says what the target lacks, naming named groups and the path variables', () => {
    const [finding] = analyzeText(rewrite('/', '/api', 'Prefix')).of('rewrite-without-capture')
    expect(finding?.message).toContain('no capture ($1–$9, or $name of a named group')
  })
})
