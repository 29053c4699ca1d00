/**
 * server-alias and from-to-www-redirect (docs/routing.md#server-alias-and-from-to-www-redirect): which extra
 * names each server answers to and which redirect servers ingress-nginx adds, after `createServers` and
 * `getBackendServers` in internal/ingress/controller/controller.go and `BuildRedirects` in
 * pkg/util/ingress/ingress.go; and the answer of a redirect server, after
 * rootfs/etc/nginx/lua/nginx/ngx_srv_redirect.lua.
 */
import { msg, type Message } from '../messages/message'
import type { Fix } from '../fix/types'
import type { ClusterModel, Ingress, Secret } from '../model/types'
import { coveringName } from '../tls/host-coverage'
import { inspectSecret } from '../tls/inspect-secret'
import { ANNOTATION_PREFIX, getStringAnnotation, goTrimSpace } from './annotation-validation'
import type { RouteEnvironment } from './environment'
import { CATCH_ALL, type Drafts, type DraftServer } from './compile-servers'
import { quoteNginxValue } from './nginx-quote'
import { parseServerName, ServerNameTable, type ParsedServerName } from './server-names'
import type { ServedIngress } from './select-ingresses'
import type { CompiledRedirectServer, CompiledRoutes, CompiledServer, IngressRef, RouteIssue, ServerAlias } from './types'

/**
 * server-alias as alias/main.go Parse reads it: through parser.GetStringAnnotation (validated with
 * ValidateArrayOfServerName when validation is on — a refused value rejects the Ingress, annotation-validation.ts),
 * split on `,`, each name trimmed, empty ones dropped, deduplicated and sorted.
 */
