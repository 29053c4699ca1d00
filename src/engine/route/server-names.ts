/**
 * nginx's choice of a virtual server by the Host header (docs/routing.md#server-alias-and-from-to-www-redirect):
 * the names of every `server` block in nginx.conf order, read as nginx reads a `server_name` parameter
 * (`ngx_http_core_server_name` in src/http/ngx_http_core_module.c, `ngx_hash_add_key` in src/core/ngx_hash.c),
 * and looked up as `ngx_http_find_virtual_server` (src/http/ngx_http_request.c) does: the exact names, then the
 * longest leading wildcard (`*.example.com`, `.example.com`), then the longest trailing wildcard
 * (`www.example.*`), then the regexes in the order nginx.conf lists them; no match leaves the default server.
 * A name another server already registered is "conflicting … ignored": the first one in nginx.conf keeps it.
 */
import { msg, type Message } from '../messages/message'
import { pcreRefusesPattern, translatePcre } from './pcre'
import { ownCopy } from './own-copy'
import { BoundedRegex, type RegexVerdict } from './regex/bounded-regex'

/** How nginx stores one `server_name` parameter. */
export type ServerNameForm = 'exact' | 'wildcard-head' | 'wildcard-tail' | 'regex'

/** One `server_name` parameter as nginx reads it. */
export type ParsedServerName =
  | { readonly kind: 'exact'; readonly name: string }
  /** `*.S` (`dot: false`, needs one more label) or `.S` (`dot: true`, S itself too). */
  | { readonly kind: 'wildcard-head'; readonly name: string; readonly suffix: string; readonly dot: boolean }
  /** `P.*`: names starting with `P.`. */
  | { readonly kind: 'wildcard-tail'; readonly name: string; readonly prefix: string }
  /** `~pattern`; `jsRegex` null when the studio cannot run the PCRE pattern. */
  | { readonly kind: 'regex'; readonly name: string; readonly pattern: string; readonly caseless: boolean; readonly jsRegex: string | null; readonly unsupported: Message | null }

/** A parameter nginx refuses: `nginx -t` fails ("server name … is invalid", "invalid server name or wildcard"). */
export type ServerNameReading = { readonly kind: 'ok'; readonly parsed: ParsedServerName } | { readonly kind: 'invalid'; readonly reason: Message }

/**
 * Reads `value` as nginx reads a `server_name` parameter. Plain names are lower-cased; a regex is case-insensitive
 * only when its pattern has an upper-case ASCII letter (ngx_http_core_server_name sets NGX_REGEX_CASELESS then).
 */
export function parseServerName(value: string): ServerNameReading {
  const invalid = (reason: Message): ServerNameReading => ({ kind: 'invalid', reason })
  if (value === '') return invalid(msg('alias-name-empty'))
  const first = value[0]
  if ((first === '*' && (value.length < 3 || value[1] !== '.')) || (first === '.' && value.length < 2)) {
    return invalid(msg('alias-name-invalid', { name: value }))
  }
  if (first === '~') {
    if (value.length === 1) return invalid(msg('alias-regex-empty', { name: value }))
    const pattern = value.slice(1)
    const caseless = /[A-Z]/.test(pattern)
    const translated = translatePcre(pattern, caseless)
    // What JavaScript refuses to compile (an unbalanced group, a lone `\` at the end) PCRE refuses too: nginx -t fails.
    if (translated.kind === 'unsupported' && pcreRefusesPattern(translated.reason)) return invalid(msg('alias-regex-invalid', { name: value, reason: translated.reason }))
    return {
      kind: 'ok',
      parsed: translated.kind === 'ok'
        ? { kind: 'regex', name: value, pattern, caseless, jsRegex: translated.source, unsupported: null }
        : { kind: 'regex', name: value, pattern, caseless, jsRegex: null, unsupported: translated.reason },
    }
  }
  const name = value.toLowerCase()
  let stars = 0
  for (let i = 0; i < name.length; i++) {
    if (name[i] === '*' && ++stars > 1) return invalid(msg('alias-wildcard-invalid', { name: value }))
    if (name[i] === '.' && name[i + 1] === '.') return invalid(msg('alias-wildcard-invalid', { name: value }))
    if (name[i] === '\u0000') return invalid(msg('alias-wildcard-invalid', { name: value }))
  }
  if (name.length > 1 && name[0] === '.') return { kind: 'ok', parsed: { kind: 'wildcard-head', name, suffix: name.slice(1), dot: true } }
  if (name.length > 2 && name.startsWith('*.')) return { kind: 'ok', parsed: { kind: 'wildcard-head', name, suffix: name.slice(2), dot: false } }
  if (name.length > 2 && name.endsWith('.*')) return { kind: 'ok', parsed: { kind: 'wildcard-tail', name, prefix: name.slice(0, -2) } }
  if (stars > 0) return invalid(msg('alias-wildcard-invalid', { name: value }))
  return { kind: 'ok', parsed: { kind: 'exact', name } }
}

