/**
 * `catastrophic-regex`: a regex path (use-regex or rewrite-target) or canary-by-header-pattern with nested
 * quantifiers or a quantified alternation whose branches overlap. A near-miss request makes PCRE backtrack until
 * its match limit: nginx answers 500 after about half a second of CPU per request, or ingress-nginx's Lua
 * sends a canary's traffic to the primary (docs/routing.md#regex-match-limit). Atomic groups and possessive
 * quantifiers are the cure and are judged so (`(?>a+)+b`, `a++b` are not flagged; `route/regex/regex-shape.ts`).
 */
import { msg } from '../../messages/message'
import type { Ingress } from '../../model/types'
import { catastrophicPattern } from '../../route/regex/catastrophic-pattern'
import type { Finding, LintRule } from '../types'

const PREFIX = 'nginx.ingress.kubernetes.io/'

const isTrue = (value: string | undefined): boolean => value !== undefined && /^(1|t|true)$/i.test(value.trim())

function pathFindings(ingress: Ingress): Finding[] {
  const annotations = ingress.meta.annotations
  if (!isTrue(annotations[`${PREFIX}use-regex`]) && (annotations[`${PREFIX}rewrite-target`] ?? '') === '') return []
  const findings: Finding[] = []
  for (const [r, rule] of ingress.rules.entries()) {
    for (const [p, path] of rule.paths.entries()) {
      const reason = catastrophicPattern(path.path, true)
      if (reason === null) continue
      findings.push({
        code: 'catastrophic-regex',
        source: ingress.source,
        at: ['spec', 'rules', r, 'http', 'paths', p, 'path'],
        text: msg('catastrophic-regex-path', { path: path.path, reason }),
      })
    }
  }
  return findings
}

function canaryFinding(ingress: Ingress): Finding | null {
  const key = `${PREFIX}canary-by-header-pattern`
  const pattern = ingress.meta.annotations[key]
  if (pattern === undefined || pattern === '') return null
  const reason = catastrophicPattern(pattern, false)
  if (reason === null) return null
  return {
    code: 'catastrophic-regex',
    source: ingress.source,
    at: ['metadata', 'annotations', key],
    text: msg('catastrophic-regex-canary', { pattern, reason }),
  }
}

export const catastrophicRegex: LintRule = {
  id: 'catastrophic-regex',
  check({ model }) {
    const findings: Finding[] = []
    for (const ingress of model.ingresses) {
      findings.push(...pathFindings(ingress))
      const canary = canaryFinding(ingress)
      if (canary) findings.push(canary)
    }
    return findings
  },
}
