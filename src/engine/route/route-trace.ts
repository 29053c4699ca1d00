/**
 * Collects the steps of one routing decision as messages (`messages/en/trace.ts`), adds the spec-divergence
 * notes D1–D10 (docs/routing.md#divergences) with the Kubernetes spec's own answer, and assembles the
 * `RouteResult`. With tracing off it only assembles the result, so the hot path builds no messages.
 */
import { msg, type Message, type MessageParams } from '../messages/message'
import type { MessageId } from '../messages/catalog'
import type { RewriteOutcome } from './apply-rewrite'
import { describeLocation, enforcerMessage, ingressParam, locationLabel } from './describe'
import type { HttpsRedirect } from './https-redirect'
import { escapeUri, type ParsedTarget } from './normalize-uri'
import { PCRE_MATCH_LIMIT } from './regex/backtrack'
import type { RegexVerdict } from './regex/bounded-regex'
import { testRegexEntry, type LocationEntry, type ServerIndex } from './route-index'
import type { LocationMatch } from './select-location'
import { describeSpecAnswer, specRoute, type SpecAnswer } from './spec-match'
import { rejectedRulesFor } from './select-ingresses'
import type { CompiledLocation, CompiledRoutes, CompiledServer, DivergenceNote, IngressRef, RouteAffinity, RouteResult, SpecRule } from './types'

/** The facts of an answer, flattened; everything not given is null/false. */
export interface Answer {
  readonly status: number
  readonly host: string
  readonly location?: string
  readonly service?: string | null
  readonly port?: number | string | null
  readonly namespace?: string | null
  readonly ingress?: string | null
  readonly upstream?: string
  readonly upstreamUri?: string
  readonly rewrittenPath?: string | null
  readonly canary?: boolean
  /** The location's upstream had no endpoints (backend-availability.ts). */
  readonly unavailable?: RouteResult['unavailable']
  /** Session affinity's pod and cookie (`session-affinity.ts`). */
  readonly affinity?: RouteAffinity
  /** The body nginx itself writes (a `return` whose code takes text, not a Location). */
  readonly body?: string
  /** The Host header the upstream receives (set when proxied). */
  readonly upstreamHost?: string
  /** Headers the annotations add to the proxied request (X-Forwarded-Prefix). */
  readonly upstreamHeaders?: Readonly<Record<string, string>>
}

/** The answer fields naming `ref` (a redirect's Ingress), or nothing for the controller. */
export function answeredBy(ref: IngressRef | null): Pick<Answer, 'ingress' | 'namespace'> {
  return ref ? { ingress: ref.name, namespace: ref.namespace } : {}
}

const MAX_LISTED = 12

const withThousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',')

const VERDICTS: Readonly<Record<RegexVerdict, Message>> = {
  'match': msg('trace-verdict-match'),
  'no-match': msg('trace-verdict-no-match'),
  'match-limit': msg('trace-verdict-match-limit'),
  'not-evaluable': msg('trace-verdict-not-evaluable'),
}

/** `items` as one phrase, `a; b; c`, each a message (a list has no template of its own). */
function listOf(items: readonly Message[]): Message {
  let phrase = items[items.length - 1] as Message
  for (let i = items.length - 2; i >= 0; i--) phrase = msg('trace-list-next', { first: items[i] as Message, rest: phrase })
  return phrase
}

const NOTHING: readonly never[] = Object.freeze([])

type OkTarget = Extract<ParsedTarget, { kind: 'ok' }>

export class RouteTrace {
  readonly on: boolean
  private readonly compiled: CompiledRoutes
  private readonly steps: Message[]
  private readonly notes: DivergenceNote[]
  private host = ''
  private target: OkTarget | null = null
  private chosenServer: CompiledServer | null = null
  private chosenHostname: string | null = null
  private chosenLocation: CompiledLocation | null = null
  private chosenLocationId: string | null = null
  private specAnswer: SpecAnswer | null = null
  /** The custom-headers response headers of the answering location (set by `location`). */
  private responseHeaders: Readonly<Record<string, string>> | null = null
  /** The upstream-vhost of the answering location (set by `location`). */
  private upstreamVhost: string | null = null

