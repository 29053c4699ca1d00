/**
 * `migrate FILE... [--explain]`: the manifests rewritten to current API versions (networking.k8s.io/v1 Ingress
 * and IngressClass, apps/v1 Deployment), comments, key order and unrelated documents kept. Several files are
 * printed one after the other, separated by `---`. Exit 2 on unreadable files and on YAML that cannot be read;
 * other errors (an invalid field, lint findings) are printed on stderr and the files are still migrated.
 */
import { parseArgs } from 'node:util'
import { analyze, isRejectedInput, migrateSources, type Diagnostic } from '../../engine'
import { EXIT_OK, EXIT_USAGE, type Command } from '../command'
import { readInputs, reportInput, type CliIo } from '../io'
import { escapeText } from '../escape-text'

const help = `Usage: migrate FILE... [--explain]

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

Options:
  --explain   also print what changed, one "file:line:col: Kind name: change" line each, on stderr
  -h, --help  show this help

Errors in the manifests that do not stop migration (API validation, routing and lint findings) are
printed on stderr as lint prints them ("file:line:col: severity rule: message").

Exit status: 0 done, 2 usage error, unreadable file or YAML that cannot be read.
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
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { explain: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } })
  } catch (error) {
    io.stderr(`migrate: ${escapeText(error instanceof Error ? error.message : String(error))}\n\n${help}`)
    return EXIT_USAGE
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(help)
    return EXIT_OK
  }
  if (positionals.length === 0) {
    io.stderr(`migrate: no FILE given (use - for stdin)\n\n${help}`)
    return EXIT_USAGE
  }
  const inputs = await readInputs(positionals, io)
  if (inputs.kind === 'error') {
    io.stderr(`migrate: ${inputs.message}\n`)
    return EXIT_USAGE
  }
  const { diagnostics } = analyze(inputs.sources)
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
  summary: 'rewrite manifests to current API versions (networking.k8s.io/v1, apps/v1), comments kept',
  help,
  run,
}
