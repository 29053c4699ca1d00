/**
 * How a route trace names things to a person: a location, where it comes from, the server chosen, what made a
 * host regex-matched. Names from the manifest and nginx.conf syntax are data; the words around them are
 * messages (`messages/en/trace.ts`), so every view says them in the reader's language.
 */
import { formatMessage } from '../messages/render'
import { msg, type Message } from '../messages/message'
import type { ServerChoice } from './route-index'
import type { ServerNameForm } from './server-names'
import type { CompiledLocation, CompiledServer, IngressRef } from './types'

/** `default/web`, or 'the controller' in words (nginx.conf comments and the CLI's English). */
export function ingressName(ref: IngressRef | null): string {
  return ref ? `${ref.namespace}/${ref.name}` : formatMessage(THE_CONTROLLER)
}

const THE_CONTROLLER = msg('trace-the-controller')

/** An Ingress as a message parameter: its `namespace/name`, or the controller as a phrase. */
export function ingressParam(ref: IngressRef | null): string | Message {
  return ref ? `${ref.namespace}/${ref.name}` : THE_CONTROLLER
}

/** The location as nginx.conf writes it: `location = /foo`, `location /foo/`, `location ~* "^/foo"`. */
export function locationLabel(loc: CompiledLocation): string {
  if (loc.modifier === '~*') return `location ~* "^${loc.path}"`
  if (loc.modifier === '=') return `location = ${loc.path}`
  return `location ${loc.path}`
}

/** Where the location comes from and where it sends requests. */
export function locationOrigin(loc: CompiledLocation): Message {
  const target = loc.backend ? `${loc.backend.service}:${loc.backend.port}` : msg('trace-default-backend-404')
  const ingress = ingressParam(loc.ingress)
  switch (loc.origin) {
    case 'rule':
      return msg('trace-origin-rule', { pathType: loc.pathType ?? '', path: loc.ingressPath ?? '', ingress, target })
    case 'exact-copy':
      return msg('trace-origin-exact-copy', { path: loc.ingressPath ?? '', ingress, target })
    case 'server-root':
      return loc.ingress ? msg('trace-origin-server-root', { ingress, target }) : msg('trace-origin-catch-all-root', { target })
    case 'catch-all-backend':
      return msg('trace-origin-catch-all-backend', { ingress, target })
    case 'healthz':
      return msg('trace-origin-healthz')
    case 'nginx-status':
      return msg('trace-origin-nginx-status')
  }
}

/** `location /foo/ (Prefix /foo of Ingress default/a → s1:80)`. */
export function describeLocation(loc: CompiledLocation): Message {
  return msg('trace-location', { label: locationLabel(loc), origin: locationOrigin(loc) })
}

/** How the server was chosen. */
export function describeServerChoice(server: CompiledServer, how: 'exact' | 'wildcard' | 'catch-all', host: string): Message {
  if (how === 'catch-all') return msg('trace-server-catch-all', { host })
  const created = server.createdBy ? ingressParam(server.createdBy) : null
  if (how === 'exact') {
    return created === null
      ? msg('trace-server-exact', { server: server.hostname, host })
      : msg('trace-server-exact-created', { server: server.hostname, host, ingress: created })
  }
  const label = host.slice(0, host.indexOf('.'))
  return created === null
    ? msg('trace-server-wildcard', { server: server.hostname, host, label })
    : msg('trace-server-wildcard-created', { server: server.hostname, host, label, ingress: created })
}

const NAME_RULES: Readonly<Record<ServerNameForm, Message>> = {
  'exact': msg('trace-name-exact'),
  'wildcard-head': msg('trace-name-wildcard-head'),
  'wildcard-tail': msg('trace-name-wildcard-tail'),
  'regex': msg('trace-name-regex'),
}

/**
 * How nginx chose the server: by one of its server-alias names (which one, and the server_name rule it followed),
 * or by its own name or as the default server (`describeServerChoice`).
 */
export function describeServerMatch(choice: Extract<ServerChoice, { kind: 'server' }>, host: string): Message {
  const server = choice.found.server
  if (choice.alias && choice.form) {
    return msg('trace-server-alias', { host, alias: choice.alias.name, ingress: ingressParam(server.aliasesFrom ?? null), server: server.hostname, rule: NAME_RULES[choice.form] })
  }
  return describeServerChoice(server, choice.how, host)
}

/** What made a server regex-enforced: `use-regex of Ingress default/a` or `the rewrite-target of Ingress …`. */
export function enforcerMessage(server: CompiledServer): Message {
  const cause = server.locations.find((loc) => loc.id === server.regexEnforcedBy)
  if (!cause) return msg('trace-enforcer-none')
  return msg(cause.rewriteTarget !== null ? 'trace-enforcer-rewrite' : 'trace-enforcer-use-regex', { ingress: ingressParam(cause.ingress) })
}

/** `enforcerMessage` in English, for nginx.conf comments. */
export function describeEnforcer(server: CompiledServer): string {
  return formatMessage(enforcerMessage(server))
}