  constructor(compiled: CompiledRoutes, on: boolean) {
    this.compiled = compiled
    this.on = on
    // Without tracing nothing is ever added: every result shares one frozen empty list.
    this.steps = on ? [] : (NOTHING as unknown as Message[])
    this.notes = on ? [] : (NOTHING as unknown as DivergenceNote[])
  }

  /** Adds the step `id` (callers check `on` first when building its parameters costs anything). */
  add(id: MessageId, params?: MessageParams): void {
    if (this.on) this.steps.push(msg(id, params))
  }

  /** Adds a step built elsewhere (`describeServerChoice`). */
  addMessage(step: Message): void {
    if (this.on) this.steps.push(step)
  }

  private diverge(id: DivergenceNote['id'], text: Message): void {
    this.notes.push({ id, text })
    this.steps.push(msg('trace-divergence', { id, text }))
  }

  private spec(): Message {
    if (!this.specAnswer) this.specAnswer = specRoute(this.compiled.spec, this.host, this.target?.rawPath ?? '/')
    return msg('trace-spec-says', { answer: describeSpecAnswer(this.specAnswer) })
  }

  begin(scheme: string, host: string, target: OkTarget): void {
    this.host = host
    this.target = target
    if (!this.on) return
    const query = target.query === null ? '' : '?' + target.query
    this.add('trace-request', { url: `${scheme}://${host}${target.rawPath}${query}`, host, path: target.uri })
    if (target.uri !== target.rawPath) this.diverge('D10', msg('trace-d10', { raw: target.rawPath, uri: target.uri }))
  }

  server(server: CompiledServer, hostname: string): void {
    this.chosenServer = server
    this.chosenHostname = hostname
  }

  location(entry: LocationEntry): void {
    this.chosenLocation = entry.location
    this.chosenLocationId = entry.id
    // custom-headers: `more_set_headers` in the location adds them to whatever the location answers.
    this.responseHeaders = entry.responseHeaders
    this.upstreamVhost = entry.upstreamVhost
  }

  /** D6: a rule without host that the spec would apply is invisible behind the host's own server. */
  noteServer(how: 'exact' | 'wildcard' | 'catch-all', host: string, uri: string): void {
    if (how === 'catch-all') return
    const answer = specRoute(this.compiled.spec, host, this.target?.rawPath ?? uri)
    this.specAnswer = answer
    if (answer.kind === 'path' && answer.rule.host === '') {
      const { rule } = answer
      this.diverge('D6', msg('trace-d6', { pathType: rule.pathType, path: rule.path || '/', ingress: ingressParam(rule.ref), host, spec: this.spec() }))
    }
  }

  /**
   * nginx's location search as it happens: an exact match ends it; otherwise the longest matching prefix is
   * remembered and the regexes are tried in order. The prefix is one step: remembered when a regex decides
   * after it, the winner when none does.
   */
  locations(server: ServerIndex, uri: string, match: LocationMatch): void {
    if (match.kind === 'exact') {
      this.add('trace-exact-wins', { location: describeLocation(match.entry.location) })
      return
    }
    this.add('trace-no-exact', { uri })
    if (match.kind === 'auto-redirect') return
    const regexes = server.regexes
    if (match.kind !== 'prefix') {
      if (match.prefix) this.add('trace-prefix-remembered', { location: describeLocation(match.prefix.location) })
      else this.add('trace-no-prefix')
    }
    if (regexes.length > 0) {
      const limit = match.kind === 'regex' || match.kind === 'regex-error' ? match.regexIndex + 1 : regexes.length
      const tried = regexes.slice(0, Math.min(limit, MAX_LISTED)).map((entry) => msg('trace-regex-tried', { location: locationLabel(entry.location), verdict: VERDICTS[testRegexEntry(entry, uri)] }))
      if (limit > MAX_LISTED) tried.push(msg('trace-list-more', { count: limit - MAX_LISTED }))
      this.add('trace-regex-list', { tried: listOf(tried) })
    }
    if (match.kind === 'regex-error') {
      this.add('trace-regex-error', { location: describeLocation(match.entry.location), limit: withThousands(PCRE_MATCH_LIMIT) })
    } else if (match.kind === 'regex') {
      this.add('trace-regex-winner', { location: describeLocation(match.entry.location) })
      // D3 only when the spec would have picked one of the later matches: the order, not the regexes, decided.
      this.spec()
      const wanted = this.specAnswer?.kind === 'path' ? this.specAnswer.rule : null
      const later = wanted && !isRule(match.entry.location, wanted)
        ? regexes.slice(match.regexIndex + 1).find((entry) => isRule(entry.location, wanted) && testRegexEntry(entry, uri) === 'match')
        : undefined
      if (later) this.diverge('D3', msg('trace-d3', { location: locationLabel(later.location), spec: this.spec() }))
    } else if (match.kind === 'prefix') {
      this.add(regexes.length > 0 ? 'trace-prefix-wins-no-regex' : 'trace-prefix-wins', { location: describeLocation(match.entry.location) })
    }
  }

