/**
 * `lint FILE... [-o text|json|yaml|sarif|junit] [--fail-on LEVEL] [--kubernetes-version 1.NN] [--disable RULE]...
 * [--severity RULE=LEVEL]... [--now TIME]`:
 * every diagnostic of the engine — YAML, API validation, deprecated versions, the context-aware lint rules and the
 * routing findings — with its rule id. Directories expand to their *.yaml/*.yml/*.json files. Exit 1 when any
 * has the `--fail-on` severity or a graver one (default error), 0 otherwise, 2 for usage errors and unreadable files.
 */
import { parseArgs } from 'node:util'
import { analyze, formatMessage, kubernetesMinor, ruleInfo, RULES, type Diagnostic, type MessageLanguage, type RuleId, type RuleSettings, type Severity } from '../../engine'
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type Command } from '../command'
import { readManifests } from '../expand-paths'
import { CLI_SOURCE_OPTIONS, formatDiagnostic, type CliIo } from '../io'
import { escapeText } from '../escape-text'
import { stringify } from 'yaml'
import { toJunit } from './lint-junit'
import { toSarif } from './lint-sarif'

const help = `Usage: lint FILE... [-o text|json|yaml|sarif|junit] [--fail-on LEVEL] [--kubernetes-version 1.NN] [--disable RULE]... [--severity RULE=LEVEL]... [--now TIME]

Checks Kubernetes manifests as the API server and ingress-nginx would: YAML syntax, API validation,
deprecated API versions, and lint rules that use the whole graph (probes of pods behind a Service,
Ingress -> Service -> port references, TLS Secrets and certificates, zero-downtime rollout settings,
routing conflicts). FILE is a YAML or JSON file, a directory (its *.yaml, *.yml and *.json files,
recursively), or - for stdin; multi-document files and kind: List are read.

Options:
  -o, --output FORMAT    text: one "file:line:col: severity rule: message" line per diagnostic (default)
                         json: {"diagnostics":[{file,line,column,endLine,endColumn,severity,rule,message}],
                                "errors":N,"warnings":N,"infos":N}; yaml: the same as YAML
                         sarif: a SARIF 2.1.0 log (code-scanning annotations: rules, levels, regions)
                         junit: JUnit XML, a suite per object and a test case per rule of its kind
                         (--format is the same option)
  --kubernetes-version 1.NN
                         check against that release: an API version it no longer serves is an error
                         (removed-api-version), as its API server would refuse it; without it, a warning
  --fail-on LEVEL        exit 1 when any diagnostic is LEVEL or graver: error (default), warning, info,
                         or none (always 0 unless the input cannot be read)
  --disable RULE         turn a lint rule off (repeatable); --list-rules shows them
  --severity RULE=LEVEL  report a lint rule as error, warning or info (repeatable)
  --now TIME             the time certificate expiry is checked against (RFC 3339; default: now)
  --list-rules           print every lint rule with its default severity and title
  -h, --help             show this help

Exit status: 0 nothing at --fail-on or graver, 1 at least one such diagnostic, 2 usage error or unreadable file.
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

function toJson(diagnostic: Diagnostic, language: MessageLanguage): JsonDiagnostic {
  return {
    file: diagnostic.file,
    line: diagnostic.start.line,
    column: diagnostic.start.column,
    endLine: diagnostic.end.line,
    endColumn: diagnostic.end.column,
    severity: diagnostic.severity,
    rule: diagnostic.code,
    message: formatMessage(diagnostic.text, language),
  }
}

const OUTPUTS = ['text', 'json', 'yaml', 'sarif', 'junit'] as const
type Output = (typeof OUTPUTS)[number]

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info']
/** `--fail-on` levels: a severity fails the run when it is at or before the level in SEVERITIES; none never does. */
const FAIL_ON = [...SEVERITIES, 'none'] as const
type FailOn = (typeof FAIL_ON)[number]

/** Whether a diagnostic of `severity` fails a run with `--fail-on level`. */
function failsAt(severity: Severity, level: FailOn): boolean {
  return level !== 'none' && SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(level)
}

/** `--disable` and `--severity` → rule settings, or a usage message. */
function readRuleSettings(disable: readonly string[], severity: readonly string[]): RuleSettings | string {
  const settings: Partial<Record<RuleId, { enabled?: boolean; severity?: Severity }>> = {}
  for (const id of disable) {
    if (!ruleInfo(id)) return `--disable: unknown rule "${id}" (see --list-rules)`
    settings[id as RuleId] = { ...settings[id as RuleId], enabled: false }
  }
  for (const entry of severity) {
    const [id = '', level = ''] = entry.split('=')
    if (!ruleInfo(id)) return `--severity: unknown rule "${id}" (see --list-rules)`
    if (!SEVERITIES.includes(level as Severity)) return `--severity: ${id}: level must be error, warning or info, not "${level}"`
    settings[id as RuleId] = { ...settings[id as RuleId], severity: level as Severity }
  }
  return settings
}

function listRules(): string {
  const width = Math.max(...RULES.map((rule) => rule.id.length))
  return RULES.map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.title}`).join('\n') + '\n'
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        format: { type: 'string' },
        'fail-on': { type: 'string', default: 'error' },
        'kubernetes-version': { type: 'string' },
        disable: { type: 'string', multiple: true, default: [] },
        severity: { type: 'string', multiple: true, default: [] },
        now: { type: 'string' },
        'list-rules': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    io.stderr(`lint: ${escapeText(error instanceof Error ? error.message : String(error))}\n\n${help}`)
    return EXIT_USAGE
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(help)
    return EXIT_OK
  }
  if (values['list-rules']) {
    io.stdout(listRules())
    return EXIT_OK
  }
  if (values.output !== undefined && values.format !== undefined && values.output !== values.format) {
    io.stderr('lint: --output and --format are the same option: give one\n')
    return EXIT_USAGE
  }
  const output = (values.output ?? values.format ?? 'text') as Output
  if (!OUTPUTS.includes(output)) {
    io.stderr(`lint: --output must be ${OUTPUTS.join(', ')}, not "${escapeText(output)}"\n`)
    return EXIT_USAGE
  }
  const failOn = values['fail-on'] as FailOn
  if (!FAIL_ON.includes(failOn)) {
    io.stderr(`lint: --fail-on must be ${FAIL_ON.join(', ')}, not "${escapeText(String(values['fail-on']))}"\n`)
    return EXIT_USAGE
  }
  const kubernetesVersion = values['kubernetes-version']
  if (kubernetesVersion !== undefined && kubernetesMinor(kubernetesVersion) === null) {
    io.stderr(`lint: --kubernetes-version must be a release such as 1.29, not "${escapeText(kubernetesVersion)}"\n`)
    return EXIT_USAGE
  }
  const rules = readRuleSettings(values.disable, values.severity)
  if (typeof rules === 'string') {
    io.stderr(`lint: ${escapeText(rules)}\n`)
    return EXIT_USAGE
  }
  const now = values.now === undefined ? Date.now() : Date.parse(values.now)
  if (Number.isNaN(now)) {
    io.stderr(`lint: --now must be a time such as 2026-01-31T00:00:00Z, not "${escapeText(String(values.now))}"\n`)
    return EXIT_USAGE
  }
  if (positionals.length === 0) {
    io.stderr(`lint: no FILE given (use - for stdin)\n\n${help}`)
    return EXIT_USAGE
  }
  const inputs = await readManifests(positionals, io)
  if (inputs.kind === 'error') {
    io.stderr(`lint: ${inputs.message}\n`)
    return EXIT_USAGE
  }
  const { diagnostics, documents } = analyze(inputs.sources, { ...CLI_SOURCE_OPTIONS, rules, now, ...(kubernetesVersion === undefined ? {} : { kubernetesVersion }) })
  const count = (severity: Diagnostic['severity']): number => diagnostics.filter((d) => d.severity === severity).length
  const report = () => ({ diagnostics: diagnostics.map((d) => toJson(d, io.language)), errors: count('error'), warnings: count('warning'), infos: count('info') })
  switch (output) {
    case 'text':
      // One write for all lines (a cluster export has thousands; a write each is a system call each), as route batches.
      if (diagnostics.length > 0) io.stdout(diagnostics.map((diagnostic) => `${formatDiagnostic(diagnostic, io.language, io.color === true)}\n`).join(''))
      break
    case 'json':
      io.stdout(`${JSON.stringify(report())}\n`)
      break
    case 'yaml':
      io.stdout(stringify(report()))
      break
    case 'sarif':
      io.stdout(`${JSON.stringify(toSarif(diagnostics, io.language), null, 2)}\n`)
      break
    case 'junit':
      io.stdout(toJunit(diagnostics, documents, rules, io.language))
      break
  }
  return diagnostics.some((diagnostic) => failsAt(diagnostic.severity, failOn)) ? EXIT_FINDINGS : EXIT_OK
}

export const command: Command = {
  help,
  run,
}
