/**
 * What a CLI run's output must look like whatever the input: an exit code of the contract, nothing on stdout
 * with exit 2, JSON where JSON is promised, and (a separate figure while escaping is being added) no raw control
 * or bidi characters in text meant for a terminal.
 */
import type { CliCase } from './cli-cases'

export interface RunOutput {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** C0 controls but tab and newline, DEL, C1, and the bidi embeddings, overrides and isolates (Trojan Source). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

/** The first raw control character and where, for the report. */
export function findRawControl(text: string): string | undefined {
  const match = RAW_CONTROL.exec(text)
  if (!match) return undefined
  const code = (match[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0')
  return `U+${code} at ${match.index}: ${JSON.stringify(text.slice(Math.max(0, match.index - 30), match.index + 30))}`
}

function valueOf(argv: readonly string[], flag: string): string | undefined {
  const at = argv.lastIndexOf(flag)
  return at >= 0 ? argv[at + 1] : undefined
}

/** lint's output format: `-o`, `--output` or `--format` (one option), text when none is given. */
function lintOutput(c: CliCase): string {
  return valueOf(c.argv, '-o') ?? valueOf(c.argv, '--output') ?? valueOf(c.argv, '--format') ?? 'text'
}

/** Which stdout the case's command promises as JSON: one document, JSON lines, or none. */
function promisedJson(c: CliCase): 'document' | 'lines' | 'none' {
  if (c.argv.includes('--help') || c.argv.includes('-h') || c.argv.includes('--list-rules')) return 'none'
  if (c.command === 'route') return 'lines'
  if (c.command === 'lint' && ['json', 'sarif'].includes(lintOutput(c))) return 'document'
  if (c.command === 'rollout' && ['json', 'vegeta-json'].includes(valueOf(c.argv, '--format') ?? '')) return 'document'
  if (c.command === 'parity' && valueOf(c.argv, '--format') === 'json') return 'document'
  return 'none'
}

function parses(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** A lint JSON diagnostic whose position is not a 1-based line and column, ending at or after its start. */
function misplacedDiagnostic(stdout: string): string | undefined {
  const report = JSON.parse(stdout) as { diagnostics?: { line: unknown; column: unknown; endLine: unknown; endColumn: unknown; rule: unknown }[] }
  const positive = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 1
  const bad = (report.diagnostics ?? []).find((d) => ![d.line, d.column, d.endLine, d.endColumn].every(positive) || (d.endLine as number) < (d.line as number))
  return bad && `lint diagnostic ${String(bad.rule)} at ${String(bad.line)}:${String(bad.column)}-${String(bad.endLine)}:${String(bad.endColumn)}`
}

/** parity's exit code says what its JSON report says: 0 equivalent (no difference), 1 some request differs. */
function parityBreach(out: RunOutput): string | undefined {
  const report = JSON.parse(out.stdout) as { equivalent?: unknown; differences?: unknown }
  const alike = out.code === 0
  if (report.equivalent !== alike || !Array.isArray(report.differences) || (report.differences.length === 0) !== alike) {
    return `parity exit ${out.code} with equivalent ${String(report.equivalent)}`
  }
  return undefined
}

/** `migrate --to gateway-api --report json` promises one JSON object on stderr when it converted. */
function migrateReportBreach(c: CliCase, out: RunOutput): string | undefined {
  if (c.command !== 'migrate' || out.code !== 0 || valueOf(c.argv, '--to') !== 'gateway-api' || valueOf(c.argv, '--report') !== 'json') return undefined
  if (c.argv.includes('--help') || c.argv.includes('-h') || c.argv.includes('--')) return undefined
  return parses(out.stderr) ? undefined : 'migrate --report json: stderr is not one JSON document'
}

/** Whether the case may exit 1: lint and parity by their findings, route and rollout only through their gates. */
function hasFindingsExit(c: CliCase): boolean {
  if (c.command === 'lint' || c.command === 'parity') return true
  const gates = c.command === 'route' ? ['--expect', '--expect-file'] : c.command === 'rollout' ? ['--max-failed', '--max-failed-percent'] : []
  return gates.some((gate) => c.argv.includes(gate))
}

/** Why the output breaks the contract, or undefined when it keeps it. */
export function contractBreach(c: CliCase, out: RunOutput): string | undefined {
  if (![0, 1, 2].includes(out.code)) return `exit code ${out.code}`
  if (out.code === 1 && !hasFindingsExit(c)) return 'exit code 1 from a command that has no findings exit'
  if (out.code === 2 && out.stdout !== '') return `exit 2 with ${out.stdout.length} characters on stdout`
  if (out.code !== 2 || out.stdout !== '') {
    const json = promisedJson(c)
    if (json === 'document' && out.code !== 2 && !parses(out.stdout)) return 'stdout is not one JSON document'
    if (json === 'document' && c.command === 'lint') return misplacedDiagnostic(out.stdout)
    if (json === 'document' && c.command === 'parity') return parityBreach(out)
    if (json === 'lines' && out.code === 0) {
      const bad = out.stdout.split('\n').slice(0, -1).findIndex((line) => !parses(line))
      // No requests (an empty --requests file) rightly print no lines.
      if (bad >= 0 || (out.stdout !== '' && !out.stdout.endsWith('\n'))) return `stdout line ${bad + 1} is not JSON`
    }
  }
  return migrateReportBreach(c, out)
}

/**
 * Raw control characters in the output meant for a terminal: stderr, and stdout unless it is data — migrate's
 * YAML is the user's own text, and JSON, lint's YAML and JUnit XML are for programs (JSON.stringify escapes C0 but
 * leaves C1 and bidi as they are, which JSON allows; so do YAML and XML).
 */
export function rawControlIn(c: CliCase, out: RunOutput): string | undefined {
  const lintData = c.command === 'lint' && out.code !== 2 && ['yaml', 'junit'].includes(lintOutput(c))
  const stdoutIsData = c.command === 'migrate' || promisedJson(c) !== 'none' || lintData
  // migrate --to gateway-api --report json: the report on stderr is JSON too.
  const stderrIsData = c.command === 'migrate' && out.code === 0 && valueOf(c.argv, '--report') === 'json' && parses(out.stderr)
  return findRawControl((stdoutIsData ? '' : out.stdout) + (stderrIsData ? '' : out.stderr))
}
