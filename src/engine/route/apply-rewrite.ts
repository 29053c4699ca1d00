/**
 * ingress-nginx's rewrite-target: `rewrite "(?i)<path>" <target> break;` inside the location. When the
 * (unanchored, case-insensitive) path regex matches the normalised URI, the whole URI becomes the target with
 * `$1`–`$9` replaced by the path's capture groups; nginx then proxies the new URI escaped, with the original
 * query appended. A target starting with `http://` or `https://` makes nginx answer 302 instead.
 */
import { msg, type Message } from '../messages/message'
import { escapeArgs, escapeUri, toByteString, unescapeRedirect } from './normalize-uri'
import { translatePcre, unescapeNginxToken } from './pcre'
import { BoundedRegex } from './regex/bounded-regex'

const REWRITE_NOT_EVALUABLE = msg('trace-rewrite-not-evaluable')

export type RewriteOutcome =
  | { readonly kind: 'no-match' }
  | { readonly kind: 'unsupported'; readonly reason: Message }
  /** PCRE stops with its match-limit error: nginx's rewrite module answers 500 (ngx_http_script_regex_start_code). */
  | { readonly kind: 'match-limit' }
  /** `path` is the new URI (decoded bytes); `upstreamUri` is what nginx sends: escaped path plus `?query`. */
  | { readonly kind: 'rewritten'; readonly path: string; readonly upstreamUri: string; readonly captures: readonly string[] }
  | { readonly kind: 'redirect'; readonly location: string }

/**
 * How a location's `rewrite "(?i)<path>"` is matched: a literal path (no regex syntax, the common case) by an
 * ASCII-caseless search, which is what PCRE does for it and keeps thousands of Ingresses from each holding
 * a compiled regex; anything else by a bounded regex (`regex/bounded-regex.ts`). Null when the pattern cannot be
 * evaluated here.
 */
export type RewriteMatcher = { readonly kind: 'literal'; readonly lower: string } | { readonly kind: 'regex'; readonly regex: BoundedRegex }

/** The matcher for `rewrite "(?i)<path>"`, or null when it cannot be evaluated here. */
export function compileRewriteMatcher(path: string): RewriteMatcher | null {
  const pattern = toByteString(unescapeNginxToken(path))
  if (!/[\\^$.|?*+()[\]{]/.test(pattern)) return { kind: 'literal', lower: pattern.replace(/[A-Z]+/g, (run) => run.toLowerCase()) }
  const translated = translatePcre('(?i)' + pattern, true)
  return translated.kind === 'ok' ? { kind: 'regex', regex: new BoundedRegex(translated.source, true) } : null
}

function matchRewrite(matcher: RewriteMatcher, uri: string): readonly (string | undefined)[] | Exclude<RewriteOutcome, { kind: 'rewritten' | 'redirect' }> {
  if (matcher.kind === 'regex') {
    const match = matcher.regex.exec(uri)
    if (match.kind === 'match') return match.captures
    if (match.kind === 'not-evaluable') return { kind: 'unsupported', reason: match.reason }
    return match
  }
  const lowered = /[A-Z]/.test(uri) ? uri.replace(/[A-Z]+/g, (run) => run.toLowerCase()) : uri
  const at = lowered.indexOf(matcher.lower)
  return at === -1 ? { kind: 'no-match' } : [uri.slice(at, at + matcher.lower.length)]
}

/** Substitutes `$1`–`$9`; other `$name` variables are not modelled and become empty. */
function substitute(target: string, captures: readonly (string | undefined)[], escape: (text: string) => string): string {
  return target.replace(/\$(?:([1-9])|\{?[A-Za-z_][A-Za-z0-9_]*\}?)/g, (_whole, digit: string | undefined) =>
    digit === undefined ? '' : escape(captures[Number(digit)] ?? ''),
  )
}

/**
 * Applies `target` with the location's rewrite `matcher` (from `compileRewriteMatcher`; null when it could
 * not be compiled) to the normalised `uri`. `quoted` and `plus` are nginx's flags for a request whose path had
 * `%` or `+` (they decide whether captures are escaped in a redirect).
 */
export function applyRewrite(
  matcher: RewriteMatcher | null,
  target: string,
  uri: string,
  query: string | null,
  flags: { readonly quoted: boolean; readonly plus: boolean },
): RewriteOutcome {
  if (matcher === null) return { kind: 'unsupported', reason: REWRITE_NOT_EVALUABLE }
  const captures = matchRewrite(matcher, uri)
  if (!Array.isArray(captures)) return captures as Exclude<RewriteOutcome, { kind: 'rewritten' | 'redirect' }>
  if (/^https?:\/\//.test(target)) {
    const escapeCapture = flags.quoted || flags.plus ? escapeArgs : (text: string) => text
    let location = unescapeRedirect(substitute(target, captures, escapeCapture))
    if (query !== null && query !== '') location += '?' + query
    return { kind: 'redirect', location }
  }
  const rewritten = substitute(target, captures, (text) => text)
  const upstreamUri = escapeUri(rewritten) + (query !== null && query !== '' ? '?' + query : '')
  return { kind: 'rewritten', path: rewritten, upstreamUri, captures: captures.slice(1).map((capture) => capture ?? '') }
}