/** What a name table answers for a host: the server (by its position in the table), or the default server, or nginx's 500. */
export type NameMatch<T> =
  | { readonly kind: 'name'; readonly server: T; readonly form: ServerNameForm; readonly name: string }
  | { readonly kind: 'default' }
  /** A regex server name hit PCRE's match limit: nginx closes the connection (it logs 500). */
  | { readonly kind: 'regex-error'; readonly server: T; readonly name: string; readonly verdict: RegexVerdict }

type Hit<T> = Extract<NameMatch<T>, { kind: 'name' }>

interface HeadEntry<T> {
  readonly server: T
  readonly name: string
  readonly dot: boolean
  readonly hit: Hit<T>
}

const DEFAULT: NameMatch<never> = Object.freeze({ kind: 'default' })

interface RegexName<T> {
  readonly server: T
  readonly name: string
  /** Set for ingress-nginx's wildcard-host regex (matched by string operations); null otherwise. */
  readonly oneLabel: string | null
  readonly regex: BoundedRegex | null
  readonly hit: Hit<T>
}

/**
 * The parent of an ingress-nginx wildcard host's server_name `~^(?<subdomain>[\w-]+)\.example\.com$`
 * (template.go buildServerName; `example.com`), or null for any other regex. Such a regex matches one label of
 * ASCII letters, digits, `_` or `-` (PCRE's `\w` without UCP) followed by `.example.com`: tested with string
 * operations, and at most one of them can match a host, so their order does not matter.
 */
export function oneLabelParent(regexName: string): string | null {
  const prefix = '~^(?<subdomain>[\\w-]+)\\.'
  if (!regexName.startsWith(prefix) || !regexName.endsWith('$')) return null
  const labels = regexName.slice(prefix.length, -1).split('\\.')
  return labels.every((label) => /^[a-z0-9-]+$/.test(label)) ? labels.join('.') : null
}

const ONE_LABEL = /^[A-Za-z0-9_-]+$/

function oneLabelMatches(parent: string, host: string): boolean {
  const dot = host.indexOf('.')
  return dot > 0 && host.slice(dot + 1) === parent && ONE_LABEL.test(host.slice(0, dot))
}

/** The lookup tables nginx builds for one listen address (ngx_http_server_names in src/http/ngx_http.c). */
export class ServerNameTable<T> {
  /** Keys are own copies (`own-copy.ts`): a lookup compares the key's characters. */
  private readonly exact = new Map<string, { server: T; name: string; hit: Hit<T> }>()
  /** Keys of the exact hash, including the names `.S` reserves (so a later exact `S` conflicts). */
  private readonly exactKeys = new Set<string>()
  private readonly head = new Map<string, HeadEntry<T>>()
  private readonly tail = new Map<string, { server: T; name: string; hit: Hit<T> }>()
  private readonly regexes: RegexName<T>[] = []
  /** The wildcard-host regexes by parent, and whether every regex is one (then one lookup answers). */
  private readonly oneLabel = new Map<string, { server: T; name: string; hit: Hit<T> }>()
  private allOneLabel = true
  /** Names ignored because an earlier server has them ("conflicting server name … ignored"), with the winner. */
  readonly conflicts: { readonly name: string; readonly server: T; readonly winner: T }[] = []

  /** Adds the next name (names in nginx.conf order: server block by block, each block's names in order). */
  add(owner: T, parsed: ParsedServerName): void {
    const winner = this.register(owner, parsed)
    if (winner !== null) this.conflicts.push({ name: parsed.name, server: owner, winner })
  }

