/**
 * `rollout FILE... [options]`: simulates updating one Deployment under constant-rate load (README.md, "Command
 * line"). Exit 0 with the chosen report on stdout (lint findings of severity error on stderr); exit 1 when more
 * requests failed than `--max-failed` / `--max-failed-percent` allow (the report still printed); exit 2 with
 * `file:line:col: message` on stderr for input the API server would reject, and for usage errors.
 */
import { parseArgs } from 'node:util'
import {
  adviseOn,
  analyzeDetailed,
  computeRolloutMetrics,
  findRolloutTarget,
  formatRolloutLogs,
  formatRolloutSummary,
  formatVegetaJson,
  formatVegetaText,
  simulateRollout,
  type Deployment,
  type FailureDetail,
  type Locator,
  type RolloutParameters,
  type RolloutProblem,
  type RolloutResult,
} from '../../engine'
import type { MessageLanguage } from '../../engine/messages/catalog'
import { formatMessage } from '../../engine/messages/render'
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type Command } from '../command'
import { escapeLines, escapeStrings, escapeText } from '../escape-text'
import { CLI_SOURCE_OPTIONS, reportInput, type CliIo } from '../io'
import { readManifests } from '../expand-paths'
import { formatOptionRows } from '../option-columns'
import { parameterFlagOptions, parameterOptionRows, readParameterFlags } from '../parameter-flags'

const help = `Usage: rollout FILE... [options]

Simulates updating one Deployment (a new image) while a vegeta-like attacker sends constant load through
the ingress: the Deployment controller sync by sync, probes, preStop/SIGTERM/grace, endpoint propagation,
and what happened to every request. Deterministic for a given --seed.

Options (times in seconds; every parameter: docs/rollout-parameters.md):
${formatOptionRows([
  { option: '--deployment NAME', text: ['the Deployment to update (default: the only one; required when there are several)'] },
  ...parameterOptionRows(),
  {
    option: '-o, --format FORMAT',
    text: [
      'text: what happened, what failed and why, what to change (default)',
      'json: {deployment, resolved, steps, complete, load, report, ...}',
      'vegeta: vegeta\'s text report; vegeta-json: vegeta report -type=json',
      'stern: the pods\' logs as stern --timestamps prints them (in its colours on a terminal)',
    ],
  },
  { option: '--max-failed N', text: ['a gate: exit 1 when more than N requests failed (after the report)'] },
  { option: '--max-failed-percent P', text: ['a gate: exit 1 when more than P % of the requests failed (0 to 100)'] },
  { option: '-h, --help', text: ['show this help'] },
])}
Lint findings of severity error (lint's form, e.g. grace-shorter-than-prestop) go to stderr; the
rollout is still simulated.

Exit status: 0 simulated (and within the gates), 1 more requests failed than --max-failed or
--max-failed-percent allow (said on stderr), 2 usage error, unreadable file or a spec the API server
would reject.
`

const FORMATS = ['text', 'json', 'vegeta', 'vegeta-json', 'stern'] as const
type Format = (typeof FORMATS)[number]

/** The failed-request gates: at most `count` requests, at most `percent` % of them; null when not asked. */
interface FailureGates {
  readonly count: number | null
  readonly percent: number | null
}

type Parsed = { kind: 'ok'; deployment?: string; format: Format; parameters: Partial<RolloutParameters>; gates: FailureGates; files: string[] } | { kind: 'usage'; message: string } | { kind: 'help' }

/** `--max-failed` / `--max-failed-percent` → the gates, or a usage message. */
function readGates(count: unknown, percent: unknown): FailureGates | string {
  const number = (value: unknown): number | null => (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : null)
  const maxCount = count === undefined ? null : number(count)
  if (count !== undefined && (maxCount === null || !Number.isInteger(maxCount))) return `--max-failed must be a whole number of requests, not "${String(count)}"`
  const maxPercent = percent === undefined ? null : number(percent)
  if (percent !== undefined && (maxPercent === null || maxPercent > 100)) return `--max-failed-percent must be a number from 0 to 100, not "${String(percent)}"`
  return { count: maxCount, percent: maxPercent }
}

