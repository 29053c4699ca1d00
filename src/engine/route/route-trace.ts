/**
 * Collects the steps of one routing decision in plain words, adds the spec-divergence notes D1–D10
 * (docs/routing.md#divergences) with the Kubernetes spec's own answer, and assembles the `RouteResult`.
 * With tracing off it only assembles the result, so the hot path builds no strings.
 */
import type { RewriteOutcome } from './apply-rewrite'
import { describeEnforcer, describeLocation, ingressName, locationLabel } from './describe'
import type { HttpsRedirect } from './https-redirect'
import type { ParsedTarget } from './normalize-uri'
import { PCRE_MATCH_LIMIT } from './regex/backtrack'
import type { RegexVerdict } from './regex/bounded-regex'
import { testRegexEntry, type ServerIndex } from './route-index'
import type { LocationMatch } from './select-location'
import { describeSpecAnswer, specRoute, type SpecAnswer } from './spec-match'
import type { CompiledLocation, CompiledRoutes, CompiledServer, DivergenceNote, IngressRef, RouteResult, SpecRule } from './types'

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
}

/** The answer fields naming `ref` (a redirect's Ingress), or nothing for the controller. */
export function answeredBy(ref: IngressRef | null): Pick<Answer, 'ingress' | 'namespace'> {
  return ref ? { ingress: ref.name, namespace: ref.namespace } : {}
}

const MAX_LISTED = 12

const withThousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',')

const VERDICT_WORDS: Readonly<Record<RegexVerdict, string>> = {
  'match': 'matches',
  'no-match': 'no match',
  'match-limit': "exceeds PCRE's match limit",
  'not-evaluable': 'cannot be evaluated',
}
const NOTHING: readonly never[] = Object.freeze([])

type OkTarget = Extract<ParsedTarget, { kind: 'ok' }>

export class RouteTrace {
  readonly on: boolean
  private readonly compiled: CompiledRoutes
  private readonly steps: string[]
  private readonly notes: DivergenceNote[]
  private host = ''
  private target: OkTarget | null = null
  private chosenServer: CompiledServer | null = null
  private chosenHostname: string | null = null
  private chosenLocation: CompiledLocation | null = null
  private chosenLocationId: string | null = null
  private specAnswer: SpecAnswer | null = null

  constructor(compiled: CompiledRoutes, on: boolean) {
    this.compiled = compiled
    this.on = on
    // Without tracing nothing is ever added: every result shares one frozen empty list.
    this.steps = on ? [] : (NOTHING as unknown as string[])
    this.notes = on ? [] : (NOTHING as unknown as DivergenceNote[])
  }

  add(step: string): void {
    if (this.on) this.steps.push(step)
  }

  private diverge(id: DivergenceNote['id'], text: string): void {
    this.notes.push({ id, text })
    this.steps.push(`Spec divergence ${id}: ${text}`)
  }

  private spec(): string {
    if (!this.specAnswer) this.specAnswer = specRoute(this.compiled.spec, this.host, this.target?.rawPath ?? '/')
    return `per the Kubernetes spec: ${describeSpecAnswer(this.specAnswer)}`
  }

  begin(scheme: string, host: string, target: OkTarget): void {
    this.host = host
    this.target = target
    if (!this.on) return
    const query = target.query === null ? '' : '?' + target.query
    this.add(`Request ${scheme}://${host}${target.rawPath}${query}: nginx matches the host ${host} and the path ${target.uri}.`)
    if (target.uri !== target.rawPath) {
      this.diverge('D10', `nginx normalised the path ${target.rawPath} to ${target.uri} before matching (percent-decoding, merged slashes, . and .. resolved); the upstream still receives the path as sent unless a rewrite applies. The Kubernetes spec does not say how such paths match.`)
    }
  }

  server(server: CompiledServer, hostname: string): void {
    this.chosenServer = server
    this.chosenHostname = hostname
  }

  location(location: CompiledLocation, id: string): void {
    this.chosenLocation = location
    this.chosenLocationId = id
  }