  autoRedirect(location: CompiledLocation, target: string): void {
    this.add('trace-auto-redirect', { location: describeLocation(location), target })
    this.diverge('D1', msg('trace-d1', { spec: this.spec() }))
  }

  /** A rewrite-target that nginx turns into a 302 (docs/routing.md#rewrite-target). */
  rewriteRedirect(target: string, outcome: Extract<RewriteOutcome, { kind: 'redirect' }>): void {
    this.add(target.startsWith('$scheme') ? 'trace-rewrite-scheme-redirect' : 'trace-rewrite-absolute', { target })
    if (outcome.variables.length > 0) {
      this.add('trace-rewrite-redirect-unescaped', { target, values: outcome.variables.map((v) => `$${v.name}=${JSON.stringify(v.value)}`).join(', ') })
    }
  }

  rewrite(location: CompiledLocation, outcome: RewriteOutcome): void {
    if (outcome.kind === 'rewritten') {
      const target = location.rewriteTarget ?? ''
      const said = { target, ingress: ingressParam(location.ingress), path: location.path, result: outcome.path }
      if (outcome.captures.length === 0) this.add('trace-rewritten', said)
      else this.add('trace-rewritten-captures', { ...said, captures: describeCaptures(outcome.captures, outcome.names) })
      // The rewrite-target's other nginx variables, its `?` and the escaping of the new path (docs/routing.md#rewrite-target).
      const variables = outcome.variables.filter((variable) => !outcome.names.has(variable.name))
      if (variables.length > 0) this.add('trace-rewrite-variables', { target, values: variables.map((v) => `$${v.name}=${JSON.stringify(v.value)}`).join(', ') })
      if (outcome.args !== 'kept') this.add(`trace-rewrite-args-${outcome.args}`, { target })
      const escaped = escapeUri(outcome.path)
      if (escaped !== outcome.path) this.add('trace-rewrite-escaped', { path: outcome.path, escaped })
      if (!outcome.path.startsWith('/')) this.add('trace-rewrite-no-leading-slash', { target, path: escaped })
    } else if (outcome.kind === 'empty-uri') {
      this.add('trace-rewrite-empty-uri', { target: location.rewriteTarget ?? '', ingress: ingressParam(location.ingress), uri: this.target?.uri ?? '' })
    } else if (outcome.kind === 'no-match') {
      this.add('trace-rewrite-no-match', { path: location.path, uri: this.target?.uri ?? '' })
    } else if (outcome.kind === 'match-limit') {
      this.add('trace-rewrite-match-limit', { path: location.path, uri: this.target?.uri ?? '', limit: withThousands(PCRE_MATCH_LIMIT) })
    } else if (outcome.kind === 'unsupported') {
      this.add('trace-rewrite-unsupported', { reason: outcome.reason })
    }
  }

  httpsRedirect(location: CompiledLocation, redirect: HttpsRedirect): void {
    const why = redirect.byCertificate
      ? msg('trace-https-by-certificate', { ingress: ingressParam(this.chosenServer?.tlsFrom ?? null) })
      : msg('trace-https-forced', { ingress: ingressParam(location.ingress) })
    this.add('trace-https-redirect', { why, code: redirect.code })
    if (redirect.byCertificate) this.diverge('D8', msg('trace-d8'))
    if (redirect.strippedSlash) this.diverge('D9', msg('trace-d9'))
  }

