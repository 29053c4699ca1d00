/**
 * The per-request canary decision ingress-nginx makes in Lua (balancer.lua route_to_alternative_balancer):
 * header (exact value, then pattern, then always/never), then cookie (always/never), then weight. A pattern
 * runs through `ngx.re.match`, unanchored and case-sensitive; when PCRE stops with an error (its match limit,
 * docs/routing.md#regex-match-limit) the Lua logs it and returns false at once: the primary answers, and the
 * cookie and weight are not consulted.
 */
import { translatePcre } from './pcre'
import { BoundedRegex } from './regex/bounded-regex'
import type { RandomSource } from './random'
import type { CanaryPolicy, CompiledUpstream } from './types'

export interface CanaryDecision {
  /** The canary upstream when it was chosen, else null. */
  readonly canary: CompiledUpstream | null
  /** Plain-language reason, null when the primary has no usable canary at all. */
  readonly reason: string | null
}

/** nginx's `$http_<name>` lookup: header names compare case-insensitively with `-` and `_` equal. */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/-/g, '_')
}

const patternCache = new Map<string, BoundedRegex | null>()

function compilePattern(pattern: string): BoundedRegex | null {
  let regex = patternCache.get(pattern)
  if (regex === undefined) {
    const translated = translatePcre(pattern, false)
    regex = translated.kind === 'ok' ? new BoundedRegex(translated.source, translated.caseless) : null
    if (patternCache.size > 1000) patternCache.clear()
    patternCache.set(pattern, regex)
  }
  return regex
}

function decideByPolicy(
  policy: CanaryPolicy,
  headers: ReadonlyMap<string, string>,
  cookies: ReadonlyMap<string, string>,
  random: RandomSource,
): { use: boolean; reason: string } {
  if (policy.header !== null) {
    const value = headers.get(headerKey(policy.header))
    if (value !== undefined) {
      if (policy.headerValue !== null) {
        if (value === policy.headerValue) return { use: true, reason: `header ${policy.header} equals canary-by-header-value "${policy.headerValue}"` }
      } else if (policy.headerPattern !== null) {
        const regex = compilePattern(policy.headerPattern)
        if (regex === null) return { use: false, reason: `canary-by-header-pattern "${policy.headerPattern}" is not a usable regex, so the primary answers` }
        const verdict = regex.test(value)
        if (verdict === 'match') return { use: true, reason: `header ${policy.header} matches canary-by-header-pattern "${policy.headerPattern}"` }
        if (verdict === 'match-limit') {
          return { use: false, reason: `canary-by-header-pattern "${policy.headerPattern}" hits PCRE's match limit on header ${policy.header}; ingress-nginx's Lua (balancer.lua) logs "error when matching canary-by-header-pattern" and routes to the primary without trying the cookie or weight` }
        }
        if (verdict === 'not-evaluable') return { use: false, reason: `canary-by-header-pattern "${policy.headerPattern}" cannot be evaluated here on this header, so the primary is assumed` }
      } else if (value === 'always') {
        return { use: true, reason: `header ${policy.header}: always` }
      } else if (value === 'never') {
        return { use: false, reason: `header ${policy.header}: never` }
      }
    }
  }
  if (policy.cookie !== null) {
    const value = cookies.get(policy.cookie)
    if (value === 'always') return { use: true, reason: `cookie ${policy.cookie}=always` }
    if (value === 'never') return { use: false, reason: `cookie ${policy.cookie}=never` }
  }
  // Lua: math.random(total) <= weight, where total is canary-weight-total only when above 100.
  const total = policy.weightTotal > 100 ? policy.weightTotal : 100
  const draw = 1 + Math.floor(random.next() * total)
  const use = draw <= policy.weight
  return { use, reason: `canary-weight ${policy.weight} of ${total}: drew ${draw}, so the ${use ? 'canary' : 'primary'} answers` }
}

/** Decides whether the canary attached to `primary` takes this request. */
export function decideCanary(
  primary: CompiledUpstream,
  upstreams: ReadonlyMap<string, CompiledUpstream>,
  headers: ReadonlyMap<string, string>,
  cookies: ReadonlyMap<string, string>,
  random: RandomSource,
): CanaryDecision {
  const first = primary.alternatives[0]
  if (first === undefined) return { canary: null, reason: null }
  const alternative = upstreams.get(first)
  if (!alternative || !alternative.canary) {
    return { canary: null, reason: `canary upstream ${first} was deleted (one of its canary paths has no primary), so the primary answers` }
  }
  const decision = decideByPolicy(alternative.canary, headers, cookies, random)
  return { canary: decision.use ? alternative : null, reason: decision.reason }
}