  /** D6: a rule without host that the spec would apply is invisible behind the host's own server. */
  noteServer(how: 'exact' | 'wildcard' | 'catch-all', host: string, uri: string): void {
    if (how === 'catch-all') return
    const answer = specRoute(this.compiled.spec, host, this.target?.rawPath ?? uri)
    this.specAnswer = answer
    if (answer.kind === 'path' && answer.rule.host === '') {
      this.diverge('D6', `the rule without host (${answer.rule.pathType} ${answer.rule.path || '/'} of Ingress ${ingressName(answer.rule.ref)}) applies to every host per the spec, but ${host} has its own server, so ingress-nginx never consults rules without host for it; ${this.spec()}.`)
    }
  }

  locations(server: ServerIndex, uri: string, match: LocationMatch): void {
    if (match.kind === 'exact') {
      this.add(`Exact match: ${describeLocation(match.entry.location)} wins at once.`)
      return
    }
    this.add(`No exact location = ${uri}.`)
    if (match.kind === 'auto-redirect') return
    this.add(match.prefix ? `Longest matching prefix: ${describeLocation(match.prefix.location)}.` : 'No plain prefix location matches.')
    const regexes = server.regexes
    if (regexes.length > 0) {
      const limit = match.kind === 'regex' || match.kind === 'regex-error' ? match.regexIndex + 1 : regexes.length
      const tried = regexes.slice(0, Math.min(limit, MAX_LISTED)).map((entry) => `${locationLabel(entry.location)}: ${VERDICT_WORDS[testRegexEntry(entry, uri)]}`)
      const more = limit > MAX_LISTED ? `; … ${limit - MAX_LISTED} more` : ''
      this.add(`Regex locations, tried in order (longest path first): ${tried.join('; ')}${more}.`)
    }
    if (match.kind === 'regex-error') {
      this.add(`${describeLocation(match.entry.location)}: PCRE stops with its match-limit error (more than ${withThousands(PCRE_MATCH_LIMIT)} backtracking steps: the pattern backtracks catastrophically on this path), so nginx logs "pcre2_match() failed: -47" and ends the location search with 500 Internal Server Error.`)
    } else if (match.kind === 'regex') {
      this.add(`Winner: the first matching regex, ${describeLocation(match.entry.location)}.`)
      // D3 only when the spec would have picked one of the later matches: the order, not the regexes, decided.
      this.spec()
      const wanted = this.specAnswer?.kind === 'path' ? this.specAnswer.rule : null
      const later = wanted && !isRule(match.entry.location, wanted)
        ? regexes.slice(match.regexIndex + 1).find((entry) => isRule(entry.location, wanted) && testRegexEntry(entry, uri) === 'match')
        : undefined
      if (later) {
        this.diverge('D3', `${locationLabel(later.location)} also matches and is the path the spec prefers, but nginx takes the first matching regex in order, and ingress-nginx orders them by path length; ${this.spec()}.`)
      }
    } else if (match.kind === 'prefix') {
      this.add(`${regexes.length > 0 ? 'No regex matches, so the' : 'The'} longest prefix wins: ${describeLocation(match.entry.location)}.`)
    }
  }

  autoRedirect(location: CompiledLocation, target: string): void {
    this.add(`${describeLocation(location)} proxies and its name is the path plus "/", so nginx itself answers 301 to ${target} before any regex is tried.`)
    this.diverge('D1', `the path without its trailing slash gets a 301 instead of matching; ${this.spec()}.`)
  }

