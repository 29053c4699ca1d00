import { describe, expect, it } from 'vitest'
import { DEFAULT_ROLLOUT_PARAMETERS, resolveParameters, type RolloutParameters } from './parameters'
import { describeValue, EDITABLE_PARAMETERS, emptyMeaning, FLAGGED_PARAMETERS, listWithOr, parameterRow, ROLLOUT_PARAMETER_TABLE } from './parameter-table'

const at = (name: keyof RolloutParameters, value: unknown) => resolveParameters({ [name]: value } as Partial<RolloutParameters>).kind

describe('ROLLOUT_PARAMETER_TABLE', () => {
  it('has every parameter once; the form shows all but the clock, the CLI the flagged ones', () => {
    const names = ROLLOUT_PARAMETER_TABLE.map((row) => row.name)
    expect(new Set(names).size).toBe(names.length)
    for (const row of ROLLOUT_PARAMETER_TABLE) expect(parameterRow(row.name)).toBe(row)
    expect([...names].sort()).toEqual(Object.keys(DEFAULT_ROLLOUT_PARAMETERS).sort())
    expect(ROLLOUT_PARAMETER_TABLE.filter((row) => row.group === null).map((row) => row.name)).toEqual(['clockStart'])
    expect(EDITABLE_PARAMETERS).toEqual(ROLLOUT_PARAMETER_TABLE.filter((row) => row.name !== 'clockStart'))
    expect(FLAGGED_PARAMETERS.map((row) => row.flag)).toEqual([
      '--image', '--rps', '--duration', '--at', '--request-time', '--retries', '--seed', '--pod-start', '--app-start', '--old-unready',
      '--endpoint-lag', '--prestop-http', '--sigterm', '--drain',
    ])
  })

  it('gives each a label, a one-line help and its texts\' i18n key; fields that allow null a meaning for it', () => {
    for (const row of ROLLOUT_PARAMETER_TABLE) {
      expect(row.label, row.name).toMatch(/^\S.{1,30}$/)
      expect(row.help, row.name).toMatch(/^[A-Za-z].{10,120}\.$/)
      expect(row.i18nKey).toBe(`param.${row.name}`)
      // A field whose default is empty must be editable as empty, and say what empty means.
      if (row.default === null) expect(emptyMeaning(row), row.name).toBeTruthy()
      if (row.value.kind === 'boolean') expect(typeof row.default).toBe('boolean')
      if (row.flag !== null) expect(row.flag).toMatch(/^--[a-z]+(-[a-z]+)*$/)
    }
  })

  it('has ranges and steps that resolveParameters accepts at both ends and rejects just outside', () => {
    for (const row of ROLLOUT_PARAMETER_TABLE) {
      if (row.value.kind !== 'number' && row.value.kind !== 'optional-number') continue
      const { min, max, step } = row.value
      expect(step, row.name).toBeGreaterThan(0)
      if (!Number.isFinite(min)) {
        expect([row.name, at(row.name, -1e300), at(row.name, 1e300), at(row.name, Number.NaN)]).toEqual([row.name, 'ok', 'ok', 'error'])
        continue
      }
      expect([row.name, at(row.name, min), at(row.name, max)]).toEqual([row.name, 'ok', 'ok'])
      expect([row.name, at(row.name, min - min * 0.5 - 0.001), at(row.name, max * 1.5 + 1)]).toEqual([row.name, 'error', 'error'])
    }
  })

  it('has defaults that resolveParameters accepts, and whole-number fields that refuse fractions', () => {
    for (const row of ROLLOUT_PARAMETER_TABLE) expect([row.name, at(row.name, row.default)]).toEqual([row.name, 'ok'])
    expect(at('retries', 1.5)).toBe('error')
    expect(at('oldUnready', 0.5)).toBe('error')
  })

  it('offers the three SIGTERM behaviours the simulation knows, each with its own key', () => {
    const sigterm = parameterRow('sigterm')
    if (sigterm.value.kind !== 'enum') throw new Error('sigterm is a choice')
    expect(sigterm.value.choices.map((c) => c.value)).toEqual(['graceful', 'immediate', 'ignore'])
    for (const c of sigterm.value.choices) {
      expect(at('sigterm', c.value)).toBe('ok')
      expect(c.help).toMatch(/^[A-Z].{10,120}\.$/)
      expect(c.i18nKey).toBe(`param.sigterm.choice.${c.value}`)
    }
  })

  it('prints values for the CLI and the reference page: null as what it means', () => {
    expect(describeValue(parameterRow('durationSeconds'), null)).toBe('until done')
    expect(describeValue(parameterRow('appStartSeconds'), null)).toBe('never')
    expect(describeValue(parameterRow('rps'), 50)).toBe('50')
    expect(listWithOr(['graceful', 'immediate', 'ignore'])).toBe('graceful, immediate or ignore')
    expect(listWithOr(['one'])).toBe('one')
  })
})