  /** Registers one name; returns the server that already has it, or null. */
  private register(server: T, parsed: ParsedServerName): T | null {
    // One answer object per name, built once: a lookup allocates nothing.
    const hit: Hit<T> = { kind: 'name', server, form: parsed.kind, name: parsed.name }
    switch (parsed.kind) {
      case 'regex': {
        // nginx never compares regexes: every one is tried, in order.
        const oneLabel = oneLabelParent(parsed.name)
        if (oneLabel === null) this.allOneLabel = false
        else if (!this.oneLabel.has(oneLabel)) this.oneLabel.set(ownCopy(oneLabel), { server, name: parsed.name, hit })
        this.regexes.push({ server, name: parsed.name, oneLabel, hit, regex: oneLabel !== null || parsed.jsRegex === null ? null : new BoundedRegex(parsed.jsRegex, parsed.caseless) })
        return null
      }
      case 'exact': {
        if (this.exactKeys.has(parsed.name)) return this.exact.get(parsed.name)?.server ?? this.head.get(parsed.name)?.server ?? server
        this.exactKeys.add(parsed.name)
        this.exact.set(ownCopy(parsed.name), { server, name: parsed.name, hit })
        return null
      }
      case 'wildcard-head': {
        if (parsed.dot) {
          if (this.exactKeys.has(parsed.suffix)) return this.exact.get(parsed.suffix)?.server ?? this.head.get(parsed.suffix)?.server ?? server
          this.exactKeys.add(parsed.suffix)
        }
        const existing = this.head.get(parsed.suffix)
        if (existing) return existing.server
        this.head.set(ownCopy(parsed.suffix), { server, name: parsed.name, dot: parsed.dot, hit })
        return null
      }
      case 'wildcard-tail': {
        const existing = this.tail.get(parsed.prefix)
        if (existing) return existing.server
        this.tail.set(ownCopy(parsed.prefix), { server, name: parsed.name, hit })
        return null
      }
    }
  }

  /** Whether any regex name exists (the hot path skips the scan when none does). */
  get regexCount(): number {
    return this.regexes.length
  }

  /** nginx's answer for `host` (lower case, no port, no trailing dot: what ngx_http_validate_host leaves). */
  match(host: string): NameMatch<T> {
    const exact = this.exact.get(host)
    if (exact) return exact.hit
    if (this.head.size > 0) {
      // The longest suffix on a label boundary: H itself (only `.H`), then each shorter one (`*.S` or `.S`).
      const self = this.head.get(host)
      if (self?.dot) return self.hit
      for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
        const entry = this.head.get(host.slice(dot + 1))
        if (entry) return entry.hit
      }
    }
    if (this.tail.size > 0) {
      // The longest prefix that a dot follows.
      for (let dot = host.lastIndexOf('.'); dot > 0; dot = host.lastIndexOf('.', dot - 1)) {
        const entry = this.tail.get(host.slice(0, dot))
        if (entry) return entry.hit
      }
    }
    if (host.length > 0 && this.regexes.length > 0) {
      if (this.allOneLabel) {
        const dot = host.indexOf('.')
        const entry = dot > 0 ? this.oneLabel.get(host.slice(dot + 1)) : undefined
        if (entry && ONE_LABEL.test(host.slice(0, dot))) return entry.hit
        return DEFAULT
      }
      for (const entry of this.regexes) {
        if (entry.oneLabel !== null) {
          if (oneLabelMatches(entry.oneLabel, host)) return entry.hit
          continue
        }
        // A pattern the studio cannot run is treated as never matching (reported when compiled).
        if (entry.regex === null) continue
        const verdict = entry.regex.test(host)
        if (verdict === 'no-match') continue
        if (verdict === 'match') return entry.hit
        return { kind: 'regex-error', server: entry.server, name: entry.name, verdict }
      }
    }
    return DEFAULT
  }

  /** Every regex name tried for `host` before the answer, with its verdict (for the trace). */
  regexesTried(host: string): { readonly name: string; readonly server: T; readonly verdict: RegexVerdict }[] {
    const tried: { name: string; server: T; verdict: RegexVerdict }[] = []
    for (const entry of this.regexes) {
      const verdict: RegexVerdict = entry.oneLabel !== null ? (oneLabelMatches(entry.oneLabel, host) ? 'match' : 'no-match') : entry.regex === null ? 'no-match' : entry.regex.test(host)
      tried.push({ name: entry.name, server: entry.server, verdict })
      if (verdict !== 'no-match') break
    }
    return tried
  }
}