  rewrite(location: CompiledLocation, outcome: RewriteOutcome): void {
    if (outcome.kind === 'rewritten') {
      const groups = outcome.captures.length > 0 ? ` (captures: ${outcome.captures.map((c, i) => `$${i + 1}=${JSON.stringify(c)}`).join(', ')})` : ''
      this.add(`rewrite-target ${location.rewriteTarget} of Ingress ${ingressName(location.ingress)}: nginx runs rewrite "(?i)${location.path}" ${location.rewriteTarget} break${groups}, so the whole path becomes ${outcome.path}.`)
    } else if (outcome.kind === 'no-match') {
      this.add(`rewrite "(?i)${location.path}" does not match ${this.target?.uri}, so the path is not rewritten.`)
    } else if (outcome.kind === 'match-limit') {
      this.add(`rewrite "(?i)${location.path}": PCRE stops with its match-limit error on ${this.target?.uri} (more than ${withThousands(PCRE_MATCH_LIMIT)} backtracking steps), so nginx's rewrite module answers 500 Internal Server Error.`)
    } else if (outcome.kind === 'unsupported') {
      this.add(`The rewrite is not evaluated: ${outcome.reason}.`)
    }
  }

  httpsRedirect(location: CompiledLocation, redirect: HttpsRedirect): void {
    const why = redirect.byCertificate
      ? `ssl-redirect is on and the host has a certificate (the tls section of Ingress ${ingressName(this.chosenServer?.tlsFrom ?? null)})`
      : `force-ssl-redirect is set on Ingress ${ingressName(location.ingress)}`
    this.add(`https redirect (ingress-nginx's Lua, after the location's rewrites): ${why}; code ${redirect.code} from http-redirect-code.`)
    if (redirect.byCertificate) {
      this.diverge('D8', 'a tls section makes ingress-nginx redirect plain http to https for every rule host of that Ingress; the spec treats tls as termination only and would serve the request over http.')
    }
    if (redirect.strippedSlash) {
      this.diverge('D9', `the redirect drops the trailing "/" of the request URI (preserve-trailing-slash is off); the spec says nothing about redirects.`)
    }
  }

  private closingNotes(answer: Answer): void {
    const loc = this.chosenLocation
    const server = this.chosenServer
    if (loc && server?.regexEnforced && (loc.origin === 'rule' || loc.origin === 'exact-copy') && loc.pathType !== 'ImplementationSpecific' && !loc.useRegex && loc.rewriteTarget === null) {
      this.diverge('D2', `host ${server.hostname} is regex-enforced (${describeEnforcer(server)}), so ${loc.pathType} ${loc.ingressPath} is matched as ${locationLabel(loc)}: case-insensitive and as a plain string prefix; ${this.spec()}.`)
    }
    if (loc && (loc.origin === 'rule' || loc.origin === 'exact-copy') && loc.pathType === 'ImplementationSpecific' && !loc.useRegex && loc.ingressPath !== '/') {
      this.diverge('D4', `ImplementationSpecific ${loc.ingressPath} is treated as Prefix by ingress-nginx (without use-regex); the spec leaves ImplementationSpecific to the controller.`)
    }
    if (loc && loc.conflicts.length > 0) {
      const losers = loc.conflicts.map((conflict) => `Ingress ${ingressName(conflict.ingress)}`).join(', ')
      this.diverge('D7', `${losers} also define${loc.conflicts.length === 1 ? 's' : ''} ${loc.pathType} ${loc.ingressPath} on this host; ingress-nginx keeps the oldest (Ingress ${ingressName(loc.ingress)}) and drops the rest. The spec leaves duplicates undefined.`)
    }
    if (answer.status === 404 && answer.upstream === undefined && this.target) {
      this.spec()
      if (this.specAnswer?.kind === 'default-backend') {
        this.diverge('D5', `ingress-nginx uses an Ingress's defaultBackend only for the hosts that Ingress creates; ${this.spec()}.`)
      }
    }
  }

  /** Closes the trace with `closing` and builds the result. */
  finish(answer: Answer, closing: string): RouteResult {
    if (this.on) {
      this.closingNotes(answer)
      this.steps.push(closing)
    }
    return {
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
    }
  }
}

/** Whether `location` was compiled from the spec rule `rule`. */
function isRule(location: CompiledLocation, rule: SpecRule): boolean {
  return location.ingress?.index === rule.ref.index && location.ingressPath === (rule.path || '/') && location.pathType === rule.pathType
}
