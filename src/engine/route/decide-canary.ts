/**
 * The per-request canary decision ingress-nginx makes in Lua (balancer.lua route_to_alternative_balancer):
 * header (exact value, then pattern, then always/never), then cookie (always/never), then weight. A pattern
 * runs through `ngx.re.match`, unanchored and case-sensitive; when PCRE stops with an error (its match limit,
 * docs/routing.md#regex-match-limit) the Lua logs it and returns false at once: the primary answers, and the
 * cookie and weight are not consulted.
 */
import { msg, type Message } from '../messages/message'
import { translatePcre } from './pcre'
import { BoundedRegex } from './regex/bounded-regex'
import type { RandomSource } from './random'
import type { CanaryPolicy, CompiledUpstream } from './types'

export interface CanaryDecision {
  /** The canary upstream when it was chosen, else null. */
  readonly canary: CompiledUpstream | null
  /** Why, as a phrase of the trace; null when the primary has no usable canary at all. */
  readonly reason: Message | null
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
): { use: boolean; reason: Message } {
  if (policy.header !== null) {
    const value = headers.get(headerKey(policy.header))
    if (value !== undefined) {
      if (policy.headerValue !== null) {
        if (value === policy.headerValue) return { use: true, reason: msg('trace-canary-header-value', { header: policy.header, value: policy.headerValue }) }
      } else if (policy.headerPattern !== null) {
        const regex = compilePattern(policy.headerPattern)
        if (regex === null) return { use: false, reason: msg('trace-canary-pattern-unusable', { pattern: policy.headerPattern }) }
        const verdict = regex.test(value)
        if (verdict === 'match') return { use: true, reason: msg('trace-canary-pattern-match', { header: policy.header, pattern: policy.headerPattern }) }
        if (verdict === 'match-limit') {
          return { use: false, reason: msg('trace-canary-pattern-limit', { header: policy.header, pattern: policy.headerPattern }) }
        }
        if (verdict === 'not-evaluable') return { use: false, reason: msg('trace-canary-pattern-not-evaluable', { pattern: policy.headerPattern }) }
      } else if (value === 'always') {
        return { use: true, reason: msg('trace-canary-header-always', { header: policy.header }) }
      } else if (value === 'never') {
        return { use: false, reason: msg('trace-canary-header-never', { header: policy.header }) }
      }
    }
  }
  if (policy.cookie !== null) {
    const value = cookies.get(policy.cookie)
    if (value === 'always') return { use: true, reason: msg('trace-canary-cookie-always', { cookie: policy.cookie }) }
    if (value === 'never') return { use: false, reason: msg('trace-canary-cookie-never', { cookie: policy.cookie }) }
  }
  // Lua: math.random(total) <= weight, where total is canary-weight-total only when above 100.
  const total = policy.weightTotal > 100 ? policy.weightTotal : 100
  const draw = 1 + Math.floor(random.next() * total)
  const use = draw <= policy.weight
  return { use, reason: msg(use ? 'trace-canary-weight-canary' : 'trace-canary-weight-primary', { weight: policy.weight, total, draw }) }
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
    return { canary: null, reason: msg('trace-canary-deleted', { upstream: first }) }
  }
  const decision = decideByPolicy(alternative.canary, headers, cookies, random)
  return { canary: decision.use ? alternative : null, reason: decision.reason }
}
