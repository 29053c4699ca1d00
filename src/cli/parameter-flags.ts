/**
 * The rollout parameters on the command line, all from the engine's parameter table (docs/rollout-parameters.md
 * lists the same rows): the `parseArgs` options, each flag's text parsed into its field (numbers, the word for
 * "none" such as `--app-start never`, a choice), and the help rows with the table's defaults.
 */
import { describeValue, FLAGGED_PARAMETERS, listWithOr, type ParameterEntry, type RolloutParameters } from '../engine'
import { NO_BREAK, type OptionRow } from './option-columns'

type FlaggedRow = (typeof FLAGGED_PARAMETERS)[number]

/** `rps` for `--rps`: the name `parseArgs` knows the option by. */
const optionName = (row: FlaggedRow): string => row.flag.slice(2)

/** Every parameter flag as a `parseArgs` string option (values are parsed here, with the table's rules). */
export function parameterFlagOptions(): Record<string, { type: 'string' }> {
  return Object.fromEntries(FLAGGED_PARAMETERS.map((row) => [optionName(row), { type: 'string' as const }]))
}

export type FlagParse = { kind: 'ok'; parameters: Partial<RolloutParameters> } | { kind: 'usage'; message: string }

/** The parameters given as flags in `values` (from `parseArgs`), or the first flag whose text does not parse. */
export function readParameterFlags(values: Readonly<Record<string, unknown>>): FlagParse {
  const parameters: Record<string, unknown> = {}
  for (const row of FLAGGED_PARAMETERS) {
    const text = values[optionName(row)]
    if (typeof text !== 'string') continue
    const parsed = parseFlagText(row, text)
    if (parsed.kind === 'usage') return parsed
    parameters[row.name] = parsed.value
  }
  return { kind: 'ok', parameters: parameters as Partial<RolloutParameters> }
}

/** One flag's text as its field's value. Ranges are the engine's business (`resolveParameters`), not parsing's. */
export function parseFlagText(row: FlaggedRow, text: string): { kind: 'ok'; value: unknown } | { kind: 'usage'; message: string } {
  const spec = row.value
  const usage = (expected: string) => ({ kind: 'usage' as const, message: `${row.flag} must be ${expected}, not "${text}"` })
  const number = Number(text)
  const isNumber = text.trim() !== '' && Number.isFinite(number)
  switch (spec.kind) {
    case 'number':
      return isNumber ? { kind: 'ok', value: number } : usage('a number')
    case 'optional-number':
      if (spec.flagWord !== null && text === spec.flagWord) return { kind: 'ok', value: null }
      return isNumber ? { kind: 'ok', value: number } : usage(spec.flagWord === null ? 'a number' : `a number or ${spec.flagWord}`)
    case 'enum': {
      const values = spec.choices.map((choice) => choice.value)
      return (values as readonly string[]).includes(text) ? { kind: 'ok', value: text } : usage(listWithOr(values))
    }
    case 'boolean':
      return text === 'true' || text === 'false' ? { kind: 'ok', value: text === 'true' } : usage('true or false')
    case 'text':
      return { kind: 'ok', value: text }
  }
}

/** The help rows of every parameter flag, in table order. */
export function parameterOptionRows(): OptionRow[] {
  return FLAGGED_PARAMETERS.map((row) => ({ option: `${row.flag} ${metavar(row)}`, text: describe(row) }))
}

/** What the flag takes: `S` (seconds), `N`, `S|never`, the choices, or the flag's name for text. */
function metavar(row: FlaggedRow): string {
  const spec = row.value
  const amount = row.unit === 's' ? 'S' : 'N'
  switch (spec.kind) {
    case 'number':
      return amount
    case 'optional-number':
      return spec.flagWord === null ? amount : `${amount}|${spec.flagWord}`
    case 'enum':
      return spec.choices.map((choice) => choice.value).join('|')
    case 'boolean':
      return 'true|false'
    case 'text':
      return optionName(row).toUpperCase()
  }
}

/** The table's help as a help column (lower case, no full stop), its default, and a line per choice. */
function describe(row: ParameterEntry): string[] {
  const shown = describeValue(row, row.default)
  const fallback = (row.default === null ? `(default: ${shown})` : `(default ${shown})`).replaceAll(' ', NO_BREAK)
  const lines = [`${asColumnText(row.help)} ${fallback}`]
  if (row.value.kind === 'enum') {
    const width = Math.max(...row.value.choices.map((choice) => choice.value.length))
    for (const choice of row.value.choices) lines.push(`  ${choice.value.padEnd(width)}  ${asColumnText(choice.help)}`)
  }
  return lines
}

/** `Median time the app spends.` → `median time the app spends` (and `A …` → `a …`); words in capitals (SIGTERM) keep them. */
function asColumnText(sentence: string): string {
  const text = sentence.replace(/\.$/, '')
  return /^[A-Z](?:[a-z]| )/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text
}
