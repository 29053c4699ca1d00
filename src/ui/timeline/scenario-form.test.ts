import { describe, expect, it } from 'vitest'
import { EDITABLE_PARAMETERS } from '../../engine/simulate/parameter-table'
import { controlsOf, MORE_GROUP, SHOWN_GROUPS } from './scenario-form'

describe('the scenario form', () => {
  it('shows exactly the table\'s editable rows, in table order, each once', () => {
    const shown = [...SHOWN_GROUPS, MORE_GROUP].flatMap((group) => controlsOf(group))
    expect(shown.map((row) => row.name).sort()).toEqual(EDITABLE_PARAMETERS.map((row) => row.name).sort())
    expect(shown).toHaveLength(EDITABLE_PARAMETERS.length)
    for (const group of [...SHOWN_GROUPS, MORE_GROUP]) expect(controlsOf(group)).toEqual(EDITABLE_PARAMETERS.filter((row) => row.group === group))
  })
})
