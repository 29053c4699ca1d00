import { parseArgs } from 'node:util'
import { describe, expect, it } from 'vitest'
import { FLAGGED_PARAMETERS, resolveParameters, type RolloutParameters } from '../engine'
import { parameterFlagOptions, parameterOptionRows, parseFlagText, readParameterFlags } from './parameter-flags'

type Row = (typeof FLAGGED_PARAMETERS)[number]

/** A value other than the default that the engine accepts, and the flag text that gives it. */
function sample(row: Row): { text: string; value: unknown } {
  const spec = row.value
  switch (spec.kind) {
    case 'number':
    case 'optional-number': {
      const value = Number.isFinite(spec.max) ? Math.min(spec.max, Number(row.default ?? 0) + 1) : 7
      return { text: String(value), value }
    }
    case 'enum':
      return { text: spec.choices.at(-1)!.value, value: spec.choices.at(-1)!.value }
    case 'boolean':
      return { text: String(!row.default), value: !row.default }
    case 'text':
      return { text: 'example/app:v9', value: 'example/app:v9' }
  }
}

const parse = (args: string[]) => parseArgs({ args, options: parameterFlagOptions(), allowPositionals: true }).values

describe('rollout parameter flags', () => {
  it('parses every flag of the table into its field, with a value the engine accepts', () => {
    for (const row of FLAGGED_PARAMETERS) {
      const { text, value } = sample(row)
      const read = readParameterFlags(parse([row.flag, text]))
      expect([row.flag, read]).toEqual([row.flag, { kind: 'ok', parameters: { [row.name]: value } }])
      expect([row.flag, resolveParameters(read.kind === 'ok' ? read.parameters : {}).kind]).toEqual([row.flag, 'ok'])
    }
  })

  it('takes all flags at once, and none', () => {
    const args = FLAGGED_PARAMETERS.flatMap((row) => [row.flag, sample(row).text])
    const read = readParameterFlags(parse(args))
    expect(read.kind === 'ok' && Object.keys(read.parameters).sort()).toEqual(FLAGGED_PARAMETERS.map((row) => row.name).sort())
    expect(readParameterFlags(parse([]))).toEqual({ kind: 'ok', parameters: {} })
  })

  it('reads the word for "none" as null, and refuses text where a number belongs', () => {
    expect(readParameterFlags(parse(['--app-start', 'never']))).toEqual({ kind: 'ok', parameters: { appStartSeconds: null } })
    expect(readParameterFlags(parse(['--app-start', 'later']))).toEqual({ kind: 'usage', message: '--app-start must be a number or never, not "later"' })
    expect(readParameterFlags(parse(['--duration', 'never']))).toEqual({ kind: 'usage', message: '--duration must be a number, not "never"' })
    expect(readParameterFlags(parse(['--rps', ' ']))).toEqual({ kind: 'usage', message: '--rps must be a number, not " "' })
    expect(readParameterFlags(parse(['--seed', 'Infinity']))).toMatchObject({ kind: 'usage' })
  })

  it('lists the choices when a choice is unknown', () => {
    expect(readParameterFlags(parse(['--sigterm', 'sometimes']))).toEqual({ kind: 'usage', message: '--sigterm must be graceful, immediate or ignore, not "sometimes"' })
  })

  it('leaves ranges to the engine', () => {
    const rps = FLAGGED_PARAMETERS.find((row) => row.name === 'rps')!
    expect(parseFlagText(rps, '0')).toEqual({ kind: 'ok', value: 0 })
    expect(resolveParameters({ rps: 0 } as Partial<RolloutParameters>).kind).toBe('error')
  })

  it('gives each flag one help row with what it takes', () => {
    expect(parameterOptionRows().map((row) => row.option)).toEqual(FLAGGED_PARAMETERS.map((row) => expect.stringMatching(new RegExp(`^${row.flag} \\S+$`))))
    const options = Object.fromEntries(parameterOptionRows().map((row) => [row.option.split(' ')[0], row.option.split(' ')[1]]))
    expect(options).toMatchObject({ '--rps': 'N', '--at': 'S', '--app-start': 'S|never', '--sigterm': 'graceful|immediate|ignore', '--image': 'IMAGE' })
  })
})
