/**
 * The requests `route` sends: `--url` with `--method`, `--header` and `--cookie`, or one JSON object per line of
 * a `--requests` file (README.md, "Command line"). Problems are messages for a usage error, or
 * `file:line:col: message` lines for the requests file.
 */
import type { RouteRequest } from '../../engine'

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string')
}

/** An HTTP method is a token (RFC 9110 §9.1, §5.6.2); methods are case-sensitive, so it is kept as written. */
export const METHOD = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/** What `splitUrl` reads as an http or https URL (its scheme is case-insensitive), without building the parts. */
const HTTP_URL = /^https?:\/\//i

/** A request to route, with the line of the requests file it came from (null for --url). */
export interface NumberedRequest {
  readonly request: RouteRequest
  readonly line: number | null
}

/** Parses the JSONL requests; problems are `file:line:col: message` lines. */
export function parseRequests(name: string, text: string): { requests: NumberedRequest[]; errors: string[] } {
  const requests: NumberedRequest[] = []
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
    const object = value as { url?: unknown; method?: unknown; headers?: unknown; cookies?: unknown }
    if (typeof value !== 'object' || value === null || typeof object.url !== 'string') {
      errors.push(`${name}:${i + 1}:1: each line needs "url" (a string)`)
      return
    }
    if (!HTTP_URL.test(object.url)) {
      errors.push(`${name}:${i + 1}:1: "url" must be an absolute http:// or https:// URL`)
      return
    }
    if (object.method !== undefined && (typeof object.method !== 'string' || !METHOD.test(object.method))) {
      errors.push(`${name}:${i + 1}:1: "method" must be an HTTP method such as "GET" (a token)`)
      return
    }
    if ((object.headers !== undefined && !isStringRecord(object.headers)) || (object.cookies !== undefined && !isStringRecord(object.cookies))) {
      errors.push(`${name}:${i + 1}:1: "headers" and "cookies" must be objects of strings`)
      return
    }
    // Only the fields the line has: a bulk run holds every request, and the router skips absent headers cheaply.
    const request: { -readonly [K in keyof RouteRequest]: RouteRequest[K] } = { url: object.url }
    if (object.method !== undefined) request.method = object.method
    if (object.headers !== undefined) request.headers = object.headers
    if (object.cookies !== undefined) request.cookies = object.cookies
    requests.push({ request, line: i + 1 })
  })
  return { requests, errors }
}

export function parseHeaders(values: readonly string[]): Record<string, string> | string {
  const headers: Record<string, string> = {}
  for (const value of values) {
    const colon = value.indexOf(':')
    if (colon <= 0) return `--header "${value}" must look like 'Name: value'`
    headers[value.slice(0, colon).trim()] = value.slice(colon + 1).trim()
  }
  return headers
}

export function parseCookies(values: readonly string[]): Record<string, string> | string {
  const cookies: Record<string, string> = {}
  for (const value of values) {
    const eq = value.indexOf('=')
    if (eq <= 0) return `--cookie "${value}" must look like name=value`
    cookies[value.slice(0, eq)] = value.slice(eq + 1)
  }
  return cookies
}
