/**
 * `route FILE... --url URL [--method M] [--header 'Name: value']... [--cookie name=value]... [--gateway NS/NAME]`
 * and `route FILE... --requests REQUESTS.jsonl [--gateway NS/NAME]`: where requests go under ingress-nginx, or
 * through a Gateway API Gateway of the input (route-gateway.ts), one JSON line each or text (`-o text`,
 * route-text.ts) (README.md, "Command line").
 * `--expect` / `--expect-file` make it a gate (route-expect.ts): exit 1 when an answer misses its expectation.
 * Input the API server would reject: exit 2 with `file:line:col: message` on stderr; routing and lint findings
 * of severity error are printed on stderr and the requests are routed.
 */
import { parseArgs } from 'node:util'
import { analyze, compileRoutes, createRandom, formatMessage, gatewayRequestOf, routeRequest, splitUrl, type ClusterModel, type MessageLanguage, type RandomSource, type RouteRequest, type RouteResult } from '../../engine'
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type Command } from '../command'
import { CLI_SOURCE_OPTIONS, readInputs, reportInput, say, type CliIo } from '../io'
import { readManifests } from '../expand-paths'
import { escapeText } from '../escape-text'
import { parseExpectation, unmetExpectations, type Expectation } from './route-expect'
import { chooseTarget, toGatewayAnswer, type RouteTarget } from './route-gateway'
import { METHOD, parseCookies, parseHeaders, parseRequests, type NumberedRequest } from './route-requests'
import { routeText } from './route-text'

const help = `Usage: route FILE... --url URL [--method M] [--header 'Name: value']... [--cookie name=value]...
                      [--gateway NAMESPACE/NAME] [-o json|text]
       route FILE... --requests REQUESTS.jsonl [--gateway NAMESPACE/NAME] [-o json|text]

Shows where a request goes and why: under ingress-nginx, or through a Gateway API Gateway of the input.
FILE is a YAML or JSON file, a folder (its *.yaml, *.yml, *.json, recursively) or - for stdin.
Prints one line of JSON per request (-o json, the default); -o text prints, per request, the request and its
answer on one line and the trace's steps numbered beneath it:
  GET http://foo.bar.com/foos1 → 200, service default/s1:80, Ingress default/test, path sent /
    1. Request http://foo.bar.com/foos1: nginx matches the host foo.bar.com and the path /foos1.

Under ingress-nginx (the input has an Ingress or no Gateway, and no --gateway is given):
  {"status":200,"service":"s1","port":80,"namespace":"default","ingress":"test","host":"foo.bar.com",
   "rewrittenPath":"/","location":null,"canary":false,"trace":["…"]}
With session affinity (affinity: cookie) the line also has
  "affinity":{"pod":"default/web#2","cookie":"INGRESSCOOKIE","sent":null,"setCookie":"INGRESSCOOKIE=…; Path=/; HttpOnly"}
(pod null when the input has no Deployment behind the Service; send the setCookie value back with --cookie to stick).
With upstream-vhost the line also has "upstreamHost":"<the Host header the Service receives>" (null when not proxied).

Through a Gateway (--gateway NAMESPACE/NAME, or the input's only Gateway when it has no Ingress): its listeners
and the HTTPRoutes attached to them answer; the URL's scheme and port pick the listener (http 80, https 443
unless the URL gives a port). Every key is present, null when it does not apply:
  {"status":200,"service":"s1","port":80,"namespace":"default",
   "route":{"kind":"HTTPRoute","name":"test-foo","namespace":"default","rule":0},"rewrittenPath":"/",
   "rewrittenHost":null,"location":null,"requestHeaders":null,"responseHeaders":null,"trace":["…"]}
(requestHeaders: the headers the backend receives that the request or a filter set; status 0: no listener
takes that port and protocol). An input with both Ingresses and Gateways answers for ingress-nginx unless
--gateway picks a Gateway. A --gateway that names no Gateway of the input, or several Gateways without an
Ingress and without --gateway, is a usage error that lists the Gateways.

Options:
  --url URL                 the request, e.g. http://foo.bar.com/foos1/abc (the path is sent as written)
  --method M                the request method (default GET): HTTPRoute method matches, $request_method
  --header 'Name: value'    a request header (repeatable); Host overrides the URL's host
  --cookie name=value       a cookie (repeatable; through a Gateway the cookies are sent as one Cookie header)
  --gateway NAMESPACE/NAME  route through this Gateway of the input instead of ingress-nginx
  --requests FILE           one request per line: {"url":…,"method":…,"headers":{…},"cookies":{…}};
                            one result line each
  --expect 'K=V,K=V'        a gate on the --url request's answer: each key of the JSON line (status, service,
                            port, namespace, ingress, host, rewrittenPath, location, canary, upstreamHost;
                            through a Gateway rewrittenHost and route.kind|name|namespace|rule) must have
                            the value, as JSON prints it (strings without quotes, null, true)
  --expect-file FILE        the same for --requests: one expectation per request line, in order
  --no-trace                leave "trace" out of each line (bulk runs: the trace is most of their time)
  -o, --output json|text    one JSON line per request (default), or text for a person (above)
  -h, --help                show this help

Assumptions (docs/routing.md#assumptions): an IngressClass nginx for ingress-nginx is the cluster default,
every referenced Service exists with ready endpoints unless the input has Services (then a missing Service,
port or pods answers 503, or goes to the default-backend annotation's Service), ssl-redirect is on with
code 308; an ingress-nginx ConfigMap in the input
(ingress-nginx-controller or nginx-configuration) overrides the ConfigMap defaults. Canary weights use a
seeded random source, so the same input always gives the same answers. Gateway API: docs/gateway-api.md
(a Service without a workload in the input is assumed to have ready endpoints, and the trace says so;
weighted backends use the same seeded source).

Routing and lint findings of severity error (lint's form) go to stderr; the requests are still routed.

Exit status: 0 routed (and every expectation met), 1 an expectation not met (each said on stderr), 2 usage
error, unreadable file or a spec the API server would reject.
`

