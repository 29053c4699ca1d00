/**
 * ingress-nginx's rewrite-target: `rewrite "(?i)<path>" <target> break;` inside the location. When the
 * (unanchored, case-insensitive) path regex matches the normalised URI, the whole URI becomes the target with
 * `$1`–`$9` replaced by the path's capture groups; nginx then proxies the new URI escaped, with the original
 * query appended. A target starting with `http://` or `https://` makes nginx answer 302 instead.
 */
import { escapeArgs, escapeUri, unescapeRedirect } from './normalize-uri'
import { translatePcre, unescapeNginxToken } from './pcre'
import { toByteString } from './normalize-uri'

export type RewriteOutcome =
  | { readonly kind: 'no-match' }
  | { readonly kind: 'unsupported'; readonly reason: string }
  /** `path` is the new URI (decoded bytes); `upstreamUri` is what nginx sends: escaped path plus `?query`. */
  | { readonly kind: 'rewritten'; readonly path: string; readonly upstreamUri: string; readonly captures: readonly string[] }
  | { readonly kind: 'redirect'; readonly location: string }

/** Compiled rewrite regexes by location path. */
export type RewriteCache = Map<string, RegExp | null>

function rewriteRegex(path: string, cache: RewriteCache): RegExp | null {
  let regex = cache.get(path)
  if (regex === undefined) {
    const translated = translatePcre(toByteString(unescapeNginxToken('(?i)' + path)), true)
    regex = translated.kind === 'ok' ? new RegExp(translated.source, 'i') : null
    cache.set(path, regex)
  }
  return regex
}

/** Substitutes `$1`–`$9`; other `$name` variables are not modelled and become empty. */
function substitute(target: string, captures: readonly (string | undefined)[], escape: (text: string) => string): string {
  return target.replace(/\$(?:([1-9])|\{?[A-Za-z_][A-Za-z0-9_]*\}?)/g, (_whole, digit: string | undefined) =>
    digit === undefined ? '' : escape(captures[Number(digit)] ?? ''),
  )
}

/**
 * Applies `target` for the location `path` to the normalised `uri`. `quoted` and `plus` are nginx's flags
 * for a request whose path had `%` or `+` (they decide whether captures are escaped in a redirect).
 */
export function applyRewrite(
  path: string,
  target: string,
  uri: string,
  query: string | null,
  flags: { readonly quoted: boolean; readonly plus: boolean },
  cache: RewriteCache,
): RewriteOutcome {
  const regex = rewriteRegex(path, cache)
  if (regex === null) return { kind: 'unsupported', reason: `the rewrite regex (?i)${path} cannot be evaluated here` }
  const match = regex.exec(uri)
  if (!match) return { kind: 'no-match' }
  const captures = [...match]
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