  private closingNotes(answer: Answer): void {
    // Ingresses the controller rejected for an annotation (annotation-validation.ts) that have a rule for this request.
    if (this.target) {
      for (const { rule, reason } of rejectedRulesFor(this.compiled, this.host, this.target.rawPath)) {
        this.steps.push(msg('trace-rejected-ingress', { ingress: ingressParam(rule.ref), pathType: rule.pathType, path: rule.path || '/', reason }))
      }
    }
    const loc = this.chosenLocation
    const server = this.chosenServer
    const fromRule = loc !== null && (loc.origin === 'rule' || loc.origin === 'exact-copy')
    if (fromRule && server?.regexEnforced && loc.pathType !== 'ImplementationSpecific' && !loc.useRegex && loc.rewriteTarget === null) {
      this.diverge('D2', msg('trace-d2', {
        host: server.hostname, enforcer: enforcerMessage(server), pathType: loc.pathType ?? '', path: loc.ingressPath ?? '', location: locationLabel(loc), spec: this.spec(),
      }))
    }
    if (fromRule && loc.pathType === 'ImplementationSpecific' && !loc.useRegex && loc.ingressPath !== '/') {
      // Say what ingress-nginx did: on a regex host (a rewrite-target or use-regex anywhere on it) the path is
      // a case-insensitive regex anchored at the start, not a Prefix by path elements.
      this.diverge('D4', loc.modifier === '~*' && server
        ? msg('trace-d4-regex', { path: loc.ingressPath ?? '', location: locationLabel(loc), enforcer: enforcerMessage(server) })
        : msg('trace-d4', { path: loc.ingressPath ?? '' }))
    }
    if (loc && loc.conflicts.length > 0) {
      const losers = loc.conflicts.map((conflict) => `Ingress ${conflict.ingress.namespace}/${conflict.ingress.name}`).join(', ')
      this.diverge('D7', msg('trace-d7', { count: loc.conflicts.length, losers, pathType: loc.pathType ?? '', path: loc.ingressPath ?? '', ingress: ingressParam(loc.ingress) }))
    }
    if (answer.status === 404 && answer.upstream === undefined && this.target) {
      this.spec()
      if (this.specAnswer?.kind === 'default-backend') this.diverge('D5', msg('trace-d5', { spec: this.spec() }))
    }
  }

  /** Closes the trace with `closing` (callers on the hot path pass none with tracing off) and builds the result. */
  finish(answer: Answer, closing?: Message): RouteResult {
    if (this.on) {
      this.closingNotes(answer)
      if (closing) this.steps.push(closing)
    }
    // One object literal without spreads (the hot path builds nothing else); the optional fields are added after.
    const result: { -readonly [K in keyof RouteResult]: RouteResult[K] } = {
      status: answer.status,
      service: answer.service ?? null,
      port: answer.port ?? null,
      namespace: answer.namespace ?? null,
      ingress: answer.ingress ?? null,
      host: answer.host,
      rewrittenPath: answer.rewrittenPath ?? null,
      location: answer.location ?? null,
      canary: answer.canary ?? false,
      trace: this.steps,
      serverHostname: this.chosenHostname,
      locationId: this.chosenLocationId,
      upstreamUri: answer.upstreamUri ?? null,
      upstream: answer.upstream ?? null,
      divergences: this.notes,
      upstreamHost: answer.upstreamHost ?? null,
    }
    if (answer.unavailable) result.unavailable = answer.unavailable
    if (answer.affinity) result.affinity = answer.affinity
    if (answer.body !== undefined) result.body = answer.body
    if (this.upstreamVhost !== null) result.upstreamVhost = this.upstreamVhost
    if (answer.upstreamHeaders) result.upstreamHeaders = answer.upstreamHeaders
    if (this.responseHeaders) result.responseHeaders = this.responseHeaders
    return result
  }
}

/** Whether `location` was compiled from the spec rule `rule`. */
function isRule(location: CompiledLocation, rule: SpecRule): boolean {
  return location.ingress?.index === rule.ref.index && location.ingressPath === (rule.path || '/') && location.pathType === rule.pathType
}

/** `$1="5" ($id)`: each capture group of a rewrite, with the names that read it. */
function describeCaptures(captures: readonly string[], names: ReadonlyMap<string, number>): string {
  return captures
    .map((capture, i) => {
      const named = [...names].filter(([, group]) => group === i + 1).map(([name]) => `$${name}`)
      return `$${i + 1}=${JSON.stringify(capture)}${named.length > 0 ? ` (${named.join(', ')})` : ''}`
    })
    .join(', ')
}
