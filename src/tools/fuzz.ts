/**
 * `npm run fuzz [-- --seed N] [--cases N] [--jobs N] [--limit-ms MS] [--case I] [--strict-control] [--report F]`:
 * the seeded fuzz run of every CLI command and the share codec (src/fuzz), spread over one child process per core.
 * Prints each finding with the command that replays it and one summary line (`fuzz: …`, which `npm test`
 * repeats), writes reports/fuzz.json (or F), and exits 1 when a throw, a run over the time limit, a secret byte or
 * a malformed output was found (raw control characters too with --strict-control).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import type { CaseInput } from '../fuzz/fuzz-case'
import { runInChildren } from '../fuzz/run-in-children'
import { runFuzz } from '../fuzz/run-fuzz'
import { formatSummary, fuzzPassed, type FuzzFinding } from '../fuzz/summary'

/** 10,230 cases: at least 10,000, and a whole number of rounds of the schedule (22 cases). */
const DEFAULT_CASES = 465 * 22

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    cases: { type: 'string', default: String(DEFAULT_CASES) },
    jobs: { type: 'string', default: String(Math.min(2, availableParallelism())) },
    'limit-ms': { type: 'string', default: '2000' },
    case: { type: 'string' },
    'strict-control': { type: 'boolean', default: false },
    report: { type: 'string', default: 'reports/fuzz.json' },
    // A child process of a parallel run (run-in-children.ts): cases from, from + stride, … below to.
    child: { type: 'boolean', default: false },
    from: { type: 'string', default: '0' },
    to: { type: 'string' },
    stride: { type: 'string', default: '1' },
  },
})

const seed = Number(values.seed)
const limitMs = Number(values['limit-ms'])

/** A case's inputs as JSON, long texts cut so it stays readable. */
function describeInput(input: CaseInput, maxChars: number): string {
  return JSON.stringify(input, (_key, value: unknown) => (typeof value === 'string' && value.length > maxChars ? `${value.slice(0, maxChars)}…(${value.length} chars)` : value), 2)
}

function printFindings(findings: readonly FuzzFinding[]): void {
  if (findings.length === 0) return
  console.log(`Findings (${findings.length}; the first 10 of each kind):`)
  const shown = new Map<string, number>()
  for (const finding of findings) {
    const count = shown.get(finding.kind) ?? 0
    shown.set(finding.kind, count + 1)
    if (count >= 10) continue
    console.log(`  #${finding.index} ${finding.target} ${finding.kind}: ${finding.detail.split('\n').join('\n    ')}`)
    console.log(`    replay: npm run --silent fuzz -- --seed ${seed} --case ${finding.index}`)
  }
}

if (values.child) {
  await runFuzz({
    seed,
    limitMs,
    from: Number(values.from),
    to: Number(values.to ?? values.cases),
    stride: Number(values.stride),
    onStart: (index) => console.log(`start ${index}`),
    onCase: (index, _input, problems, ms) => console.log(`case ${index} ${ms} ${JSON.stringify(problems)}`),
  })
} else if (values.case !== undefined) {
  const index = Number(values.case)
  await runFuzz({
    seed,
    limitMs,
    from: index,
    to: index + 1,
    onCase: (_index, input, problems, ms) => {
      console.log(describeInput(input, 100_000))
      console.log(`case ${index}: ${Math.round(ms)} ms, ${problems.length === 0 ? 'no problems' : JSON.stringify(problems, null, 2)}`)
    },
  })
} else {
  const summary = await runInChildren({
    seed,
    limitMs,
    cases: Number(values.cases),
    jobs: Math.max(1, Number(values.jobs)),
    // A case 15 times over the limit has hung for our purposes; the child is killed and a new one goes on.
    hangMs: Math.max(30_000, limitMs * 15),
    command: [process.execPath, ...process.execArgv, process.argv[1] as string],
  })
  printFindings(summary.findings)
  mkdirSync(dirname(values.report), { recursive: true })
  const summaryLine = formatSummary(summary)
  writeFileSync(values.report, JSON.stringify({ summaryLine, ...summary }, null, 2))
  console.log(summaryLine)
  process.exitCode = fuzzPassed(summary, values['strict-control']) ? 0 : 1
}
