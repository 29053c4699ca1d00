/**
 * `npm run fuzz [-- --seed N] [--cases N] [--limit-ms MS] [--case I] [--strict-control]`: the seeded fuzz run of
 * every CLI command and the share codec (src/fuzz). Prints each finding with the command that replays it, one
 * summary line (`fuzz: …`, which `npm test` repeats), writes reports/fuzz.json, and exits 1 when a throw, a run over
 * the time limit, a secret byte or a malformed output was found (raw control characters too with --strict-control).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { CaseInput } from '../fuzz/fuzz-case'
import { formatSummary, fuzzPassed, runFuzz, type FuzzFinding } from '../fuzz/run-fuzz'

/** 10,230 cases: at least 10,000, and a whole number of rounds of the schedule (22 cases). */
const DEFAULT_CASES = 465 * 22

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    cases: { type: 'string', default: String(DEFAULT_CASES) },
    'limit-ms': { type: 'string', default: '2000' },
    case: { type: 'string' },
    'strict-control': { type: 'boolean', default: false },
  },
})

const seed = Number(values.seed)
const limitMs = Number(values['limit-ms'])
const replay = values.case === undefined ? undefined : Number(values.case)

/** A case's inputs as JSON, long texts cut so a report stays readable (replaying gives them in full). */
function describeInput(input: CaseInput, maxChars: number): string {
  return JSON.stringify(input, (_key, value: unknown) => (typeof value === 'string' && value.length > maxChars ? `${value.slice(0, maxChars)}…(${value.length} chars)` : value), 2)
}

function printFinding(finding: FuzzFinding): void {
  console.log(`  #${finding.index} ${finding.target} ${finding.kind}: ${finding.detail.split('\n').join('\n    ')}`)
  console.log(`    replay: npm run --silent fuzz -- --seed ${seed} --case ${finding.index}`)
}

const summary = await runFuzz({
  seed,
  cases: replay === undefined ? Number(values.cases) : 1,
  first: replay,
  limitMs,
  onCase: (index, input, problems, ms) => {
    if (replay !== undefined) {
      console.log(describeInput(input, 100_000))
      console.log(`case ${index}: ${Math.round(ms)} ms, ${problems.length === 0 ? 'no problems' : JSON.stringify(problems, null, 2)}`)
    } else if ((index + 1) % 2000 === 0) {
      console.log(`  … ${index + 1} cases`)
    }
  },
})

if (summary.findings.length > 0 && replay === undefined) {
  console.log(`Findings (${summary.findings.length}; the first 10 of each kind):`)
  const shown = new Map<string, number>()
  for (const finding of summary.findings) {
    const count = shown.get(finding.kind) ?? 0
    shown.set(finding.kind, count + 1)
    if (count < 10) printFinding(finding)
  }
}

mkdirSync('reports', { recursive: true })
const summaryLine = formatSummary(summary)
writeFileSync('reports/fuzz.json', JSON.stringify({ summaryLine, ...summary }, null, 2))
console.log(summaryLine)
process.exitCode = fuzzPassed(summary, values['strict-control']) ? 0 : 1
