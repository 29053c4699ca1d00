/**
 * `lint FILE... [--format text|json]`: every diagnostic of the engine (YAML, validation, deprecation, lints).
 * Exit 1 when any has severity error, 0 otherwise, 2 for usage errors and unreadable files.
 */
import { parseArgs } from 'node:util'
import { analyze, type Diagnostic } from '../../engine'
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type Command } from '../command'
import { formatDiagnostic, readInputs, type CliIo } from '../io'

const help = `Usage: lint FILE... [--format text|json]

Checks Kubernetes manifests as the API server and ingress-nginx would: YAML syntax, API validation,
deprecated API versions. FILE is a YAML or JSON file, or - for stdin; multi-document files and
kind: List are read.

Options:
  --format text|json  text: one "file:line:col: severity rule: message" line per diagnostic (default)
                      json: {"diagnostics":[{file,line,column,endLine,endColumn,severity,rule,message}],
                             "errors":N,"warnings":N,"infos":N}
  -h, --help          show this help

Exit status: 0 no errors, 1 at least one error, 2 usage error or unreadable file.
`

/** One diagnostic in the JSON output. */
interface JsonDiagnostic {
  readonly file: string
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly endColumn: number
  readonly severity: Diagnostic['severity']
  readonly rule: Diagnostic['code']
  readonly message: string
}

function toJson(diagnostic: Diagnostic): JsonDiagnostic {
  return {
    file: diagnostic.file,
    line: diagnostic.start.line,
    column: diagnostic.start.column,
    endLine: diagnostic.end.line,
    endColumn: diagnostic.end.column,
    severity: diagnostic.severity,
    rule: diagnostic.code,
    message: diagnostic.message,
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } },
    })
  } catch (error) {
    io.stderr(`lint: ${error instanceof Error ? error.message : String(error)}\n\n${help}`)
    return EXIT_USAGE
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(help)
    return EXIT_OK
  }
  if (values.format !== 'text' && values.format !== 'json') {
    io.stderr(`lint: --format must be text or json, not "${values.format}"\n`)
    return EXIT_USAGE
  }
  if (positionals.length === 0) {
    io.stderr(`lint: no FILE given (use - for stdin)\n\n${help}`)
    return EXIT_USAGE
  }
  const inputs = await readInputs(positionals, io)
  if (inputs.kind === 'error') {
    io.stderr(`lint: ${inputs.message}\n`)
    return EXIT_USAGE
  }
  const { diagnostics } = analyze(inputs.sources)
  const count = (severity: Diagnostic['severity']): number => diagnostics.filter((d) => d.severity === severity).length
  if (values.format === 'json') {
    const report = { diagnostics: diagnostics.map(toJson), errors: count('error'), warnings: count('warning'), infos: count('info') }
    io.stdout(`${JSON.stringify(report)}\n`)
  } else {
    for (const diagnostic of diagnostics) io.stdout(`${formatDiagnostic(diagnostic)}\n`)
  }
  return count('error') > 0 ? EXIT_FINDINGS : EXIT_OK
}

export const command: Command = {
  summary: 'check manifests: YAML, API-server validation, deprecated API versions',
  help,
  run,
}