/** Why the run fails its gates, or null when it passes them. */
function gateFailure(load: { readonly requests: number; readonly success: number }, gates: FailureGates): string | null {
  const failed = load.requests - load.success
  const percent = load.requests === 0 ? 0 : (100 * failed) / load.requests
  const said = `${failed} of ${load.requests} requests failed (${percent.toFixed(2)} %)`
  if (gates.count !== null && failed > gates.count) return `${said}, more than --max-failed ${gates.count}`
  if (gates.percent !== null && percent > gates.percent) return `${said}, more than --max-failed-percent ${gates.percent}`
  return null
}

function parseOptions(argv: readonly string[]): Parsed {
  const stringOption = { type: 'string' } as const
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        ...parameterFlagOptions(),
        deployment: stringOption,
        format: { type: 'string', default: 'text' },
        output: { type: 'string', short: 'o' },
        'max-failed': stringOption,
        'max-failed-percent': stringOption,
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    return { kind: 'usage', message: error instanceof Error ? error.message : String(error) }
  }
  const values = parsed.values as Record<string, string | boolean | undefined>
  if (values.help) return { kind: 'help' }
  const flags = readParameterFlags(values)
  if (flags.kind === 'usage') return flags
  // -o/--output is lint's name for the same choice (kubectl's too); either may be given.
  const format = (values.output ?? values.format) as string
  if (!(FORMATS as readonly string[]).includes(format)) return { kind: 'usage', message: `--format must be one of ${FORMATS.join(', ')}, not "${format}"` }
  const gates = readGates(values['max-failed'], values['max-failed-percent'])
  if (typeof gates === 'string') return { kind: 'usage', message: gates }
  if (parsed.positionals.length === 0) return { kind: 'usage', message: 'no FILE given (use - for stdin)' }
  return { kind: 'ok', deployment: typeof values.deployment === 'string' ? values.deployment : undefined, format: format as Format, parameters: flags.parameters, gates, files: parsed.positionals }
}

function pickDeployment(deployments: readonly Deployment[], name: string | undefined): Deployment | string {
  if (name === undefined) {
    if (deployments.length === 1) return deployments[0]!
    if (deployments.length === 0) return 'no Deployment in the input'
    return `${deployments.length} Deployments (${deployments.map((x) => x.meta.name).join(', ')}): choose one with --deployment NAME`
  }
  const [namespace, short] = name.includes('/') ? name.split('/', 2) : [undefined, name]
  const found = deployments.filter((x) => x.meta.name === short && (namespace === undefined || x.meta.namespace === namespace))
  if (found.length === 1) return found[0]!
  if (found.length > 1) return `several Deployments are named "${name}": use --deployment NAMESPACE/NAME`
  return `no Deployment named "${name}" (found: ${deployments.map((x) => x.meta.name).join(', ') || 'none'})`
}

function printProblems(problems: readonly RolloutProblem[], deployment: Deployment, locate: Locator, io: CliIo, language: MessageLanguage): void {
  for (const problem of problems) {
    const text = escapeText(formatMessage(problem.text, language))
    if (problem.field === undefined && problem.code === 'rollout-invalid-parameter') {
      io.stderr(`rollout: ${text}\n`)
      continue
    }
    const span = locate.spanOf(deployment.source, problem.field ?? [])
    const { line, column } = locate.lineColOf(deployment.source.file, span.start)
    io.stderr(`${escapeText(deployment.source.file)}:${line}:${column}: ${text}\n`)
  }
}

/** The why and the fix of each kind of failure as data (cause, remedy, change), their words in `language`. */
function adviceJson(r: RolloutResult, language: MessageLanguage): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(r.failures.byDetail).map((detail) => {
      const advice = adviseOn(detail as FailureDetail, r)
      return [detail, { ...advice, why: formatMessage(advice.why, language), fix: formatMessage(advice.fix, language) }]
    }),
  )
}

