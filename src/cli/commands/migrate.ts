/**
 * `migrate FILE... [--explain]`: the manifests rewritten to current API versions (networking.k8s.io/v1 Ingress
 * and IngressClass, apps/v1 Deployment), comments, key order and unrelated documents kept. Several files are
 * printed one after the other, separated by `---`. Exit 2 on unreadable files and on YAML that cannot be read;
 * other errors (an invalid field, lint findings) are printed on stderr and the files are still migrated.
 *
 * `migrate --to gateway-api FILE... [--gateway-class NAME] [--gateway NAMESPACE/NAME] [--report text|json]`: the
 * Ingresses converted to a Gateway and HTTPRoutes by the engine's `convertToGatewayApi` (migrate-gateway.ts
 * prints it; docs/migration.md, "Command line").
 */
import { parseArgs } from 'node:util'
import { analyze, isRejectedInput, migrateSources, type Diagnostic } from '../../engine'
import { EXIT_OK, EXIT_USAGE, type Command } from '../command'
import { CLI_SOURCE_OPTIONS, reportInput, type CliIo } from '../io'
import { readManifests } from '../expand-paths'
import { escapeText } from '../escape-text'
import { GATEWAY_OPTIONS, migrateToGateway, TARGETS } from './migrate-gateway'

const help = `Usage: migrate FILE... [--explain]
       migrate --to gateway-api FILE... [--gateway-class NAME] [--gateway NAMESPACE/NAME] [--report text|json]

Rewrites Kubernetes manifests to the current API versions so they apply on a current cluster and
behave exactly as before:
  Ingress extensions/v1beta1, networking.k8s.io/v1beta1 -> networking.k8s.io/v1
    (backend shape, spec.backend -> spec.defaultBackend, pathType written out the way ingress-nginx
    routed the old default, kubernetes.io/ingress.class -> spec.ingressClassName)
  Deployment extensions/v1beta1, apps/v1beta1, apps/v1beta2 -> apps/v1
    (selector written from the template labels, old defaults written out: maxSurge/maxUnavailable,
    revisionHistoryLimit, progressDeadlineSeconds)
  IngressClass networking.k8s.io/v1beta1 -> networking.k8s.io/v1
Comments, key order, quoting and all other documents stay as written. The result goes to stdout.

With --to gateway-api, converts the Ingresses ingress-nginx serves to Gateway API instead: a Gateway (or
the one --gateway names, when the input has it) and HTTPRoutes, with ReferenceGrants where a route or a
certificate crosses namespaces. Annotations with a Gateway API equivalent become filters, matches,
weights and listeners (ssl-redirect, rewrite-target, redirects, app-root, canary, upstream-vhost, custom
headers, TLS); every annotation or field the routes cannot carry as ingress-nginx did is a finding:
  stdout  the converted manifests (one YAML stream, comments kept where YAML allows)
  stderr  the report: one "file:line:col: warning|info migrate-gateway/CODE: message" line per finding
          and a summary line; with --report json one object:
          {"gateway":"ns/name","objects":[{kind,namespace,name,from:[{namespace,name}]}],
           "findings":[{code,severity,ingress,annotation,file,line,column,message}]}
Check what changes request by request with "parity FILE...".

Options:
  --explain                print what changed, one "file:line:col: Kind name: change" line each, on stderr
  --to gateway-api         convert the Ingresses to Gateway API (the only target)
  --gateway-class NAME     spec.gatewayClassName of the Gateway written (default nginx)
  --gateway NAMESPACE/NAME the Gateway the routes attach to (default: the Ingresses' namespace, or
                           default when they differ, /ingress-nginx); one of the input is used as it is
  --report text|json       the form of the report on stderr (default text)
  -h, --help               show this help

Errors in the manifests that do not stop migration (API validation, routing and lint findings) are
printed on stderr as lint prints them ("file:line:col: severity rule: message"); with --report json
the report is the only thing on stderr.

Exit status: 0 done, 2 usage error, unreadable file or YAML that cannot be read; with --to gateway-api
also a spec the API server would reject (then nothing is printed on stdout).
`
/**
 * Migration rewrites text, so only text that cannot be read stops it: the source stage's part of what the API
 * server would reject. A spec it would reject for its fields is migrated as written (still rejected after),
 * with the errors on stderr.
 */
const unreadable = (d: Diagnostic): boolean => d.stage === 'source' && isRejectedInput(d)

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { explain: { type: 'boolean' }, ...GATEWAY_OPTIONS, help: { type: 'boolean', short: 'h' } } })
  } catch (error) {
    io.stderr(`migrate: ${escapeText(error instanceof Error ? error.message : String(error))}\n\n${help}`)
    return EXIT_USAGE
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(help)
    return EXIT_OK
  }
  if (values.to !== undefined && !(TARGETS as readonly string[]).includes(values.to)) {
    io.stderr(`migrate: --to must be ${TARGETS.join(' or ')}, not "${escapeText(values.to)}"\n`)
    return EXIT_USAGE
  }
  if (values.to === undefined) {
    const stray = (['gateway-class', 'gateway', 'report'] as const).find((name) => values[name] !== undefined)
    if (stray !== undefined) {
      io.stderr(`migrate: --${stray} goes with --to gateway-api\n`)
      return EXIT_USAGE
    }
  } else if (values.explain) {
    io.stderr('migrate: --explain is for API versions; with --to gateway-api the report is always on stderr\n')
    return EXIT_USAGE
  }
  if (positionals.length === 0) {
    io.stderr(`migrate: no FILE given (use - for stdin)\n\n${help}`)
    return EXIT_USAGE
  }
  if (values.to !== undefined) return migrateToGateway(positionals, values, io)
  const inputs = await readManifests(positionals, io)
  if (inputs.kind === 'error') {
    io.stderr(`migrate: ${inputs.message}\n`)
    return EXIT_USAGE
  }
  const { diagnostics } = analyze(inputs.sources, CLI_SOURCE_OPTIONS)
  if (reportInput(diagnostics, io, unreadable) === 'rejected') return EXIT_USAGE
  const result = migrateSources(inputs.sources)
  const texts = result.files.map((file) => file.text)
  io.stdout(texts.map((text, i) => (i < texts.length - 1 && !text.endsWith('\n') ? `${text}\n` : text)).join('---\n'))
  if (values.explain) {
    const lines = new Map(inputs.sources.map((source) => [source.name, source.text]))
    for (const note of result.notes) {
      const text = lines.get(note.source.file) ?? ''
      const before = text.slice(0, note.source.span.start)
      const line = before.split('\n').length
      const column = note.source.span.start - before.lastIndexOf('\n')
      io.stderr(`${escapeText(note.source.file)}:${line}:${column}: ${escapeText(note.object)}: ${escapeText(note.message)}\n`)
    }
    for (const problem of result.problems) io.stderr(`migrate: ${escapeText(problem)}\n`)
  }
  return EXIT_OK
}

export const command: Command = {
  help,
  run,
}
