/**
 * No user string changes the structure of the rendered nginx.conf (docs/routing.md#nginx-quoting). Hostile strings
 * go into every field that reaches the file — rule hosts (server_name), regex, Prefix and Exact paths, redirect
 * URLs, canary header, value, pattern and cookie, and a controller ConfigMap value — and the file read back with
 * nginx's tokenizer rules (`nginx-conf-tokens.ts`) must have exactly the directives and blocks, in order, of the
 * same Ingress set with each hostile character replaced by a letter.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compileRoutes } from './compile-routes'
import { confShape, parseNginxConf, type ConfDirective } from './nginx-conf-tokens'
import { renderNginxConf } from './render-nginx-conf'
import type { DiagnosticCode } from '../diagnostics'
import { configMapYaml, ingressYaml, joinDocuments, nginx } from '../testing/manifests'
import { modelOf } from '../testing/models'

/** Each hostile character and the letter its harmless twin has in its place (letters the generator never uses). */
const TWIN: Readonly<Record<string, string>> = {
  '"': 'Q', "'": 'S', '\\': 'B', ';': 'C', '{': 'L', '}': 'R', '#': 'H', ' ': 'W', '\n': 'N', '\r': 'M', '\t': 'T', $: 'D',
}
const harmless = (text: string): string => [...text].map((ch) => TWIN[ch] ?? ch).join('')

const plain = fc.constantFrom(...'abcxyz019/.-')
const hostileChar = fc.constantFrom(...Object.keys(TWIN))
const hostileText = (min: number, unit = fc.oneof(plain, hostileChar, fc.constant('\\"'), fc.constant('" { return 200 x; } location ~* "'))): fc.Arbitrary<string> =>
  fc.array(unit, { minLength: min, maxLength: 8 }).map((parts) => parts.join(''))

interface Fields {
  readonly host: string
  readonly regexPath: string
  readonly prefixPath: string
  readonly exactPath: string
  readonly redirect: string
  readonly canaryHeader: string
  readonly canaryValue: string
  readonly canaryCookie: string
  readonly noTls: string
}

const fieldsArbitrary: fc.Arbitrary<Fields> = fc.record({
  host: hostileText(1).map((host) => `h${host}.test`),
  regexPath: hostileText(1).map((path) => `/r${path}`),
  prefixPath: hostileText(1).map((path) => `/p${path}`),
  exactPath: hostileText(1).map((path) => `/e${path}`),
  // A redirect URL with whitespace is not one (ingress-nginx ignores it), and a $ leaves the location out: unit-tested.
  redirect: hostileText(0, fc.oneof(plain, fc.constantFrom('"', "'", '\\', ';', '{', '}', '#'))).map((rest) => `https://new.test/${rest}`),
  canaryHeader: hostileText(1).map((name) => `X-${name}`),
  canaryValue: hostileText(1),
  canaryCookie: hostileText(1),
  noTls: hostileText(1).map((path) => `/n${path}`),
})

const twinOf = (fields: Fields): Fields =>
  Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, harmless(value)])) as unknown as Fields

/** What the API server would refuse in these strings; the studio still reads and renders such input. */
const REJECTED: readonly DiagnosticCode[] = ['invalid-host', 'invalid-path', 'invalid-value', 'invalid-label']

function render(fields: Fields): string {
  const text = joinDocuments(
    ingressYaml('regex', {
      annotations: nginx({ 'use-regex': 'true', 'permanent-redirect': fields.redirect }),
      rules: [{ host: fields.host, paths: [{ path: fields.regexPath, type: 'ImplementationSpecific', backend: 'api:80' }] }],
    }),
    ingressYaml('plain', { rules: [{ host: 'plain.test', paths: [{ path: fields.prefixPath, backend: 'web:80' }, { path: fields.exactPath, type: 'Exact', backend: 'web:80' }] }] }),
    ingressYaml('canary', {
      annotations: nginx({ canary: 'true', 'canary-by-header': fields.canaryHeader, 'canary-by-header-value': fields.canaryValue, 'canary-by-cookie': fields.canaryCookie }),
      rules: [{ host: 'plain.test', paths: [{ path: fields.prefixPath, backend: 'web-next:80' }] }],
    }),
    configMapYaml('ingress-nginx-controller', { 'no-tls-redirect-locations': fields.noTls }),
  )
  // Annotation validation off (controllers before v1.12): with it on, the hostile annotation values would get their
  // Ingress rejected (annotation-validation.ts) and never reach the file this test is about.
  return renderNginxConf(compileRoutes(modelOf(text, { allowErrors: REJECTED }), { annotationValidation: false }))
}

function parsed(conf: string): readonly ConfDirective[] {
  const result = parseNginxConf(conf)
  if (result.kind === 'error') throw new Error(`nginx would refuse the file: line ${result.line}: ${result.message}\n${conf}`)
  return result.directives
}

describe('rendered nginx.conf under hostile strings', () => {
  test('property: the structure equals the harmless twin\'s; no string adds a directive, parameter or block', () => {
    let compared = 0
    fc.assert(fc.property(fieldsArbitrary, (fields) => {
      const conf = render(fields)
      // Only NULs, control characters and $ where nginx expands variables are left out; the twin has none of them.
      fc.pre(!conf.includes(' left out: '))
      expect(confShape(parsed(conf))).toEqual(confShape(parsed(render(twinOf(fields)))))
      compared++
    }), { numRuns: 300, seed: 20261203 })
    expect(compared).toBeGreaterThan(200)
  }, 60_000)

  test('property: every location parameter reads back as the value the engine routes by', () => {
    fc.assert(fc.property(fieldsArbitrary, (fields) => {
      const conf = render(fields)
      fc.pre(!conf.includes(' left out: '))
      const http = parsed(conf).find((d) => d.name === 'http')
      const names = (http?.block ?? []).filter((d) => d.name === 'server').flatMap((server) => server.block ?? [])
        .filter((d) => d.name === 'location').map((d) => d.args[d.args.length - 1])
      expect(names).toContain(`^${fields.regexPath.replace(/\\(["'\\])/g, '$1')}`)
    }), { numRuns: 200, seed: 20261204 })
  }, 60_000)
})