/** The `--format json` object: the contract's fields first, then details for scripts. */
function toJson(r: RolloutResult, report: string, language: MessageLanguage): unknown {
  const seconds = (ms: number | null): number | null => (ms === null ? null : Math.round(ms) / 1000)
  return {
    deployment: r.deployment.name,
    resolved: r.resolved,
    steps: r.steps.map((s) => [s.old, s.new]),
    complete: r.complete,
    load: r.load,
    report,
    images: r.images,
    target: r.target.url,
    completeAtSeconds: seconds(r.completeMs),
    oldPodsGoneAtSeconds: seconds(r.finishedMs),
    progressDeadlineExceededAtSeconds: seconds(r.deadlineExceededMs),
    stepTimesSeconds: r.steps.map((s) => seconds(s.timeMs)),
    failuresByDetail: r.failures.byDetail,
    // The why and the fix of each kind of failure as data: cause, remedy, and the change (YAML operations or parameters).
    advice: adviceJson(r, language),
    // The hook, its duration as the manifest gives it, and the seconds the run gave it (`assumed`: --prestop-http).
    preStop: r.deployment.preStop,
    failures: r.failures.kept.slice(0, 100).map((f) => ({
      seq: f.seq,
      sentSeconds: seconds(f.sentMs),
      code: f.code,
      cause: f.cause,
      detail: f.detail,
      pod: f.pod >= 0 ? r.timeline.pods[f.pod]!.name : null,
      podPhase: f.podPhase,
    })),
    // The condition's message as the controller words it (its catalog message stays out of the contract).
    conditions: r.conditions.map(({ text: _text, ...c }) => ({ ...c, timeMs: undefined, atSeconds: seconds(c.timeMs) })),
    parameters: r.parameters,
  }
}

/** Runs the command; causes, advice and problems in `language` (English unless asked). */
export async function runRollout(argv: readonly string[], io: CliIo, language: MessageLanguage = 'en'): Promise<number> {
  const options = parseOptions(argv)
  if (options.kind === 'help') {
    io.stdout(help)
    return EXIT_OK
  }
  if (options.kind === 'usage') {
    io.stderr(`rollout: ${escapeText(options.message)}\n\n${help}`)
    return EXIT_USAGE
  }
  const inputs = await readManifests(options.files, io)
  if (inputs.kind === 'error') {
    io.stderr(`rollout: ${inputs.message}\n`)
    return EXIT_USAGE
  }
  const { analysis, locate } = analyzeDetailed(inputs.sources, CLI_SOURCE_OPTIONS)
  if (reportInput(analysis.diagnostics, io) === 'rejected') return EXIT_USAGE
  const deployment = pickDeployment(analysis.model.deployments, options.deployment)
  if (typeof deployment === 'string') {
    io.stderr(`rollout: ${escapeText(deployment)}\n`)
    return EXIT_USAGE
  }
  const outcome = simulateRollout({ deployment, target: findRolloutTarget(analysis.model, deployment), parameters: options.parameters })
  if (outcome.kind === 'invalid') {
    printProblems(outcome.problems, deployment, locate, io, language)
    return EXIT_USAGE
  }
  const r = outcome.result
  // The text reports carry user strings (images, the target URL, hook commands) as one-line text each.
  const shown = options.format === 'text' || options.format === 'stern' || options.format === 'vegeta' ? escapeStrings(r) : r
  switch (options.format) {
    case 'text':
      io.stdout(escapeLines(formatRolloutSummary(shown, language)))
      break
    case 'json':
      io.stdout(`${JSON.stringify(toJson(r, formatVegetaText(computeRolloutMetrics(r)), language))}\n`)
      break
    case 'vegeta':
      io.stdout(escapeLines(formatVegetaText(computeRolloutMetrics(shown))))
      break
    case 'vegeta-json':
      io.stdout(formatVegetaJson(computeRolloutMetrics(r)))
      break
    case 'stern':
      // On a terminal, stern's colours per pod; `shown` has every input string escaped already, so the only
      // control characters in the coloured text are the formatter's own.
      io.stdout(io.color === true ? formatRolloutLogs(shown, { colour: true }) : escapeLines(formatRolloutLogs(shown)))
      break
  }
  const failedGate = gateFailure(r.load, options.gates)
  if (failedGate !== null) {
    io.stderr(`rollout: ${failedGate}\n`)
    return EXIT_FINDINGS
  }
  return EXIT_OK
}

export const command: Command = {
  help,
  run: (argv, io) => runRollout(argv, io),
}