/** The answer `route` prints, as a plain object: the contract's fields in order; the trace's steps in `language` (English by default), unless `withTrace` is false. */
export function toRouteAnswer(result: RouteResult, language: MessageLanguage = 'en', withTrace = true): Record<string, unknown> {
  const { status, service, port, namespace, ingress, host, rewrittenPath, location, canary } = result
  const base = withTrace
    ? { status, service, port, namespace, ingress, host, rewrittenPath, location, canary, trace: result.trace.map((step) => formatMessage(step, language)) }
    : { status, service, port, namespace, ingress, host, rewrittenPath, location, canary }
  // upstream-vhost: the Host header the upstream receives, only when the annotation set it (docs/routing.md#upstream-request-headers).
  const line = result.upstreamVhost === undefined ? base : { ...base, upstreamHost: result.upstreamHost }
  if (!result.affinity) return line
  const { pod, cookieName, sent, setCookie } = result.affinity
  const affinity = { pod: pod ? `${pod.namespace}/${pod.deployment}#${pod.ordinal}` : null, cookie: cookieName, sent, setCookie: setCookie?.header ?? null }
  return { ...line, affinity }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        method: { type: 'string' },
        header: { type: 'string', multiple: true, default: [] },
        cookie: { type: 'string', multiple: true, default: [] },
        gateway: { type: 'string' },
        requests: { type: 'string' },
        expect: { type: 'string' },
        'expect-file': { type: 'string' },
        'no-trace': { type: 'boolean', default: false },
        output: { type: 'string', short: 'o', default: 'json' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    io.stderr(`route: ${escapeText(error instanceof Error ? error.message : String(error))}\n\n${help}`)
    return EXIT_USAGE
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(help)
    return EXIT_OK
  }
  const usage = (message: string): number => {
    io.stderr(`route: ${escapeText(message)}\n`)
    return EXIT_USAGE
  }
  if (positionals.length === 0) return usage('no FILE given (use - for stdin)')
  const output = values.output
  if (output !== 'json' && output !== 'text') return usage(`-o/--output must be json or text, not "${output}"`)
  if ((values.url === undefined) === (values.requests === undefined)) return usage('give exactly one of --url URL or --requests FILE')
  if (values.requests !== undefined && (values.header.length > 0 || values.cookie.length > 0 || values.method !== undefined)) {
    return usage('--method, --header and --cookie go with --url; with --requests put them on each line')
  }

  if (values.expect !== undefined && values.url === undefined) return usage('--expect goes with --url; with --requests use --expect-file')
  if (values['expect-file'] !== undefined && values.requests === undefined) return usage('--expect-file goes with --requests; with --url use --expect')

  let requests: NumberedRequest[]
  if (values.url !== undefined) {
    const scheme = splitUrl(values.url)?.scheme
    if (scheme !== 'http' && scheme !== 'https') return usage(`--url "${values.url}" must be an absolute http:// or https:// URL`)
    if (values.method !== undefined && !METHOD.test(values.method)) return usage(`--method "${values.method}" must be an HTTP method such as GET (a token)`)
    const headers = parseHeaders(values.header)
    if (typeof headers === 'string') return usage(headers)
    const cookies = parseCookies(values.cookie)
    if (typeof cookies === 'string') return usage(cookies)
    const method = values.method === undefined ? {} : { method: values.method }
    requests = [{ request: { url: values.url, ...method, headers, cookies }, line: null }]
  } else {
    const file = await readInputs([values.requests as string], io)
    if (file.kind === 'error') return usage(file.message)
    const source = file.sources[0] as { name: string; text: string }
    const read = parseRequests(source.name, source.text)
    if (read.errors.length > 0) {
      for (const error of read.errors) io.stderr(escapeText(error) + '\n')
      return EXIT_USAGE
    }
    requests = read.requests
  }

  const expectations = await readExpectations(values.expect, values['expect-file'], requests.length, io)
  if (typeof expectations === 'string') return usage(expectations)

  const inputs = await readManifests(positionals, io)
  if (inputs.kind === 'error') return usage(inputs.message)
  const { model, diagnostics } = analyze(inputs.sources, CLI_SOURCE_OPTIONS)
  if (reportInput(diagnostics, io) === 'rejected') return EXIT_USAGE
  // One seeded source for the whole run: canary and backend weights draw a repeatable sequence.
  const random = createRandom(1)
  const target = chooseTarget(model, values.gateway, random)
  if (target.kind === 'problem') return usage(say(io, target.problem))
  const answerOf = answerer(target, model, random, io.language, !values['no-trace'])
  let unmet = 0
  // Lines are written in batches: one write per line is a system call per request in a bulk run.
  let batch = ''
  requests.forEach(({ request }, index) => {
    const answer = answerOf(request)
    batch += output === 'json' ? `${JSON.stringify(answer)}\n` : routeText(request, answer, io.columns)
    if (batch.length >= 1 << 16 || index === requests.length - 1) {
      io.stdout(batch)
      batch = ''
    }
    const expectation = expectations[index]
    const failed = expectation ? unmetExpectations(answer, expectation) : []
    if (failed.length === 0) return
    unmet++
    io.stderr(`route: ${escapeText(`${request.method ?? 'GET'} ${request.url}`)}: ${escapeText(failed.join('; '))}\n`)
  })
  return unmet > 0 ? EXIT_FINDINGS : EXIT_OK
}

