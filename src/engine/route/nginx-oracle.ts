/**
 * A real nginx as the oracle of the routing engine: the engine's nginx.conf for a compiled set of Ingresses runs
 * on loopback, its upstreams pointing at an echo server that answers with the route, the URI, the Host header and
 * X-Forwarded-Prefix it received, and every request's status, backend, upstream URI, upstream Host and Location must
 * equal what `routeRequest` said. Each nginx test
 * file (`nginx-*.test.ts`) starts one oracle and asks it about its own scenarios. Test-only: it reaches nginx
 * through `nginx-harness.ts` and is never imported by the engine.
 */
import { ingressName } from './describe'
import { freePort, makePrefix, prefixDirectives, removePrefix, requireNginx, sendRaw, startNginx, testConf, type NginxInstance, type RawResponse } from './nginx-harness'
import { renderNginxConf } from './render-nginx-conf'
import { routeRequest } from './route-request'
import type { CompiledLocation, CompiledRoutes, RouteResult } from './types'

/** One request: the Host header, the raw request target, extra headers (cookies, X-Forwarded-*). */
export interface OracleRequest {
  readonly host: string
  readonly path: string
  readonly headers?: Readonly<Record<string, string>>
}

/** Where the engine's answering location is, for a result. */
export function answeringLocation(compiled: CompiledRoutes, result: RouteResult): CompiledLocation | undefined {
  if (!result.locationId) return undefined
  return compiled.servers.find((server) => server.hostname === result.serverHostname)?.locations.find((loc) => loc.id === result.locationId)
}

/** What nginx must have answered for the engine's `result`. */
export function expectation(compiled: CompiledRoutes, result: RouteResult): Record<string, unknown> {
  const location = answeringLocation(compiled, result)
  if (result.status === 200 && result.upstream) {
    // The custom default backend of a default-backend annotation also gets nginx.tmpl's X-Code headers (echoed).
    const codes = result.unavailable?.customDefaultBackend && location
      ? ` X-Code=503 X-Namespace=${location.ingress?.namespace ?? ''} X-Ingress-Name=${location.ingress?.name ?? ''} X-Service-Name=${location.backend?.service ?? ''} X-Service-Port=${location.backend?.port ?? ''}`
      : ''
    // The Host header the upstream received, and X-Forwarded-Prefix when sent (docs/routing.md#upstream-request-headers).
    const prefix = result.upstreamHeaders?.['X-Forwarded-Prefix']
    const sent = ` HOST=${result.upstreamHost ?? ''}${prefix === undefined ? '' : ` XFP=${prefix}`}`
    return { status: 200, body: `ECHO ${result.upstream}|${ingressName(location?.ingress ?? null)} ${result.upstreamUri}${codes}${sent}` }
  }
  // An upstream without endpoints: ingress-nginx's Lua balancer answers 503; the oracle's conf points it at a backend that does.
  if (result.status === 503 && result.unavailable) return { status: 503, from: 'no-endpoints' }
  if (result.status === 404 && location && !location.backend && location.fixedStatus === null) {
    return { status: 404, from: 'default-backend' }
  }
  // A `return` whose code takes its text as the body (redirect-answer.ts): that body and no Location.
  if (result.body !== undefined) return { status: result.status, body: result.body, location: null }
  if (result.location !== null) return { status: result.status, location: result.location }
  return { status: result.status }
}

function observed(expected: Record<string, unknown>, response: RawResponse): Record<string, unknown> {
  const got: Record<string, unknown> = { status: response.status }
  if ('body' in expected) got.body = response.body
  if ('from' in expected) got.from = response.body.startsWith('DEFAULT ') ? 'default-backend' : response.body.startsWith('NOENDPOINTS') ? 'no-endpoints' : `nginx itself: ${response.body.slice(0, 40)}`
  if ('location' in expected) got.location = response.location
  return got
}

export class NginxOracle {
  private readonly running = new Set<NginxInstance>()
  private readonly prefixes: string[] = []

  private constructor(
    readonly binary: string,
    private readonly echoPort: number,
    private readonly defaultPort: number,
    private readonly backends: NginxInstance,
    /** Answers 503 as ingress-nginx's Lua balancer does for an upstream without endpoints. */
    private readonly unavailablePort: number,
  ) {}

