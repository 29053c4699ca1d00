/**
 * `affinity-cookie-name`: a `session-cookie-name` that ingress-nginx's validator accepts (BasicCharsRegex lets
 * `/` and `:` through, and removes spaces before checking) but that is not a cookie name a browser keeps as
 * written (RFC 6265: a token, no separators). The fix replaces each such character with `_`
 * (docs/routing.md#session-affinity).
 */
import { msg } from '../../messages/message'
import { cookieNameProblem, readAffinity } from '../../route/affinity-annotations'
import { ANNOTATION_PREFIX } from '../../route/annotation-validation'
import { resolveEnvironment } from '../../route/environment'
import type { Finding, LintRule } from '../types'

const KEY = ANNOTATION_PREFIX + 'session-cookie-name'

export const affinityCookieName: LintRule = {
  id: 'affinity-cookie-name',
  check({ model }) {
    const findings: Finding[] = []
    const { environment } = resolveEnvironment(model)
    for (const ingress of model.ingresses) {
      const affinity = readAffinity(ingress.meta.annotations, environment, [])
      if (affinity?.type !== 'cookie') continue
      const name = affinity.cookie.name
      const char = cookieNameProblem(name)
      if (char === null) continue
      const renamed = [...name].map((ch) => (cookieNameProblem(ch) === null ? ch : '_')).join('')
      findings.push({
        code: 'affinity-cookie-name',
        source: ingress.source,
        at: ['metadata', 'annotations', KEY],
        text: msg('affinity-lint-cookie-name', { name, char: char === ' ' ? '" "' : char }),
        fixes: [{ title: msg('affinity-lint-cookie-name-fix', { name: renamed }), ops: [{ op: 'set', path: ['metadata', 'annotations', KEY], value: renamed }] }],
      })
    }
    return findings
  },
}
