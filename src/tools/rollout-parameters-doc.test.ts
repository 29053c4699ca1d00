import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FLAGGED_PARAMETERS, ROLLOUT_PARAMETER_TABLE } from '../engine'
import { renderRolloutParametersDoc, ROLLOUT_PARAMETERS_DOC_PATH } from './rollout-parameters-doc'

const committed = readFileSync(new URL(`../../${ROLLOUT_PARAMETERS_DOC_PATH}`, import.meta.url), 'utf8')

describe('docs/rollout-parameters.md', () => {
  it('is what the generator writes from the parameter table (run npm run docs after changing the table)', () => {
    expect(committed).toBe(renderRolloutParametersDoc())
  })

  it('has one row per parameter, the flagged ones with their flag', () => {
    const rows = committed.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| flag'))
    expect(rows).toHaveLength(ROLLOUT_PARAMETER_TABLE.length)
    for (const row of FLAGGED_PARAMETERS) expect(rows.some((line) => line.startsWith(`| \`${row.flag}\` | \`${row.name}\` |`)), row.flag).toBe(true)
  })
})

describe('renderRolloutParametersDoc', () => {
  it('escapes pipes in cells and prints null defaults as what they mean', () => {
    const [row] = ROLLOUT_PARAMETER_TABLE.filter((r) => r.name === 'durationSeconds')
    const page = renderRolloutParametersDoc([{ ...row!, help: 'a | b.' }])
    expect(page).toContain('| `--duration` | `durationSeconds` | s | 0 … 86400, or none | none: until done | a \\| b. |')
  })
})
