/**
 * Paths that break out of the nginx.conf of ingress-nginx before v1.15.0 (docs/routing.md#nginx-quoting). Those
 * controllers pasted a location path as written (`buildLocation` in template.go: `location ~* "^<path>"`,
 * `location = <path>`, `location <path>`; the rewrite regex `"(?i)<path>"` likewise), so a `"`, a backslash at
 * the end, or for a bare name a space, `;` or `{`, ends the name early and the rest becomes configuration: the
 * controller's `nginx -t` fails (the webhook refuses the Ingress, or every reload fails), or, with a crafted
 * path, the configuration gains directives. v1.15.0 escapes `\` and `"` itself. The studio's own nginx.conf
 * quotes every path (nginx-quote.ts); this finding says what older controllers would do with it.
 */
import { msg } from '../messages/message'
import { parseNginxConf } from './nginx-conf-tokens'
import type { CompiledServer, RouteIssue } from './types'

/** Characters that can end or change a word in nginx's tokenizer; a path without any reads as itself. */
const MAY_BREAK = /["'\\\s;{}#$]/

/** True when nginx reads `head { }` — the location line an older ingress-nginx writes — as that one location. */
function readsAsOneLocation(head: string, parameters: number): boolean {
  const parsed = parseNginxConf(`${head} {\n}\n`)
  if (parsed.kind === 'error' || parsed.directives.length !== 1) return false
  const [location] = parsed.directives
  return location?.name === 'location' && location.args.length === parameters && location.block?.length === 0
}

function legacyHead(path: string, modifier: string): { head: string; parameters: number } {
  if (modifier === '~*') return { head: `location ~* "^${path}"`, parameters: 2 }
  if (modifier === '=') return { head: `location = ${path}`, parameters: 2 }
  return { head: `location ${path}`, parameters: 1 }
}

/** One `nginx-conf-injection` warning per Ingress path whose location an older ingress-nginx would write broken. */
export function legacyPathQuotingIssues(servers: readonly CompiledServer[]): RouteIssue[] {
  const issues: RouteIssue[] = []
  const reported = new Set<string>()
  for (const server of servers) {
    for (const loc of server.locations) {
      if (loc.origin !== 'rule' && loc.origin !== 'exact-copy') continue
      if (!loc.ingress || !loc.at) continue
      // Most paths have none of the characters that could matter; those skip the tokenizer (large inputs).
      if (!MAY_BREAK.test(loc.path)) continue
      const { head, parameters } = legacyHead(loc.path, loc.modifier)
      if (readsAsOneLocation(head, parameters)) continue
      const key = `${loc.ingress.index}|${loc.at.join('.')}`
      if (reported.has(key)) continue
      reported.add(key)
      issues.push({
        code: 'nginx-conf-injection',
        severity: 'warning',
        text: msg('legacy-path-injection', {
          path: JSON.stringify(loc.ingressPath),
          line: head.length > 80 ? head.slice(0, 77) + '...' : head,
        }),
        source: loc.ingress.source,
        at: [...loc.at, 'path'],
      })
    }
  }
  return issues
}