  /** Starts the echo and default backends (throws with install advice when nginx is missing). */
  static async start(): Promise<NginxOracle> {
    const binary = requireNginx()
    const echoPort = await freePort()
    const defaultPort = await freePort()
    const unavailablePort = await freePort()
    const prefix = makePrefix('backends')
    const dirs = prefixDirectives(prefix)
    const conf = [
      ...dirs.main,
      'worker_processes 1;',
      'events { worker_connections 1024; }',
      'http {',
      ...dirs.http,
      // The X-Code headers of a custom default backend (nginx.tmpl), echoed only when sent.
      '  map $http_x_code $x_code_seen { "" ""; default " X-Code=$http_x_code X-Namespace=$http_x_namespace X-Ingress-Name=$http_x_ingress_name X-Service-Name=$http_x_service_name X-Service-Port=$http_x_service_port"; }',
      '  map $http_x_forwarded_prefix $xfp_seen { "" ""; default " XFP=$http_x_forwarded_prefix"; }',
      `  server { listen 127.0.0.1:${echoPort}; location / { return 200 "ECHO $http_x_route $request_uri$x_code_seen HOST=$http_host$xfp_seen"; } }`,
      `  server { listen 127.0.0.1:${defaultPort}; location / { return 404 "DEFAULT $request_uri"; } }`,
      `  server { listen 127.0.0.1:${unavailablePort}; location / { return 503 "NOENDPOINTS"; } }`,
      '}',
    ].join('\n')
    const oracle = new NginxOracle(binary, echoPort, defaultPort, await startNginx(binary, conf, prefix, echoPort), unavailablePort)
    oracle.prefixes.push(prefix)
    return oracle
  }

  /** A fresh prefix directory, removed by `stop`. */
  prefix(label: string): string {
    const prefix = makePrefix(label)
    this.prefixes.push(prefix)
    return prefix
  }

  /** `nginx -t` on the nginx.conf users read for `compiled`: nginx's output, empty when it passes. */
  test(compiled: CompiledRoutes): { ok: boolean; output: string } {
    const prefix = this.prefix('conf-test')
    return testConf(this.binary, prefixDirectives(prefix).main.join('\n') + '\n' + renderNginxConf(compiled), prefix)
  }

  /**
   * Runs the engine's nginx.conf for `compiled` in a real nginx and sends `requests`; returns one line per request
   * whose answer differs from the engine's (after the conf), or `[]`. `onResult` sees every engine result.
   */
  async check(compiled: CompiledRoutes, requests: readonly OracleRequest[], label: string, onResult?: (result: RouteResult) => void): Promise<string[]> {
    const port = await freePort()
    const dirs = prefixDirectives(this.prefix(label))
    const conf = renderNginxConf(compiled, {
      listen: `127.0.0.1:${port}`,
      upstreamServer: (upstream) => `127.0.0.1:${!upstream.availability.endpoints ? this.unavailablePort : upstream.backend ? this.echoPort : this.defaultPort}`,
      mainDirectives: dirs.main,
      httpDirectives: dirs.http,
      routeHeader: true,
    })
    const instance = await startNginx(this.binary, conf, this.prefixes[this.prefixes.length - 1] as string, port)
    this.running.add(instance)
    const failures: string[] = []
    try {
      for (const request of requests) {
        // serverPort: nginx listens on `port` here, where the controller listens on 80 (`$server_port` in a www redirect).
        const result = routeRequest(compiled, { url: `http://${request.host}${request.path}`, headers: request.headers, serverPort: port })
        onResult?.(result)
        const expected = expectation(compiled, result)
        const got = observed(expected, await sendRaw(port, request.host, request.path, request.headers))
        if (JSON.stringify(got) !== JSON.stringify(expected)) {
          const extra = request.headers ? ` ${JSON.stringify(request.headers)}` : ''
          failures.push(`Host ${request.host} GET ${request.path}${extra}\n  nginx:  ${JSON.stringify(got)}\n  engine: ${JSON.stringify(expected)}`)
        }
      }
    } finally {
      await instance.stop()
      this.running.delete(instance)
    }
    return failures.length === 0 ? [] : [conf, ...failures]
  }

  /** Stops every nginx and removes every prefix directory. */
  async stop(): Promise<void> {
    for (const instance of this.running) await instance.stop()
    await this.backends.stop()
    for (const prefix of this.prefixes) removePrefix(prefix)
  }
}
