import { describe, expect, it } from 'vitest'
import { DEFAULT_ROLLOUT_PARAMETERS, resolveParameters, type RolloutParameters } from './parameters'
import { ROLLOUT_PARAMETER_FIELDS, SIGTERM_CHOICES } from './parameter-fields'

describe('ROLLOUT_PARAMETER_FIELDS', () => {
  it('covers every parameter except the clock, once', () => {
    const names = ROLLOUT_PARAMETER_FIELDS.map((f) => f.name)
    expect(new Set(names).size).toBe(names.length)
    expect([...names].sort()).toEqual(Object.keys(DEFAULT_ROLLOUT_PARAMETERS).filter((k) => k !== 'clockStart').sort())
  })

  it('gives each a one-line summary, and optional fields a meaning for empty', () => {
    for (const f of ROLLOUT_PARAMETER_FIELDS) {
      expect(f.summary).toMatch(/^[A-Za-z].{10,120}\.$/)
      expect(f.summary).not.toContain('\n')
      if (f.kind === 'optional-number' || f.kind === 'image') expect(f.whenEmpty).toBeTruthy()
      // A field whose default is empty must be editable as empty.
      if (DEFAULT_ROLLOUT_PARAMETERS[f.name] === null) expect(['optional-number', 'image']).toContain(f.kind)
      if (f.kind === 'boolean') expect(typeof DEFAULT_ROLLOUT_PARAMETERS[f.name]).toBe('boolean')
    }
  })

  it('has ranges that resolveParameters accepts at both ends and rejects just outside', () => {
    for (const f of ROLLOUT_PARAMETER_FIELDS.filter((x) => x.kind === 'number' || x.kind === 'optional-number')) {
      if (f.name === 'seed') continue // any finite number
      const at = (value: number) => resolveParameters({ [f.name]: value } as Partial<RolloutParameters>).kind
      expect([f.name, at(f.min), at(f.max)]).toEqual([f.name, 'ok', 'ok'])
      expect([f.name, at(f.min - f.min * 0.5 - 0.001), at(f.max * 1.5 + 1)]).toEqual([f.name, 'error', 'error'])
    }
  })

  it('offers the three SIGTERM behaviours the simulation knows', () => {
    expect(SIGTERM_CHOICES.map((c) => c.value)).toEqual(['graceful', 'immediate', 'ignore'])
    for (const c of SIGTERM_CHOICES) expect(resolveParameters({ sigterm: c.value }).kind).toBe('ok')
  })
})
