/**
 * The scenario controls' English texts, built from the engine's parameter table when i18next loads: the table is
 * the one home of each parameter's English label, help line, meaning of empty and choices (the CLI help and
 * docs/rollout-parameters.md print the same words), so `locales/en/timeline.json` holds none of them. Other
 * languages keep theirs in their `timeline.json` under the table's i18n keys (`param.<name>.label`, …).
 */
import { emptyMeaning, type ParameterEntry } from '../../engine/simulate/parameter-table'
import { listMissingTexts, writeResourcePath } from '../i18n/resource-paths'

/** The timeline namespace, where the scenario controls look their texts up. */
export const PARAMETER_TEXT_NAMESPACE = 'timeline'

/** The text fields under a parameter's key: `empty` only where null is allowed. */
export type ParameterTextField = 'label' | 'help' | 'empty'

/** Every text key one row needs, with the table's English for it. */
export function parameterTextKeys(row: ParameterEntry): [key: string, english: string][] {
  const keys: [string, string][] = [[`${row.i18nKey}.label`, row.label], [`${row.i18nKey}.help`, row.help]]
  const empty = emptyMeaning(row)
  if (empty !== null) keys.push([`${row.i18nKey}.empty`, empty])
  if (row.value.kind === 'enum') {
    for (const choice of row.value.choices) keys.push([`${choice.i18nKey}.label`, choice.label], [`${choice.i18nKey}.help`, choice.help])
  }
  return keys
}

/** `{ param: { rps: { label, help }, … } }` in the table's words. */
export function buildParameterTextResource(rows: readonly ParameterEntry[]): Record<string, unknown> {
  const resource: Record<string, unknown> = {}
  for (const row of rows) for (const [key, english] of parameterTextKeys(row)) writeResourcePath(resource, key, english)
  return resource
}

/**
 * `chrome` (the English `timeline.json`) with `texts` added. The chrome must not carry keys of its own where the
 * texts go: there is one home for them.
 */
export function mergeParameterTexts(chrome: Readonly<Record<string, unknown>>, texts: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const clash = Object.keys(texts).filter((key) => key in chrome)
  if (clash.length > 0) throw new Error(`timeline.json must not define ${clash.join(', ')}: they are built from the parameter table`)
  return { ...chrome, ...texts }
}

/** The keys `resource` (one language's timeline namespace) lacks for `rows`; empty strings count as missing. */
export function listMissingParameterTexts(resource: unknown, rows: readonly ParameterEntry[]): string[] {
  return listMissingTexts(resource, rows.flatMap((row) => parameterTextKeys(row).map(([key]) => key)))
}
