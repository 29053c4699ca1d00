/**
 * ingress-nginx's rewrite-target: `rewrite "(?i)<path>" <target> break;` inside the location. When the
 * (unanchored, case-insensitive) path regex matches the normalised URI, the whole URI becomes the target with
 * `$1`–`$9`, named groups (`$name`, `${name}`) and other nginx variables (`nginx-variables.ts`) replaced; nginx
 * then proxies the new URI escaped (NGX_ESCAPE_URI) with the arguments after it. A target starting with
 * `http://`, `https://` or `$scheme` makes nginx answer 302 instead (docs/routing.md#rewrite-target).
 */
import { msg, type Message } from '../messages/message'
import { expandRewrite, parseNginxTemplate, variableValue, type NginxVariableRequest } from './nginx-variables'
import { escapeUri, toByteString } from './normalize-uri'
import { pcreCaptureNames } from './pcre-groups'
import { translatePcre, unescapeNginxToken } from './pcre'
import { BoundedRegex } from './regex/bounded-regex'

const REWRITE_NOT_EVALUABLE = msg('trace-rewrite-not-evaluable')

/** What happened to the request's arguments (`?` in the target, docs/routing.md#rewrite-target). */
export type RewriteArgs = 'kept' | 'replaced' | 'appended' | 'dropped'

export type RewriteOutcome =
  | { readonly kind: 'no-match' }
  | { readonly kind: 'unsupported'; readonly reason: Message }
  /** PCRE stops with its match-limit error: nginx's rewrite module answers 500 (ngx_http_script_regex_start_code). */
  | { readonly kind: 'match-limit' }
  /** The new URI is empty (a target of only empty captures or variables): nginx answers 500. */
  | { readonly kind: 'empty-uri' }
  /**
   * `path` is the new URI (decoded bytes); `upstreamUri` is what nginx sends: `path` escaped, then `?args`.
   * `captures` are groups 1…n, `names` the named groups, `variables` the other variables the target read.
   */
  | {
      readonly kind: 'rewritten'
      readonly path: string
      readonly upstreamUri: string
      readonly captures: readonly string[]
      readonly names: ReadonlyMap<string, number>
      readonly variables: readonly { readonly name: string; readonly value: string }[]
      readonly args: RewriteArgs
    }
  /** `variables`: the named groups and other variables the target copied into the Location (unescaped). */
  | { readonly kind: 'redirect'; readonly location: string; readonly variables: readonly { readonly name: string; readonly value: string }[] }

/**
 * How a location's `rewrite "(?i)<path>"` is matched: a literal path (no regex syntax, the common case) by an
 * ASCII-caseless search, which is what PCRE does for it and keeps thousands of Ingresses from each holding
 * a compiled regex; anything else by a bounded regex (`regex/bounded-regex.ts`), with its named groups numbered as
 * PCRE numbers them. Null when the pattern cannot be evaluated here.
 */
export type RewriteMatcher =
  | { readonly kind: 'literal'; readonly lower: string }
  | { readonly kind: 'regex'; readonly regex: BoundedRegex; readonly names: ReadonlyMap<string, number> }

const NO_NAMES: ReadonlyMap<string, number> = new Map()

/** The matcher for `rewrite "(?i)<path>"`, or null when it cannot be evaluated here. */
export function compileRewriteMatcher(path: string): RewriteMatcher | null {
  const pattern = toByteString(unescapeNginxToken(path))
  if (!/[\\^$.|?*+()[\]{]/.test(pattern)) return { kind: 'literal', lower: pattern.replace(/[A-Z]+/g, (run) => run.toLowerCase()) }
  const translated = translatePcre('(?i)' + pattern, true)
  if (translated.kind !== 'ok') return null
  const names = pcreCaptureNames(pattern)
  const lowered = names.size === 0 ? NO_NAMES : new Map([...names].map(([name, group]) => [name.toLowerCase(), group]))
  return { kind: 'regex', regex: new BoundedRegex(translated.source, true), names: lowered }
}

function matchRewrite(matcher: RewriteMatcher, uri: string): readonly (string | undefined)[] | Exclude<RewriteOutcome, { kind: 'rewritten' | 'redirect' | 'empty-uri' }> {
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

/** The request as the rewrite sees it: its normalised URI and flags, and what its variables read. */
export interface RewriteRequest extends NginxVariableRequest {
  /** The path contained `%` (nginx's `quoted_uri`). */
  readonly quoted: boolean
  /** The path contained `+`, raw or encoded (nginx's `plus_in_uri`). */
  readonly plus: boolean
}

function argsChange(target: string, requestArgs: string | null): RewriteArgs {
  if (target.endsWith('?')) return 'dropped'
  const hasArgs = requestArgs !== null && requestArgs !== ''
  if (!target.includes('?')) return 'kept'
  return hasArgs ? 'appended' : 'replaced'
}

/**
 * Applies `target` with the location's rewrite `matcher` (from `compileRewriteMatcher`; null when it could
 * not be compiled) to `request` (its `uri` normalised). The captures are escaped as nginx does: in a redirect,
 * or after a `?` in the target, with NGX_ESCAPE_ARGS when the request path had `%` or `+`; the new path is sent
 * upstream escaped with NGX_ESCAPE_URI (ngx_http_proxy_create_request, a rewritten request is `internal`).
 */
export function applyRewrite(matcher: RewriteMatcher | null, target: string, request: RewriteRequest): RewriteOutcome {
  if (matcher === null) return { kind: 'unsupported', reason: REWRITE_NOT_EVALUABLE }
  const groups = matchRewrite(matcher, request.uri)
  if (!Array.isArray(groups)) return groups as Exclude<RewriteOutcome, { kind: 'rewritten' | 'redirect' | 'empty-uri' }>
  const names = matcher.kind === 'regex' ? matcher.names : NO_NAMES
  const captures = { groups, names }
  const expanded = expandRewrite(target, request, captures, request)
  if (expanded.kind === 'redirect') {
    return { kind: 'redirect', location: expanded.location, variables: readVariables(target, request, captures) }
  }
  if (expanded.uri === '') return { kind: 'empty-uri' }
  const upstreamUri = escapeUri(expanded.uri) + (expanded.args !== '' ? '?' + expanded.args : '')
  return {
    kind: 'rewritten',
    path: expanded.uri,
    upstreamUri,
    captures: groups.slice(1).map((capture) => capture ?? ''),
    names,
    variables: readVariables(target, request, captures),
    args: argsChange(target, request.args),
  }
}

/** The variables (other than captures) `target` reads, with their values, for the trace. */
function readVariables(target: string, request: NginxVariableRequest, captures: { groups: readonly (string | undefined)[]; names: ReadonlyMap<string, number> }): { name: string; value: string }[] {
  if (!/\$(?:\{|[A-Za-z_0])/.test(target)) return []
  const parsed = parseNginxTemplate(target, 'value')
  if (parsed.kind !== 'ok') return []
  const seen: { name: string; value: string }[] = []
  for (const part of parsed.parts) {
    if (part.kind !== 'variable' || seen.some((entry) => entry.name === part.name)) continue
    seen.push({ name: part.name, value: variableValue(part.name, request, captures) ?? '' })
  }
  return seen
}
