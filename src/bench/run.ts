/**
 * `npm run bench`: runs every `src/bench/*.bench.ts` module (each exports `run(): Promise<BenchFigure[]>`) and
 * prints one table of figures with their budgets. Figures are reports, not tests: the exit code is 0 unless a
 * benchmark itself crashes — or, with `--check`, unless a figure misses its budget (exit 1, the misses listed
 * last). Other arguments pick benchmarks by name: `npm run bench -- route cli --check`. CI runs tests, not timings.
 */
import { readdirSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { BenchFigure } from './figure'

const here = fileURLToPath(new URL('.', import.meta.url))
const args = process.argv.slice(2)
const check = args.includes('--check')
const only = args.filter((arg) => arg !== '--check')
const modules = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((filter) => name.includes(filter)))
  .sort()

const rows: { bench: string; figure: BenchFigure }[] = []
let crashed = false
for (const name of modules) {
  process.stderr.write(`running ${name} …\n`)
  try {
    const module = (await import(pathToFileURL(here + name).href)) as { run: () => Promise<BenchFigure[]> }
    for (const figure of await module.run()) rows.push({ bench: name.replace(/\.bench\.ts$/, ''), figure })
  } catch (error) {
    crashed = true
    process.stderr.write(`${name} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  }
}

function formatValue(value: number): string {
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US')
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)
}

const table = rows.map(({ bench, figure }) => [
  bench,
  figure.name,
  `${formatValue(figure.value)} ${figure.unit}`,
  figure.budget ?? '',
  figure.ok === undefined ? '' : figure.ok ? 'ok' : 'OVER',
])
const header = ['bench', 'figure', 'value', 'budget', '']
const widths = header.map((title, column) => Math.max(title.length, ...table.map((row) => (row[column] as string).length)))
const line = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ').trimEnd()
console.log(line(header))
console.log(line(widths.map((width) => '-'.repeat(width))))
for (const row of table) console.log(line(row))
const missed = rows.filter(({ figure }) => figure.ok === false)
if (check) {
  console.log(missed.length === 0 ? '\nevery figure within its budget' : `\n${missed.length} over budget:`)
  for (const { bench, figure } of missed) console.log(`  ${bench}: ${figure.name.trim()} ${formatValue(figure.value)} ${figure.unit}, budget ${figure.budget}`)
}
process.exitCode = crashed || (check && missed.length > 0) ? 1 : 0
