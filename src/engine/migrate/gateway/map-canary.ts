/**
 * The canary Ingress merged into a path's upstream, as HTTPRoute rules (docs/migration.md#annotations): header
 * rules first (canary-by-header with its value, pattern, or `always` / `never`), then the cookie's, then the
 * weighted rule. ingress-nginx decides header, then cookie, then weight (docs/routing.md#canary); the Gateway
 * ranks a match with a header above the same path without one, and among equals takes the route's first rule
 * (docs/gateway-api.md#precedence), so the order of the rules keeps that precedence.
 */
import { msg } from '../../messages/message'
import { annotationFinding } from './annotation-finding'
import type { DraftBackend, DraftCanary, DraftHeaderMatch, DraftRule } from './draft'
import { gatewayReadsRegex } from './map-rewrite'
import type { ConversionFinding } from './types'

/** The Gateway API's largest backendRef weight (httproute_types.go, BackendRef.weight). */
const MAX_WEIGHT = 1_000_000

/** The backend without a weight (a rule with one backendRef sends it everything). */
function unweighted(backend: DraftBackend): DraftBackend {
  const { weight: _weight, ...rest } = backend
  return rest
}

function withHeader(base: DraftRule, header: DraftHeaderMatch, backends: readonly DraftBackend[], comment: string): DraftRule {
  const matches = base.matches.map((match) => ({ ...match, headers: [...(match.headers ?? []), header] }))
  return { ...base, matches, backendRefs: backends, comment }
}

/** Characters RE2 and PCRE read as syntax, escaped for a literal. */
function escapeRegex(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')
}

/**
 * A Cookie header in which the pair `name=value` appears: pairs start at the beginning or after `;` or `,`, spaces
 * skipped, the name in any case, spaces around `=`, the value up to `;` (nginx's `$cookie_name`,
 * docs/routing.md#rewrite-target, variables).
 */
export function cookieHeaderRegex(name: string, value: string): string {
  return `(?:.*[;,])? *(?i:${escapeRegex(name)}) *= *${escapeRegex(value)}(?:;.*)?`
}

/** The weights ingress-nginx's draw gives: `1..total`, at most `weight` goes to the canary. */
export function canaryWeights(weight: number, weightTotal: number): { readonly primary: number; readonly canary: number; readonly total: number } {
  const total = weightTotal > 100 ? weightTotal : 100
  const canary = Math.min(weight, total)
  return { primary: total - canary, canary, total }
}

/**
 * The rules of one path whose upstream has `canaries` (only the first takes effect in ingress-nginx, as in
 * route/decide-canary.ts), built on `base` (the path's match and filters, the primary backend).
 */
export function canaryRules(base: DraftRule, canaries: readonly DraftCanary[], findings: ConversionFinding[]): DraftRule[] {
  const canary = canaries[0]
  const primary = base.backendRefs[0]
  if (!canary || !primary) return [base]
  const { policy, ingress } = canary
  const name = `${ingress.meta.namespace}/${ingress.meta.name}`
  const rules: DraftRule[] = []
  const toCanary = [unweighted(canary.backend)]
  const toPrimary = [unweighted(primary)]
  if (policy.header !== null) {
    const header = policy.header
    if (policy.headerValue !== null) {
      rules.push(withHeader(base, { name: header, value: policy.headerValue }, toCanary, `canary-by-header ${header}: ${policy.headerValue} (Ingress ${name})`))
    } else if (policy.headerPattern !== null) {
      // Lua's ngx.re.match: unanchored and case-sensitive; the Gateway's RegularExpression matches the whole value.
      const value = `.*(?:${policy.headerPattern}).*`
      rules.push(withHeader(base, { type: 'RegularExpression', name: header, value }, toCanary, `canary-by-header-pattern ${header} (Ingress ${name})`))
      const usable = gatewayReadsRegex(value)
      findings.push(annotationFinding(usable ? 'annotation-implementation-specific' : 'annotation-not-converted', ingress, 'canary-by-header-pattern',
        msg(usable ? 'ma-canary-pattern' : 'ma-canary-pattern-not-re2', { header, pattern: policy.headerPattern, regex: value })))
    } else {
      rules.push(withHeader(base, { name: header, value: 'always' }, toCanary, `canary-by-header ${header}: always (Ingress ${name})`))
      rules.push(withHeader(base, { name: header, value: 'never' }, toPrimary, `canary-by-header ${header}: never (Ingress ${name})`))
    }
    if (header.includes('_')) findings.push(annotationFinding('annotation-partly-converted', ingress, 'canary-by-header', msg('ma-canary-header-underscore', { header })))
  }
  if (policy.cookie !== null) {
    const cookie = policy.cookie
    rules.push(withHeader(base, { type: 'RegularExpression', name: 'Cookie', value: cookieHeaderRegex(cookie, 'always') }, toCanary, `canary-by-cookie ${cookie}=always (Ingress ${name})`))
    rules.push(withHeader(base, { type: 'RegularExpression', name: 'Cookie', value: cookieHeaderRegex(cookie, 'never') }, toPrimary, `canary-by-cookie ${cookie}=never (Ingress ${name})`))
    findings.push(annotationFinding('annotation-partly-converted', ingress, 'canary-by-cookie', msg('ma-canary-cookie', { cookie })))
  }
  const weights = canaryWeights(policy.weight, policy.weightTotal)
  if (weights.canary === 0) {
    rules.push(base)
  } else if (weights.total > MAX_WEIGHT) {
    // Keep the share: scale both weights into the CRD's range.
    const scale = MAX_WEIGHT / weights.total
    const canaryWeight = Math.round(weights.canary * scale)
    rules.push({ ...base, backendRefs: [{ ...primary, weight: MAX_WEIGHT - canaryWeight }, { ...canary.backend, weight: canaryWeight }] })
    findings.push(annotationFinding('annotation-partly-converted', ingress, 'canary-weight-total', msg('ma-canary-weight-scaled', { weight: policy.weight, total: weights.total, max: MAX_WEIGHT })))
  } else {
    rules.push({ ...base, backendRefs: [{ ...primary, weight: weights.primary }, { ...canary.backend, weight: weights.canary }] })
  }
  return rules
}