/**
 * How each request is answered: through the chosen Gateway, or by ingress-nginx over the routes compiled once.
 * Without `trace` the line has no "trace" key, and ingress-nginx's router does not build one.
 */
function answerer(target: Exclude<RouteTarget, { kind: 'problem' }>, model: ClusterModel, random: RandomSource, language: MessageLanguage, trace: boolean): (request: RouteRequest) => Record<string, unknown> {
  if (target.kind === 'gateway') {
    return (request) => {
      const answer = toGatewayAnswer(target.route(gatewayRequestOf(request)), language)
      return trace ? answer : withoutTrace(answer)
    }
  }
  const compiled = compileRoutes(model)
  return (request) => toRouteAnswer(routeRequest(compiled, request, { random, trace }), language, trace)
}

function withoutTrace(answer: Record<string, unknown>): Record<string, unknown> {
  const { trace: _trace, ...rest } = answer
  return rest
}

/** The expectation of each request (`--expect` for the one --url request, `--expect-file` a line each), or why not. */
async function readExpectations(expect: string | undefined, file: string | undefined, count: number, io: CliIo): Promise<(Expectation | null)[] | string> {
  if (expect !== undefined) {
    const one = parseExpectation(expect)
    return typeof one === 'string' ? one : [one]
  }
  if (file === undefined) return []
  const read = await readInputs([file], io)
  if (read.kind === 'error') return read.message
  const source = read.sources[0] as { name: string; text: string }
  const lines = source.text.split('\n').map((line) => line.trim()).filter((line) => line !== '')
  if (lines.length !== count) return `${source.name}: ${lines.length} expectations for ${count} requests (one per request line, in order)`
  const parsed: Expectation[] = []
  for (const [index, line] of lines.entries()) {
    const one = parseExpectation(line)
    if (typeof one === 'string') return `${source.name}: expectation ${index + 1}: ${one}`
    parsed.push(one)
  }
  return parsed
}

export const command: Command = {
  help,
  run,
}
