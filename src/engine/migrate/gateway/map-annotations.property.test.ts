/**
 * Properties of the annotation mapping, through both routers (ingress-nginx over the Ingresses, the Gateway over the
 * mapping's routes): a rewrite-target without captures answers every request alike, except the requests the
 * `regex-host` finding names (another letter case, a longer name); a use-regex path answers alike, letter cases
 * included.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PathType } from '../../model/types'
import { answerOf, bothRouters, convertWithMapping } from '../../testing/annotation-mapping'
import { ingressYaml, joinDocuments, nginx, serviceYaml } from '../../testing/manifests'

const segment = fc.stringMatching(/^[a-z0-9]{1,4}$/)
const pathOf = (segments: readonly string[]): string => '/' + segments.join('/')

function conversionOf(annotations: Record<string, string>, path: string, type: PathType): ReturnType<typeof convertWithMapping> {
  return convertWithMapping(joinDocuments(serviceYaml('app'),
    ingressYaml('app', { annotations: nginx(annotations), rules: [{ host: 'h.test', paths: [{ path, type, backend: 'app:80' }] }] })))
}

/** Swaps the letter case of every other letter: a request ingress-nginx's `~*` matches and a case-sensitive match does not. */
function otherCase(path: string): string {
  let count = 0
  return path.replace(/[a-z]/g, (ch) => (count++ % 2 === 0 ? ch.toUpperCase() : ch))
}

describe('rewrite-target without captures', () => {
  it('answers alike, or differs only where regex-host says (another letter case, a longer name)', () => {
    fc.assert(fc.property(
      fc.array(segment, { minLength: 1, maxLength: 3 }), fc.array(segment, { maxLength: 2 }), fc.constantFrom<PathType>('ImplementationSpecific', 'Prefix', 'Exact'), segment,
      (segments, targetSegments, type, extra) => {
        const path = pathOf(segments)
        const target = pathOf(targetSegments)
        const conversion = conversionOf({ 'rewrite-target': target }, path, type)
        const requests = [path, path + '/', `${path}/${extra}`, `${path}/${extra}/x?q=1`, path + extra, otherCase(path), `/${extra}${path}`, '/']
        for (const request of requests) {
          const url = `http://h.test${request}`
          const { nginx: a, gateway: b } = bothRouters(conversion, { url })
          const [nginxAnswer, gatewayAnswer] = [answerOf(a, url), answerOf(b, url)]
          if (nginxAnswer === gatewayAnswer) continue
          // What the regex-host finding says: nginx matched `^<path>` case-insensitively, the route matches as written.
          const named = request.toLowerCase().startsWith(path.toLowerCase()) && gatewayAnswer === '404'
          expect(named, `${url}: ingress-nginx ${nginxAnswer}, Gateway ${gatewayAnswer}`).toBe(true)
          expect(nginxAnswer).toBe(`200 app ${target}`)
        }
        // A target equal to the path is no rewrite: nothing converted, nothing to say.
        expect(conversion.findings.map((f) => f.code).sort()).toEqual(target === path ? [] : ['annotation-converted', 'regex-host'])
      },
    ), { seed: 16, numRuns: 40 })
  })
})

/** A use-regex path of atoms the RE2 and PCRE readings agree on, and a subject each atom matches. */
const atom = fc.oneof(
  segment.map((text) => ({ pattern: text, sample: text })),
  fc.stringMatching(/^[0-9]{1,3}$/).map((digits) => ({ pattern: '[0-9]+', sample: digits })),
  fc.constantFrom('ab', 'cd').map((choice) => ({ pattern: '(ab|cd)', sample: choice })),
  // Never an empty sample: `//` would meet nginx's merge_slashes, a difference of paths, not of the mapping.
  fc.stringMatching(/^[a-z]{1,3}$/).map((letters) => ({ pattern: '[a-z]*', sample: letters })),
  fc.boolean().map((two) => ({ pattern: 'v2?', sample: two ? 'v2' : 'v' })),
)

describe('use-regex', () => {
  it('answers alike through both routers, letter cases and longer paths included', () => {
    fc.assert(fc.property(fc.array(atom, { minLength: 1, maxLength: 3 }), fc.boolean(), segment, (atoms, anchored, extra) => {
      const path = '/' + atoms.map((a) => a.pattern).join('/') + (anchored ? '$' : '')
      const sample = '/' + atoms.map((a) => a.sample).join('/')
      const conversion = conversionOf({ 'use-regex': 'true' }, path, 'ImplementationSpecific')
      for (const request of [sample, sample + '/', `${sample}/${extra}`, sample + extra, otherCase(sample), `/${extra}${sample}`, `${sample}?q=1`]) {
        const url = `http://h.test${request}`
        const { nginx: a, gateway: b } = bothRouters(conversion, { url })
        expect(answerOf(b, url), `${path}: ${url}`).toBe(answerOf(a, url))
      }
    }), { seed: 16, numRuns: 40 })
  })
})
