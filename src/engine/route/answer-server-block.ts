/**
 * The answers given at the `server` level before any location (docs/routing.md#server-alias-and-from-to-www-redirect):
 * a from-to-www-redirect server's redirect, built as rootfs/etc/nginx/lua/nginx/ngx_srv_redirect.lua builds
 * `$redirect_to`, and nginx closing the connection when a regex server_name exceeds PCRE's match limit.
 */
import { msg } from '../messages/message'
import { wwwRedirectLocation } from './host-aliases'
import { serverPortOf } from './nginx-variables'
import type { ParsedTarget } from './normalize-uri'
import type { ServerChoice } from './route-index'
import { answeredBy, type RouteTrace } from './route-trace'
import type { CompiledRoutes, RouteResult } from './types'

/** The request facts a server-level answer reads. */
export interface ServerBlockRequest {
  /** `http` or `https`, as the connection arrived. */
  readonly scheme: string
  /** The normalised host. */
  readonly host: string
  readonly target: Extract<ParsedTarget, { kind: 'ok' }>
  /** Header names as `headerKey` writes them (`x_forwarded_proto`). */
  readonly headers: ReadonlyMap<string, string>
  /** `$server_port`; default the controller's listener for the scheme. */
  readonly serverPort: number | undefined
}

/** The answer of a redirect server or of nginx's regex error; `choice` is not a host server. */
export function answerServerBlock(compiled: CompiledRoutes, choice: Exclude<ServerChoice, { kind: 'server' }>, trace: RouteTrace, request: ServerBlockRequest): RouteResult {
  const { host } = request
  if (choice.kind === 'regex-error') {
    if (trace.on) trace.add('trace-server-name-regex-error', { name: choice.name, server: choice.server, host })
    return trace.finish({ status: 500, host }, msg('trace-answer-connection-closed'))
  }
  const env = compiled.environment
  const { redirect } = choice
  let scheme = request.scheme
  let port = serverPortOf(env, request.scheme, request.serverPort)
  const forwardedProto = request.headers.get('x_forwarded_proto')
  const forwardedPort = request.headers.get('x_forwarded_port')
  const forwarded = env.useForwardedHeaders && (forwardedProto !== undefined || forwardedPort !== undefined)
  if (env.useForwardedHeaders) {
    // ngx_srv_redirect.lua: a header that is present replaces the value, whatever it says.
    if (forwardedProto !== undefined) scheme = forwardedProto
    if (forwardedPort !== undefined) port = forwardedPort
  }
  const { target } = request
  const requestUri = target.query === null ? target.rawPath : `${target.rawPath}?${target.query}`
  const location = wwwRedirectLocation(scheme, redirect.to, port, requestUri)
  const code = env.httpRedirectCode
  if (trace.on) {
    trace.add('trace-www-redirect', { host, ingress: `${redirect.ingress.namespace}/${redirect.ingress.name}`, code, location, to: redirect.to })
    if (forwarded) trace.add('trace-www-redirect-forwarded')
  }
  return trace.finish({ status: code, host, location, ...answeredBy(redirect.ingress) }, msg('trace-answer-redirect', { status: code, location }))
}
