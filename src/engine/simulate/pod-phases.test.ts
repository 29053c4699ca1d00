import { describe, expect, it } from 'vitest'
import { DISPLAY_PHASE_OF_CODE, DISPLAY_PHASES, PodPhase, POD_PHASE_NAMES } from './pod-phases'

describe('pod phases', () => {
  it('codes are the positions of the names', () => {
    expect(Object.entries(PodPhase).map(([, code]) => POD_PHASE_NAMES[code])).toEqual([...POD_PHASE_NAMES])
  })

  it('every code shows as a display phase; back-off as killed', () => {
    expect(DISPLAY_PHASE_OF_CODE).toHaveLength(POD_PHASE_NAMES.length)
    for (const phase of DISPLAY_PHASE_OF_CODE) expect(DISPLAY_PHASES).toContain(phase)
    expect(DISPLAY_PHASE_OF_CODE[PodPhase.backOff]).toBe('killed')
  })

  it('display phases are unique and fit the 4 bits of a packed pod state', () => {
    expect(new Set(DISPLAY_PHASES).size).toBe(DISPLAY_PHASES.length)
    expect(DISPLAY_PHASES.length).toBeLessThanOrEqual(16)
    expect(DISPLAY_PHASES).toEqual(['absent', 'pending', 'starting', 'not-ready', 'ready', 'prestop', 'draining', 'killed', 'gone'])
  })
})
