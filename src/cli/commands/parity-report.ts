/**
 * The two forms of `parity`'s report (README.md, "Command line"; docs/migration.md, "Command line"): one JSON
 * object whose answers have `route`'s JSON shape, or text for a person — a summary, then each cause with its
 * count, explanation and fix, each request with the fields that differ and both traces side by side.
 */
import { formatMessage, gatewayAnswer, ingressAnswer, requestFacts, type ClusterModel, type MessageLanguage, type ParityDifference, type ParityField, type ParityReport, type ParityRequest } from '../../engine'
import type { CliIo } from '../io'
import { escapeText } from '../escape-text'
import { sideBySide, wrapColumns } from '../side-by-side'
import { toRouteAnswer } from './route'
import { toGatewayAnswer } from './route-gateway'

/** The report as the one JSON object `parity --format json` prints. */
export function parityJson(report: ParityReport, language: MessageLanguage): Record<string, unknown> {
  const say = (message: Parameters<typeof formatMessage>[0]): string => formatMessage(message, language)
  return {
    equivalent: report.equivalent,
    requests: report.requests,
    differences: report.differences.map((d) => ({
      request: requestJson(d.request),
      ingressNginx: toRouteAnswer(d.ingressNginx, language),
      gatewayApi: toGatewayAnswer(d.gatewayApi, language),
      fields: [...d.fields],
      cause: d.cause,
      explanation: say(d.explanation),
      fix: { kind: d.fix.kind, text: say(d.fix.text) },
      ...(d.why === undefined ? {} : { why: say(d.why) }),
      ...(d.shares === undefined ? {} : { shares: d.shares }),
    })),
    gateway: report.gateway,
    groups: report.groups.map((group) => ({ cause: group.cause, explanation: say(group.explanation), count: group.count })),
    ...(report.limited === undefined ? {} : { limited: report.limited }),
  }
}

function requestJson(request: ParityRequest): ParityRequest {
  return { url: request.url, method: request.method, headers: { ...request.headers }, cookies: { ...request.cookies } }
}

type FieldValue = string | number | null

/**
 * One compared field on each side, exactly as parity compared it: the engine's normalised answers (`service` as
 * namespace/name, a port name resolved through the Service, the path and Host the upstream receives, null when
 * nothing was proxied). `model` holds the Services of the input.
 */
export function fieldValues(model: ClusterModel, d: ParityDifference, field: ParityField): readonly [FieldValue, FieldValue] {
  const facts = requestFacts(d.request)
  return [ingressAnswer(model, facts, d.ingressNginx)[field], gatewayAnswer(facts, d.gatewayApi)[field]]
}

const shown = (value: FieldValue): string => (value === null ? '(none)' : escapeText(String(value)))

/** `GET http://a/b  (X-Canary: always; cookie canary=always)`, escaped. */
function requestLine(request: ParityRequest): string {
  const extras = [
    ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`),
    ...Object.entries(request.cookies).map(([name, value]) => `cookie ${name}=${value}`),
  ]
  return escapeText(`${request.method} ${request.url}${extras.length > 0 ? `  (${extras.join('; ')})` : ''}`)
}

const FIX_KINDS: Readonly<Record<ParityDifference['fix']['kind'], string>> = {
  'change-ingress': 'change the Ingress',
  'change-route': 'change the route',
  accept: 'accept',
}

/** The text report; every user string (URLs, headers, names, trace words) escaped, one line each. */
export function parityText(report: ParityReport, model: ClusterModel, io: Pick<CliIo, 'language' | 'columns'>): string {
  const say = (message: Parameters<typeof formatMessage>[0]): string => escapeText(formatMessage(message, io.language))
  const gateway = escapeText(report.gateway)
  const requests = `${report.requests} ${report.requests === 1 ? 'request' : 'requests'}`
  const limited = report.limited === true ? ' (the generator stopped at its limit: not every request was sent)' : ''
  if (report.equivalent) return `parity: ${requests}, every one answered alike by ingress-nginx and by Gateway ${gateway}${limited}\n`
  let out = `parity: ${report.differences.length} of ${requests} answered differently by ingress-nginx and by Gateway ${gateway}, ` +
    `${report.groups.length} ${report.groups.length === 1 ? 'cause' : 'causes'}${limited}\n`
  // Prose (explanations, fixes, why) wraps to a known terminal; piped, each stays one line for grep.
  const prose = (text: string, indent: string): string =>
    io.columns === undefined ? `${indent}${text}\n` : wrapColumns(text, Math.max(40, io.columns - indent.length - 1)).map((line) => `${indent}${line}\n`).join('')
  const fixOf = (d: ParityDifference): string => `Fix (${FIX_KINDS[d.fix.kind] ?? escapeText(d.fix.kind)}): ${say(d.fix.text)}`
  const causes = [...report.groups.map((group) => group.cause), ...report.differences.map((d) => d.cause)].filter((cause, i, all) => all.indexOf(cause) === i)
  for (const cause of causes) {
    const differences = report.differences.filter((d) => d.cause === cause)
    const group = report.groups.find((g) => g.cause === cause)
    const first = differences[0]
    const count = group?.count ?? differences.length
    out += `\n${escapeText(cause)}: ${count} ${count === 1 ? 'request' : 'requests'}\n`
    const explanation = group?.explanation ?? first?.explanation
    if (explanation !== undefined) out += prose(say(explanation), '  ')
    const fixes = new Set(differences.map(fixOf))
    const shared = fixes.size === 1 ? [...fixes][0] : undefined
    if (shared !== undefined) out += prose(shared, '  ')
    for (const d of differences) {
      out += `\n  ${requestLine(d.request)}\n`
      if (d.why !== undefined) out += prose(`(${say(d.why)})`, '    ')
      for (const field of d.fields) {
        const [a, b] = fieldValues(model, d, field)
        out += `    ${field}: ${shown(a)} → ${shown(b)}\n`
      }
      if (d.shares !== undefined) {
        const shares = (list: typeof d.shares.ingressNginx): string => list.map((x) => `${x.service === null ? '(none)' : escapeText(x.service)} ${x.status} ${Math.round(x.share * 1000) / 10}%`).join(', ')
        out += `    shares: ${shares(d.shares.ingressNginx)} → ${shares(d.shares.gatewayApi)}\n`
      }
      if (shared === undefined) out += prose(fixOf(d), '    ')
      out += sideBySide(
        { title: 'ingress-nginx', steps: d.ingressNginx.trace.map(say) },
        { title: `Gateway API (${gateway})`, steps: d.gatewayApi.trace.map(say) },
        io.columns,
        '    ',
      )
    }
  }
  return out
}
