/**
 * `migrate --to gateway-api FILE... [--gateway-class NAME] [--gateway NAMESPACE/NAME] [--report text|json]`: the
 * engine's `convertToGatewayApi` on the command line (docs/migration.md, "Command line"). The converted manifests
 * go to stdout exactly as the engine wrote them; the report goes to stderr, one lint-style line per finding and a
 * summary, or one JSON object. The conversion is the engine's; this module only reads, checks and prints.
 */
import { analyzeDetailed, convertToGatewayApi, isRejectedInput, type ConversionFinding, type GatewayConversion, type LineCol, type Locator, type SourceFile } from '../../engine'
import { EXIT_OK, EXIT_USAGE } from '../command'
import { CLI_SOURCE_OPTIONS, reportInput, say, type CliIo } from '../io'
import { readManifests } from '../expand-paths'
import { escapeText } from '../escape-text'

/** What `--to` accepts. */
export const TARGETS = ['gateway-api'] as const

/** `migrate`'s options for the Gateway API conversion (node:util parseArgs form). */
export const GATEWAY_OPTIONS = {
  to: { type: 'string' },
  'gateway-class': { type: 'string' },
  gateway: { type: 'string' },
  report: { type: 'string' },
} as const

const REPORTS = ['text', 'json'] as const

export interface GatewayMigrationValues {
  readonly 'gateway-class'?: string | undefined
  readonly gateway?: string | undefined
  readonly report?: string | undefined
}

/** One finding of the JSON report. */
export interface JsonFinding {
  readonly code: string
  readonly severity: ConversionFinding['severity']
  /** `namespace/name` of the Ingress. */
  readonly ingress: string
  readonly annotation: string | null
  readonly file: string
  readonly line: number
  readonly column: number
  readonly message: string
}

/**
 * Where each finding starts, as lint would point at it: the annotation's key when the Ingress the finding is
 * about writes that annotation (a `regex-host` finding names another Ingress's), else the start of the finding's
 * own span (a spec field, or what the converter pointed at).
 */
function positionsOf(locate: Locator, sources: readonly SourceFile[]): (finding: ConversionFinding) => LineCol {
  const texts = new Map(sources.map((source) => [source.name, source.text]))
  return ({ source, annotation }) => {
    let start = source.span.start
    if (annotation !== null) {
      const key = locate.spanOf(source, ['metadata', 'annotations', annotation], 'key').start
      const text = texts.get(source.file) ?? ''
      if (text.startsWith(annotation, key) || text.startsWith(annotation, key + 1)) start = key
    }
    return locate.lineColOf(source.file, start)
  }
}

function toJsonFinding(finding: ConversionFinding, position: LineCol, io: CliIo): JsonFinding {
  return {
    code: finding.code,
    severity: finding.severity,
    ingress: `${finding.ingress.namespace}/${finding.ingress.name}`,
    annotation: finding.annotation,
    file: finding.source.file,
    line: position.line,
    column: position.column,
    message: say(io, finding.text),
  }
}

const plural = (count: number, one: string, other = `${one}s`): string => `${count} ${count === 1 ? one : other}`

/** The report's last line: how many Ingresses became which objects on which Gateway, and how many findings. */
export function conversionSummary(conversion: GatewayConversion): string {
  const ingresses = new Set<string>()
  for (const object of conversion.objects) for (const from of object.from) ingresses.add(`${from.namespace}/${from.name}`)
  for (const finding of conversion.findings) ingresses.add(`${finding.ingress.namespace}/${finding.ingress.name}`)
  const count = (kind: string): number => conversion.objects.filter((object) => object.kind === kind).length
  const written = count('Gateway') > 0 ? 'written' : 'from the input'
  const grants = count('ReferenceGrant') > 0 ? `, ${plural(count('ReferenceGrant'), 'ReferenceGrant')}` : ''
  const warnings = conversion.findings.filter((finding) => finding.severity === 'warning').length
  const infos = conversion.findings.length - warnings
  return `migrate: ${plural(ingresses.size, 'Ingress', 'Ingresses')} -> ${plural(count('HTTPRoute'), 'HTTPRoute')}${grants} on Gateway ` +
    `${escapeText(conversion.gateway)} (${written}); ${plural(conversion.findings.length, 'finding')} (${plural(warnings, 'warning')}, ${plural(infos, 'info')})`
}

/** Runs the conversion for `migrate --to gateway-api` once the arguments are known to be FILE... and these options. */
export async function migrateToGateway(paths: readonly string[], values: GatewayMigrationValues, io: CliIo): Promise<number> {
  const usage = (message: string): number => {
    io.stderr(`migrate: ${escapeText(message)}\n`)
    return EXIT_USAGE
  }
  const report = values.report ?? 'text'
  if (!(REPORTS as readonly string[]).includes(report)) return usage(`--report must be text or json, not "${report}"`)
  const inputs = await readManifests(paths, io)
  if (inputs.kind === 'error') return usage(inputs.message)
  const { analysis: { diagnostics }, locate } = analyzeDetailed(inputs.sources, CLI_SOURCE_OPTIONS)
  if (report === 'json') {
    // The JSON report is the only thing on stderr then: input the API server rejects still stops it, the other
    // errors are left to lint.
    const rejected = diagnostics.filter(isRejectedInput)
    if (rejected.length > 0 && reportInput(rejected, io) === 'rejected') return EXIT_USAGE
  } else if (reportInput(diagnostics, io) === 'rejected') return EXIT_USAGE
  const options = {
    ...(values['gateway-class'] === undefined ? {} : { gatewayClass: values['gateway-class'] }),
    ...(values.gateway === undefined ? {} : { gateway: values.gateway }),
    source: CLI_SOURCE_OPTIONS,
  }
  const conversion = convertToGatewayApi(inputs.sources, options)
  if ('problem' in conversion) return usage(say(io, conversion.problem))
  io.stdout(conversion.text)
  const position = positionsOf(locate, inputs.sources)
  const findings = conversion.findings.map((finding) => toJsonFinding(finding, position(finding), io))
  if (report === 'json') {
    const objects = conversion.objects.map(({ kind, namespace, name, from }) => ({ kind, namespace, name, from: from.map((key) => ({ namespace: key.namespace, name: key.name })) }))
    io.stderr(`${JSON.stringify({ gateway: conversion.gateway, objects, findings })}\n`)
    return EXIT_OK
  }
  for (const finding of findings) {
    io.stderr(`${escapeText(finding.file)}:${finding.line}:${finding.column}: ${finding.severity} migrate-gateway/${escapeText(finding.code)}: ${escapeText(finding.message)}\n`)
  }
  io.stderr(`${conversionSummary(conversion)}\n`)
  return EXIT_OK
}
