/**
 * `route FILE... --url URL [--header 'Name: value']... [--cookie name=value]...` and
 * `route FILE... --requests REQUESTS.jsonl`: where requests go under ingress-nginx, one JSON line each
 * (README.md, "Command line"). Input the API server would reject: exit 2 with `file:line:col: message` on
 * stderr; routing and lint findings of severity error are printed on stderr and the requests are routed.
 */
import { parseArgs } from 'node:util'
import { analyze, compileRoutes, createRandom, formatMessage, routeRequest, splitUrl, type MessageLanguage, type RouteRequest, type RouteResult } from '../../engine'
import { EXIT_OK, EXIT_USAGE, type Command } from '../command'
import { readInputs, reportInput, type CliIo } from '../io'
import { escapeText } from '../escape-text'

const help = `Usage: route FILE... --url URL [--header 'Name: value']... [--cookie name=value]...
       route FILE... --requests REQUESTS.jsonl

Shows where a request goes under ingress-nginx and why. FILE is a YAML or JSON file, or - for stdin.
Prints one line of JSON per request:
  {"status":200,"service":"s1","port":80,"namespace":"default","ingress":"test","host":"foo.bar.com",
   "rewrittenPath":"/","location":null,"canary":false,"trace":["…"]}
With session affinity (affinity: cookie) the line also has
  "affinity":{"pod":"default/web#2","cookie":"INGRESSCOOKIE","sent":null,"setCookie":"INGRESSCOOKIE=…; Path=/; HttpOnly"}
(pod null when the input has no Deployment behind the Service; send the setCookie value back with --cookie to stick).

Options:
  --url URL               the request, e.g. http://foo.bar.com/foos1/abc (the path is sent as written)
  --header 'Name: value'  a request header (repeatable); Host overrides the URL's host
  --cookie name=value     a cookie (repeatable)
  --requests FILE         one request per line: {"url":…,"headers":{…},"cookies":{…}}; one result line each
  -h, --help              show this help

Assumptions (docs/routing.md#assumptions): an IngressClass nginx for ingress-nginx is the cluster default,
every referenced Service exists with ready endpoints unless the input has Services (then a missing Service,
port or pods answers 503, or goes to the default-backend annotation's Service), ssl-redirect is on with
code 308; an ingress-nginx ConfigMap in the input
(ingress-nginx-controller or nginx-configuration) overrides the ConfigMap defaults. Canary weights use a
seeded random source, so the same input always gives the same answers.

Routing and lint findings of severity error (lint's form) go to stderr; the requests are still routed.

Exit status: 0 routed, 2 usage error, unreadable file or a spec the API server would reject.
`

/** The fields the CLI prints, in the contract's order; the trace's steps in `language` (English by default). */
export function toJsonLine(result: RouteResult, language: MessageLanguage = 'en'): string {
  const { status, service, port, namespace, ingress, host, rewrittenPath, location, canary } = result
  const trace = result.trace.map((step) => formatMessage(step, language))
  const line = { status, service, port, namespace, ingress, host, rewrittenPath, location, canary, trace }
  if (!result.affinity) return JSON.stringify(line) + '\n'
  const { pod, cookieName, sent, setCookie } = result.affinity
  const affinity = { pod: pod ? `${pod.namespace}/${pod.deployment}#${pod.ordinal}` : null, cookie: cookieName, sent, setCookie: setCookie?.header ?? null }
  return JSON.stringify({ ...line, affinity }) + '\n'
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string')
}

/** Parses the JSONL requests; problems are `file:line:col: message` lines. */
export function parseRequests(name: string, text: string): { requests: RouteRequest[]; errors: string[] } {
  const requests: RouteRequest[] = []
  const errors: string[] = []
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim()
    if (line === '') return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      errors.push(`${name}:${i + 1}:1: not a JSON object`)
      return
    }
    const object = value as { url?: unknown; headers?: unknown; cookies?: unknown }
    if (typeof value !== 'object' || value === null || typeof object.url !== 'string') {
      errors.push(`${name}:${i + 1}:1: each line needs "url" (a string)`)
      return
    }
    if (!splitUrl(object.url)?.scheme.match(/^https?$/)) {
      errors.push(`${name}:${i + 1}:1: "url" must be an absolute http:// or https:// URL`)
      return
    }
    if ((object.headers !== undefined && !isStringRecord(object.headers)) || (object.cookies !== undefined && !isStringRecord(object.cookies))) {
      errors.push(`${name}:${i + 1}:1: "headers" and "cookies" must be objects of strings`)
      return
    }
    requests.push({ url: object.url, headers: object.headers ?? {}, cookies: object.cookies ?? {} })
  })
  return { requests, errors }
}

function parseHeaders(values: readonly string[]): Record<string, string> | string {
  const headers: Record<string, string> = {}
  for (const value of values) {
    const colon = value.indexOf(':')
    if (colon <= 0) return `--header "${value}" must look like 'Name: value'`
    headers[value.slice(0, colon).trim()] = value.slice(colon + 1).trim()
  }
  return headers
}

function parseCookies(values: readonly string[]): Record<string, string> | string {
  const cookies: Record<string, string> = {}
  for (const value of values) {
    const eq = value.indexOf('=')
    if (eq <= 0) return `--cookie "${value}" must look like name=value`
    cookies[value.slice(0, eq)] = value.slice(eq + 1)
  }
  return cookies
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        header: { type: 'string', multiple: true, default: [] },
        cookie: { type: 'string', multiple: true, default: [] },
        requests: { type: 'string' },
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
  if ((values.url === undefined) === (values.requests === undefined)) return usage('give exactly one of --url URL or --requests FILE')
  if (values.requests !== undefined && (values.header.length > 0 || values.cookie.length > 0)) {
    return usage('--header and --cookie go with --url; with --requests put them on each line')
  }

  let requests: RouteRequest[]
  if (values.url !== undefined) {
    const scheme = splitUrl(values.url)?.scheme
    if (scheme !== 'http' && scheme !== 'https') return usage(`--url "${values.url}" must be an absolute http:// or https:// URL`)
    const headers = parseHeaders(values.header)
    if (typeof headers === 'string') return usage(headers)
    const cookies = parseCookies(values.cookie)
    if (typeof cookies === 'string') return usage(cookies)
    requests = [{ url: values.url, headers, cookies }]
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

  const inputs = await readInputs(positionals, io)
  if (inputs.kind === 'error') return usage(inputs.message)
  const { model, diagnostics } = analyze(inputs.sources)
  if (reportInput(diagnostics, io) === 'rejected') return EXIT_USAGE
  const compiled = compileRoutes(model)
  // One seeded source for the whole run: canary weights draw a repeatable sequence.
  const random = createRandom(1)
  for (const request of requests) io.stdout(toJsonLine(routeRequest(compiled, request, { random }), io.language))
  return EXIT_OK
}

export const command: Command = {
  summary: 'where a request goes under ingress-nginx, and why (JSON with a trace)',
  help,
  run,
}
