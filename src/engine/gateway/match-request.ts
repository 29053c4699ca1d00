/**
 * One HTTPRouteMatch against one request (docs/gateway-api.md#routing-a-request): the path (Exact, PathPrefix by
 * whole path elements, RegularExpression), the headers (names case-insensitive, the first of equivalent names
 * counts), the query params (names case-sensitive, the first value of a repeated param counts) and the method.
 * Everything is compiled once per listener index (`gateway-index.ts`); `matches` is the hot path.
 */
import type { HTTPHeaderMatch, HTTPRouteMatch } from '../model/types'
import { toByteString } from '../route/normalize-uri'
import { translatePcre } from '../route/pcre'
import { BoundedRegex } from '../route/regex/bounded-regex'

/** The request as matching sees it. */
export interface MatchSubject {
  /** The path as sent, without query or fragment. */
  readonly path: string
  readonly method: string
  /** Lower-case header names. */
  readonly headers: ReadonlyMap<string, string>
  /** The query: name → first value (percent-decoded). */
  query(): ReadonlyMap<string, string>
}

/** A request's `MatchSubject`; the query is parsed on first use (most rules match no query param). */
export class RequestSubject implements MatchSubject {
  private parsed: ReadonlyMap<string, string> | null = null

  constructor(readonly path: string, readonly method: string, readonly headers: ReadonlyMap<string, string>, private readonly rawQuery: string | null) {}

  query(): ReadonlyMap<string, string> {
    return (this.parsed ??= parseQuery(this.rawQuery))
  }
}

/** A RegularExpression value: RE2 syntax, full match (the studio's choice; the spec leaves the dialect open). */
export class FullMatchRegex {
  private readonly regex: BoundedRegex | null
  /** Why the pattern cannot be used (not RE2, or not a regular expression), null when it can. */
  readonly unusable: boolean

  constructor(readonly pattern: string) {
    this.regex = compileRe2(pattern)
    this.unusable = this.regex === null
  }

  /** Whether the whole `subject` matches; an unusable pattern, or one too costly to evaluate, matches nothing. */
  test(subject: string): boolean {
    return this.regex !== null && this.regex.test(toByteString(subject)) === 'match'
  }
}

