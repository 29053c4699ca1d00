/**
 * `route -o text`: each answer for a person — the request and its answer on one line, then the trace's steps
 * numbered beneath it. Read from the same answer object the JSON line prints (`toRouteAnswer`,
 * `toGatewayAnswer`), so the two forms cannot disagree. Every user string is escaped (`escape-text.ts`); the
 * steps wrap to a terminal's width and stay one line each when piped, for grep.
 */
import type { RouteRequest } from '../../engine'
import { escapeText } from '../escape-text'
import { wrapColumns } from '../side-by-side'

type Answer = Record<string, unknown>

const str = (value: unknown): string => escapeText(String(value))

/** What the answer says beyond its status, in the JSON line's order. */
function facts(answer: Answer): string[] {
  const out: string[] = []
  // The answer's one namespace is the Service's and the Ingress's (route's JSON line has it once).
  const namespace = typeof answer.namespace === 'string' ? `${str(answer.namespace)}/` : ''
  if (typeof answer.location === 'string') out.push(`Location: ${str(answer.location)}`)
  if (typeof answer.service === 'string') {
    out.push(`service ${namespace}${str(answer.service)}${answer.port === null || answer.port === undefined ? '' : `:${str(answer.port)}`}`)
  }
  if (typeof answer.ingress === 'string') out.push(`Ingress ${namespace}${str(answer.ingress)}`)
  const route = answer.route as { kind: string; name: string; namespace: string; rule: number } | null | undefined
  if (route) out.push(`${str(route.kind)} ${str(route.namespace)}/${str(route.name)} rule ${route.rule}`)
  if (answer.canary === true) out.push('canary')
  if (typeof answer.rewrittenPath === 'string') out.push(`path sent ${str(answer.rewrittenPath)}`)
  if (typeof answer.rewrittenHost === 'string') out.push(`host sent ${str(answer.rewrittenHost)}`)
  if (typeof answer.upstreamHost === 'string') out.push(`Host header ${str(answer.upstreamHost)}`)
  const affinity = answer.affinity as { pod: string | null; setCookie: string | null } | undefined
  if (affinity?.pod) out.push(`pod ${str(affinity.pod)}`)
  if (affinity?.setCookie) out.push(`Set-Cookie: ${str(affinity.setCookie)}`)
  return out
}

/** One request's text: `GET http://a/b → 200, service default/s1:80, …`, then its numbered trace steps. */
export function routeText(request: RouteRequest, answer: Answer, columns: number | undefined): string {
  const head = [`${str(request.method ?? 'GET')} ${str(request.url)} → ${str(answer.status)}`, ...facts(answer)].join(', ')
  let out = `${head}\n`
  const trace = Array.isArray(answer.trace) ? (answer.trace as string[]) : []
  trace.forEach((step, i) => {
    const number = `${i + 1}.`.padStart(4)
    const indent = ' '.repeat(number.length + 1)
    const lines = columns === undefined ? [escapeText(step)] : wrapColumns(escapeText(step), Math.max(40, columns - indent.length - 1))
    out += lines.map((line, j) => `${j === 0 ? number + ' ' : indent}${line}\n`).join('')
  })
  return out
}