export function readServerAliases(annotations: Readonly<Record<string, string>>, env: Pick<RouteEnvironment, 'annotationValidation'>): readonly string[] {
  const read = getStringAnnotation(annotations, 'server-alias', env)
  if (read.kind !== 'ok') return []
  const names = new Set<string>()
  for (const part of read.value.split(',')) {
    const name = goTrimSpace(part)
    if (name !== '') names.add(name)
  }
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** The www counterpart BuildRedirects computes: `www.` removed, or added. */
export function wwwCounterpart(hostname: string): string {
  return hostname.startsWith('www.') ? hostname.slice(4) : `www.${hostname}`
}

/** ingress-nginx's `ssl.IsValidHostname`: a certificate name equal to `name`, or to `name` with its first label `*` (case-insensitive). */
export function certificateNamesCover(names: readonly string[], name: string): boolean {
  const lower = name.toLowerCase()
  const labels = lower.split('.')
  labels[0] = '*'
  const wildcard = labels.join('.')
  return names.some((candidate) => {
    const c = candidate.toLowerCase()
    return c === lower || c === wildcard
  })
}

/**
 * The names of the certificate ingress-nginx serves for `host` from `ingress`'s tls section (`extractTLSSecretName`
 * and the SSLCert checks in controller.go; the names are the subject CN plus the DNS SANs, internal/net/ssl/ssl.go),
 * `[]` for the controller's fake certificate, or null when the input has no Secrets at all (the studio then assumes
 * the Secret exists and names every name of the server).
 */
export function certificateNames(model: ClusterModel, ingress: Ingress, host: string): readonly string[] | null {
  if (model.secrets.length === 0) return null
  const find = (name: string | undefined): Secret | undefined =>
    name === undefined || name === '' ? undefined : model.secrets.find((secret) => secret.meta.namespace === ingress.meta.namespace && secret.meta.name === name)
  const namesOf = (secret: Secret | undefined): readonly string[] | null => {
    if (!secret) return null
    const read = inspectSecret(secret)
    if (read.kind !== 'ok' || read.keyMatches === false) return null
    const { dnsNames, commonName } = read.certificate
    // controller.go: VerifyHostname (SANs), then verifyHostname (the CN when there are no SANs).
    const serves = dnsNames.length > 0 ? coveringName(dnsNames, host) !== null : commonName !== null && coveringName([commonName], host) !== null
    return serves ? [...(commonName ? [commonName] : []), ...dnsNames] : null
  }
  const named = ingress.tls.find((tls) => tls.hosts.some((tlsHost) => tlsHost.toLowerCase() === host))
  if (named) return namesOf(find(named.secretName)) ?? []
  for (const tls of ingress.tls) {
    const names = namesOf(find(tls.secretName))
    if (names) return names
  }
  return []
}

interface AliasOwner {
  aliases: readonly string[]
  from: ServedIngress
}

function ref(entry: ServedIngress): string {
  return `${entry.ref.namespace}/${entry.ref.name}`
}

function aliasIssue(entry: ServedIngress, text: RouteIssue['text'], severity: RouteIssue['severity'] = 'warning'): RouteIssue {
  return { code: 'server-alias-ignored', severity, text, source: entry.ingress.source, at: ['metadata', 'annotations', ANNOTATION_PREFIX + 'server-alias'] }
}

/** What `compileHostNames` adds to the compiled model. */
export interface HostNames {
  /** Aliases by server hostname, with the Ingress they came from. */
  readonly aliases: ReadonlyMap<string, { readonly aliases: readonly ServerAlias[]; readonly from: IngressRef }>
  /** The redirect servers, in nginx.conf order. */
  readonly redirects: readonly CompiledRedirectServer[]
}

/**
 * Aliases: a host takes the aliases of the first Ingress (in order) that has some and names the host in a rule;
 * then an alias equal to the host or to any server's hostname is left out (createServers). Redirect servers: a
 * server whose locations include one from an Ingress with from-to-www-redirect gets `www.<host>` (or `<host>`
 * without `www.`) unless that name is a server's hostname (BuildRedirects). Problems go to `issues`.
 */
export function compileHostNames(served: readonly ServedIngress[], drafts: Drafts, model: ClusterModel, issues: RouteIssue[]): HostNames {
  const owners = new Map<string, AliasOwner>()
  for (const entry of served) {
    if (entry.annotations.canary) continue
    const names = entry.annotations.serverAliases
    for (const rule of entry.ingress.rules) {
      const host = rule.host === '' ? CATCH_ALL : rule.host
      const owner = owners.get(host)
      if (!owner || owner.aliases.length === 0) {
        owners.set(host, { aliases: names, from: entry })
      } else if (names.length > 0 && owner.from !== entry) {
        issues.push(aliasIssue(entry, msg('alias-ignored-later', { host, ingress: ref(entry), owner: ref(owner.from) })))
      }
    }
  }
  const aliases = new Map<string, { aliases: ServerAlias[]; from: IngressRef }>()
  for (const [host, owner] of owners) {
    const kept: ServerAlias[] = []
    const server = drafts.servers.get(host) as DraftServer
    for (const alias of owner.aliases) {
      if (alias === host) {
        issues.push({ ...aliasIssue(owner.from, msg('alias-is-own-host', { alias, host }), 'info'), fixes: [removeAliasFix(owner.from, alias)] })
        continue
      }
      const other = drafts.servers.get(alias)
      if (other) {
        const by = other.createdBy ? ref(other.createdBy) : msg('alias-the-controller')
        issues.push({ ...aliasIssue(owner.from, msg('alias-is-server-host', { alias, host, owner: by })), fixes: [removeAliasFix(owner.from, alias)] })
        continue
      }
      const quoted = quoteNginxValue(alias, 'literal')
      if (quoted.kind === 'refused') {
        issues.push({ ...aliasIssue(owner.from, msg('alias-not-writable', { alias: JSON.stringify(alias), reason: quoted.reason }), 'error'), code: 'server-name-invalid' })
        continue
      }
      const reading = parseServerName(alias)
      if (reading.kind === 'invalid') {
        issues.push({ ...aliasIssue(owner.from, msg('alias-nginx-rejects', { alias, reason: reading.reason }), 'error'), code: 'server-name-invalid' })
        continue
      }
      if (reading.parsed.kind === 'regex' && reading.parsed.unsupported) {
        issues.push({ ...aliasIssue(owner.from, msg('alias-regex-unsupported', { alias, reason: reading.parsed.unsupported })), code: 'regex-unsupported' })
      }
      kept.push({ name: alias, form: reading.parsed.kind, certificate: aliasCertificate(model, server, alias) })
    }
    if (kept.length > 0) aliases.set(host, { aliases: kept, from: owner.from.ref })
  }
  return { aliases, redirects: buildRedirects(drafts, model, issues) }
}

/** Removes `alias` from the Ingress's server-alias (the annotation goes when it was the only name). */
function removeAliasFix(entry: ServedIngress, alias: string): Fix {
  const key = ANNOTATION_PREFIX + 'server-alias'
  const rest = (entry.ingress.meta.annotations[key] ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '' && name !== alias)
  const path = ['metadata', 'annotations', key]
  return { title: msg('fix-remove-alias', { alias }), ops: [rest.length === 0 ? { op: 'delete', path } : { op: 'set', path, value: rest.join(', ') }] }
}

/** Whether ingress-nginx's Lua has a certificate for `alias` (nginx.go configureCertificates). */
function aliasCertificate(model: ClusterModel, server: DraftServer, alias: string): boolean {
  if (!server.tlsFrom) return false
  const names = certificateNames(model, server.tlsFrom.ingress, server.hostname)
  return names === null || certificateNamesCover(names, alias)
}

function buildRedirects(drafts: Drafts, model: ClusterModel, issues: RouteIssue[]): CompiledRedirectServer[] {
  const redirects: CompiledRedirectServer[] = []
  const hostnames = [...drafts.servers.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  for (const hostname of hostnames) {
    const server = drafts.servers.get(hostname) as DraftServer
    const cause = server.locations.find((loc) => loc.origin === 'rule' && loc.annotations?.fromToWwwRedirect)?.ingress
    if (!cause) continue
    const from = wwwCounterpart(hostname)
    const at = ['metadata', 'annotations', ANNOTATION_PREFIX + 'from-to-www-redirect']
    const other = drafts.servers.get(from)
    if (other) {
      const owner = other.createdBy ? ref(other.createdBy) : msg('alias-the-controller')
      const fixes: Fix[] = [{ title: msg('fix-remove-www-redirect'), ops: [{ op: 'delete', path: at }] }]
      issues.push({ code: 'www-redirect-skipped', severity: 'warning', text: msg('www-counterpart-served', { ingress: ref(cause), host: hostname, from, owner }), source: cause.ingress.source, at, fixes })
      continue
    }
    const reading = parseServerName(from)
    if (reading.kind === 'invalid' || reading.parsed.kind !== 'exact') {
      issues.push({ code: 'server-name-invalid', severity: 'error', text: msg('www-redirect-wildcard', { ingress: ref(cause), host: hostname, from }), source: cause.ingress.source, at })
      continue
    }
    let certificate = false
    if (server.tlsFrom) {
      const names = certificateNames(model, server.tlsFrom.ingress, hostname)
      certificate = names === null || certificateNamesCover(names, from)
    }
    redirects.push({ from, to: hostname, ingress: cause.ref, certificate })
  }
  return redirects
}

/** The redirect's answer (ngx_srv_redirect.lua): `<scheme>://<to>:<port><request URI without one trailing />`. */
export function wwwRedirectLocation(scheme: string, to: string, port: string, requestUri: string): string {
  const uri = requestUri.endsWith('/') ? requestUri.slice(0, -1) : requestUri
  return `${scheme}://${to}:${port}${uri}`
}

/** One `server` block of nginx.conf with its names as nginx reads them: the host's own name first, then its aliases. */
export type NginxServerBlock =
  | { readonly kind: 'redirect'; readonly redirect: CompiledRedirectServer; readonly names: readonly ParsedServerName[] }
  | { readonly kind: 'server'; readonly server: CompiledServer; readonly names: readonly ParsedServerName[]; readonly aliases: readonly ServerAlias[] }

function readName(name: string): ParsedServerName | null {
  const reading = parseServerName(name)
  return reading.kind === 'ok' ? reading.parsed : null
}

/**
 * The server blocks in nginx.conf order, as `renderNginxConf` writes them: the www redirect servers first (nginx.tmpl
 * writes them before the hosts), then the catch-all `_`, then the hosts by name. nginx tries regex names and keeps
 * the first of two equal names in this order.
 */
export function nginxServerBlocks(compiled: Pick<CompiledRoutes, 'servers' | 'redirectServers'>): NginxServerBlock[] {
  const blocks: NginxServerBlock[] = []
  for (const redirect of compiled.redirectServers ?? []) {
    const name = readName(redirect.from)
    if (name) blocks.push({ kind: 'redirect', redirect, names: [name] })
  }
  const ordered = [...compiled.servers].sort((a, b) => (a.hostname === CATCH_ALL ? -1 : b.hostname === CATCH_ALL ? 1 : 0))
  for (const server of ordered) {
    const own = readName(server.serverName)
    if (!own) continue
    const aliases = (server.aliases ?? []).filter((alias) => readName(alias.name) !== null)
    blocks.push({ kind: 'server', server, names: [own, ...aliases.map((alias) => readName(alias.name) as ParsedServerName)], aliases })
  }
  return blocks
}

/** The aliases nginx ignores because a server earlier in nginx.conf has the same name ("conflicting server name"). */
export function aliasConflictIssues(compiled: Pick<CompiledRoutes, 'servers' | 'redirectServers'>): RouteIssue[] {
  type Owner = { readonly label: string; readonly alias: ServerAlias | null; readonly server: CompiledServer | null }
  const table = new ServerNameTable<Owner>()
  for (const block of nginxServerBlocks(compiled)) {
    if (block.kind === 'redirect') {
      table.add({ label: block.redirect.from, alias: null, server: null }, block.names[0] as ParsedServerName)
      continue
    }
    block.names.forEach((parsed, i) => table.add({ label: block.server.hostname, alias: i === 0 ? null : (block.aliases[i - 1] as ServerAlias), server: block.server }, parsed))
  }
  const issues: RouteIssue[] = []
  for (const conflict of table.conflicts) {
    const { alias, server } = conflict.server
    const from = server?.aliasesFrom
    if (!alias || !server || !from) continue
    issues.push({
      code: 'server-alias-ignored',
      severity: 'warning',
      text: msg('alias-conflict', { alias: alias.name, host: server.hostname, winner: conflict.winner.label }),
      source: from.source,
      at: ['metadata', 'annotations', ANNOTATION_PREFIX + 'server-alias'],
    })
  }
  return issues
}

/** `server` with the aliases `compileHostNames` gave its hostname. */
export function withAliases(server: CompiledServer, hostNames: HostNames): CompiledServer {
  const entry = hostNames.aliases.get(server.hostname)
  return entry ? { ...server, aliases: entry.aliases, aliasesFrom: entry.from } : server
}

/** The route table's notes for a row of `ref` on `server`: the aliases it gave the host, the www redirect it made. */
export function hostNameNotes(compiled: Pick<CompiledRoutes, 'redirectServers' | 'environment'>, server: CompiledServer, ref: IngressRef): Message[] {
  const notes: Message[] = []
  if (server.aliases?.length && server.aliasesFrom?.index === ref.index) {
    notes.push(msg('table-aliases', { aliases: server.aliases.map((alias) => alias.name).join(', '), ingress: `${ref.namespace}/${ref.name}` }))
  }
  const redirect = compiled.redirectServers?.find((candidate) => candidate.to === server.hostname)
  if (redirect && redirect.ingress.index === ref.index) {
    notes.push(msg('table-www-redirect', { from: redirect.from, to: redirect.to, code: compiled.environment.httpRedirectCode, ingress: `${ref.namespace}/${ref.name}` }))
  }
  return notes
}