/** RE2 has no backreferences, lookaround, atomic groups or possessive repeats; such a pattern is refused. */
const NOT_RE2 = /\\[1-9]|\\k<|\(\?[=!>]|\(\?<[=!]|[*+?}]\+/

function compileRe2(pattern: string): BoundedRegex | null {
  if (NOT_RE2.test(pattern)) return null
  const leading = /^\(\?i\)/.exec(pattern)
  const body = leading ? pattern.slice(leading[0].length) : pattern
  const translated = translatePcre(`^(?:${body})$`, leading !== null)
  if (translated.kind !== 'ok') return null
  return new BoundedRegex(translated.source, translated.caseless)
}

export const PATH_EXACT = 0
export const PATH_PREFIX = 1
export const PATH_REGEX = 2
export type PathKind = typeof PATH_EXACT | typeof PATH_PREFIX | typeof PATH_REGEX

/** A header or query param match, compiled. */
export interface ValueMatcher {
  /** Lower case for headers, as written for query params. */
  readonly name: string
  readonly type: 'Exact' | 'RegularExpression'
  readonly value: string
  readonly regex: FullMatchRegex | null
}

/** An HTTPRouteMatch compiled for matching and ranking. */
export interface CompiledMatch {
  readonly match: HTTPRouteMatch
  readonly pathKind: PathKind
  /** The path value as written. */
  readonly pathValue: string
  /** PathPrefix: the value without its trailing `/` (`''` for `/`); Exact: the value. */
  readonly pathKey: string
  readonly pathRegex: FullMatchRegex | null
  readonly method: string | null
  readonly headers: readonly ValueMatcher[]
  readonly queryParams: readonly ValueMatcher[]
  /** Whether any part is a RegularExpression (the trace then says the dialect is the studio's choice). */
  readonly usesRegex: boolean
}

function valueMatchers(list: readonly HTTPHeaderMatch[], lowerCase: boolean): ValueMatcher[] {
  const seen = new Set<string>()
  const out: ValueMatcher[] = []
  for (const entry of list) {
    const name = lowerCase ? entry.name.toLowerCase() : entry.name
    // httproute_types.go, HTTPHeaderMatch.name / HTTPQueryParamMatch.name: only the first equivalent name counts.
    if (seen.has(name)) continue
    seen.add(name)
    const regex = entry.type === 'RegularExpression' ? new FullMatchRegex(entry.value) : null
    out.push({ name, type: entry.type === 'RegularExpression' ? 'RegularExpression' : 'Exact', value: entry.value, regex })
  }
  return out
}

export function compileMatch(match: HTTPRouteMatch): CompiledMatch {
  const type = match.path.type
  const value = match.path.value
  const pathKind: PathKind = type === 'Exact' ? PATH_EXACT : type === 'RegularExpression' ? PATH_REGEX : PATH_PREFIX
  const pathKey = pathKind === PATH_PREFIX ? prefixKey(value) : value
  const headers = valueMatchers(match.headers, true)
  const queryParams = valueMatchers(match.queryParams, false)
  return {
    match,
    pathKind,
    pathValue: value,
    pathKey,
    pathRegex: pathKind === PATH_REGEX ? new FullMatchRegex(value) : null,
    method: match.method ?? null,
    headers,
    queryParams,
    usesRegex: pathKind === PATH_REGEX || headers.some((h) => h.regex !== null) || queryParams.some((q) => q.regex !== null),
  }
}

/** A PathPrefix value as a key: the trailing `/` is ignored (httproute_types.go, PathMatchPathPrefix). */
export function prefixKey(value: string): string {
  return value.endsWith('/') ? value.slice(0, -1) : value
}

/** Whether the path matches a PathPrefix key element by element: `/abc` matches `/abc`, `/abc/`, `/abc/def`, not `/abcd`. */
export function pathHasPrefix(path: string, key: string): boolean {
  if (key === '') return true
  return path.startsWith(key) && (path.length === key.length || path.charCodeAt(key.length) === 47)
}

export function pathMatches(compiled: CompiledMatch, path: string): boolean {
  if (compiled.pathKind === PATH_EXACT) return path === compiled.pathKey
  if (compiled.pathKind === PATH_PREFIX) return pathHasPrefix(path, compiled.pathKey)
  return (compiled.pathRegex as FullMatchRegex).test(path)
}

function valueMatches(matcher: ValueMatcher, actual: string | undefined): boolean {
  if (actual === undefined) return false
  return matcher.regex === null ? actual === matcher.value : matcher.regex.test(actual)
}

/** Everything but the path (the index has already looked the path up). */
export function restMatches(compiled: CompiledMatch, subject: MatchSubject): boolean {
  if (compiled.method !== null && compiled.method !== subject.method) return false
  for (const header of compiled.headers) if (!valueMatches(header, subject.headers.get(header.name))) return false
  if (compiled.queryParams.length > 0) {
    const query = subject.query()
    for (const param of compiled.queryParams) if (!valueMatches(param, query.get(param.name))) return false
  }
  return true
}

function decode(text: string): string {
  if (!text.includes('%')) return text
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** The query's params, the first value of each name kept (httproute_types.go, HTTPQueryParamMatch.name: recommended). */
export function parseQuery(query: string | null): ReadonlyMap<string, string> {
  const params = new Map<string, string>()
  if (query === null || query === '') return params
  for (const part of query.split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    const name = decode(eq === -1 ? part : part.slice(0, eq))
    if (!params.has(name)) params.set(name, decode(eq === -1 ? '' : part.slice(eq + 1)))
  }
  return params
}
