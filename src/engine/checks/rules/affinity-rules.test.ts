/**
 * The session-affinity lints. Sources: controller.go ("session-cookie-path should be set when use-regex is
 * true"), test/e2e/annotations/affinity.go ("should work with use-regex annotation and session-cookie-path"),
 * parser/validators.go BasicCharsRegex, RFC 6265 §4.1.1 (cookie-name is a token).
 */
import { describe, expect, it } from 'vitest'
import { applyFix, codesOf, fixesFor } from '../../testing/quick-fixes'
import { backendYaml, ingressYaml, joinDocuments, nginx } from '../../testing/manifests'
import { literalCookiePath } from './affinity-cookie-path'

const manifest = (annotations: Record<string, string>, paths: readonly string[]) => joinDocuments(
  backendYaml('web', 2),
  ingressYaml('web', { annotations: nginx({ affinity: 'cookie', ...annotations }), rules: [{ host: 'a.test', paths: paths.map((path) => ({ path, type: 'ImplementationSpecific' as const, backend: 'web:80' })) }] }),
)

describe('affinity-cookie-path', () => {
  it.each([
    [{ 'use-regex': 'true' }, ['/foo/.*'], true, 'controller.go warning: use-regex without session-cookie-path'],
    [{ 'rewrite-target': '/$2' }, ['/api(/|$)(.*)'], true, 'the rewrite path is a regex; $location_path is the Ingress path'],
    [{ 'use-regex': 'true', 'session-cookie-path': '/foo/bar' }, ['/foo/.*'], false, 'e2e: should work with use-regex annotation and session-cookie-path'],
    [{ 'use-regex': 'true' }, ['/plain'], false, 'a literal path is a working cookie Path'],
    [{}, ['/foo/.*'], false, 'without use-regex or rewrite-target the path is no regex to nginx'],
    [{ 'use-regex': 'True' }, ['/foo/.*'], true, "Go's strconv.ParseBool takes True, as routing does"],
  ])('%j on %j → fires: %s (%s)', (annotations, paths, fires, _source) => {
    expect(codesOf(manifest(annotations, paths)).includes('affinity-cookie-path')).toBe(fires)
  })

  it('fixes with the literal start of the paths, which then lints clean', () => {
    const text = manifest({ 'rewrite-target': '/$2' }, ['/api(/|$)(.*)'])
    expect(fixesFor(text, 'affinity-cookie-path')).toHaveLength(1)
    const fixed = applyFix(text, 'affinity-cookie-path')
    expect(fixed).toContain('nginx.ingress.kubernetes.io/session-cookie-path: /api')
    expect(codesOf(fixed)).not.toContain('affinity-cookie-path')
  })

  it.each([
    [['/api(/|$)(.*)'], '/api'],
    [['/foo/.*'], '/foo'],
    [['/v[12]/x'], '/'],
    [['/shop/items/[0-9]+', '/shop/cart(/|$)(.*)'], '/shop'],
  ])('literalCookiePath(%j) = %s (RFC 6265 §5.1.4 path-match stops at /)', (paths, expected) => {
    expect(literalCookiePath(paths)).toBe(expected)
  })
})

describe('affinity-cookie-name', () => {
  it.each([
    ['SERVERID', false, 'e2e: should set sticky cookie SERVERID'],
    ['app/session', true, 'BasicCharsRegex allows /, a separator in RFC 6265'],
    ['app:session', true, 'BasicCharsRegex allows :, a separator'],
    ['my cookie', true, 'ValidateRegex removes spaces before checking; the name keeps its space'],
    ['bad;name', false, 'refused by the validator: the default INGRESSCOOKIE is used (reported as invalid-annotation)'],
  ])('%s → fires: %s (%s)', (name, fires, _source) => {
    expect(codesOf(manifest({ 'session-cookie-name': name }, ['/'])).includes('affinity-cookie-name')).toBe(fires)
  })

  it('fixes by replacing the characters with _', () => {
    const fixed = applyFix(manifest({ 'session-cookie-name': 'app/session' }, ['/']), 'affinity-cookie-name')
    expect(fixed).toContain('session-cookie-name: app_session')
    expect(codesOf(fixed)).not.toContain('affinity-cookie-name')
  })
})
