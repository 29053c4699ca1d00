/**
 * `affinity-cookie-path`: `affinity: cookie` on an Ingress whose paths are regular expressions (use-regex or
 * rewrite-target) and no `session-cookie-path`. The cookie's Path is then the Ingress path as written
 * (sticky.lua falls back to `$location_path`), a regex that no request path starts with, so browsers never
 * send the cookie back and no session sticks; controller.go only logs a warning
 * (docs/routing.md#session-affinity). The fix sets session-cookie-path to the literal start the paths share.
 */
import { msg } from '../../messages/message'
import { readAffinity } from '../../route/affinity-annotations'
import { ANNOTATION_PREFIX, getBoolAnnotation, getStringAnnotation } from '../../route/annotation-validation'
import { resolveEnvironment } from '../../route/environment'
import type { Finding, LintRule } from '../types'

const REGEX_SYNTAX = /[()[\]{}*+?|^$\\]/

/**
 * A cookie Path every regex path's requests fall under: the literal start of each, kept whole only when the
 * regex goes on with `/` or `(/` (a cookie Path matches only up to a `/` boundary, RFC 6265 §5.1.4), then the
 * segments they share (`/api(/|$)(.*)` → `/api`, `/foo/.*` → `/foo`, `/v[12]/x` → `/`).
 */
export function literalCookiePath(paths: readonly string[]): string {
  const prefixes = paths.map((path) => {
    const cut = path.search(/[.()[\]{}*+?|^$\\]/)
    const literal = cut === -1 ? path : path.slice(0, cut)
    const whole = literal.endsWith('/') || cut === -1 || path.startsWith('(/', cut)
    return (whole ? literal : literal.slice(0, literal.lastIndexOf('/') + 1)).split('/').filter((part) => part !== '')
  })
  const shared: string[] = []
  for (let i = 0; prefixes.every((segments) => i < segments.length && segments[i] === prefixes[0]?.[i]); i++) shared.push(prefixes[0]?.[i] as string)
  return '/' + shared.join('/')
}

export const affinityCookiePath: LintRule = {
  id: 'affinity-cookie-path',
  check({ model }) {
    const findings: Finding[] = []
    const { environment } = resolveEnvironment(model)
    for (const ingress of model.ingresses) {
      const annotations = ingress.meta.annotations
      const affinity = readAffinity(annotations, environment, [])
      if (affinity?.type !== 'cookie' || affinity.cookie.path !== '') continue
      // Read as routing reads them (Go's ParseBool takes `True` and `1` too; a refused rewrite-target is none).
      const regexRead = getBoolAnnotation(annotations, 'use-regex', environment)
      const useRegex = regexRead.kind === 'ok' && regexRead.value
      const rewrite = getStringAnnotation(annotations, 'rewrite-target', environment).kind === 'ok'
      if (!useRegex && !rewrite) continue
      const regexPaths = ingress.rules.flatMap((rule) => rule.paths).map((path) => path.path).filter((path) => REGEX_SYNTAX.test(path))
      const first = regexPaths[0]
      if (first === undefined) continue
      const suggested = literalCookiePath(regexPaths)
      findings.push({
        code: 'affinity-cookie-path',
        source: ingress.source,
        at: ['metadata', 'annotations', ANNOTATION_PREFIX + 'affinity'],
        text: msg('affinity-lint-regex-path', { annotation: useRegex ? 'use-regex' : 'rewrite-target', path: first }),
        fixes: [{
          title: msg('affinity-lint-regex-path-fix', { path: suggested }),
          ops: [{ op: 'set', path: ['metadata', 'annotations', ANNOTATION_PREFIX + 'session-cookie-path'], value: suggested }],
        }],
      })
    }
    return findings
  },
}
