import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { closestName } from './closest-name'
import { buildNameIndex } from './name-index'

const name = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-'), maxLength: 7 })

describe('buildNameIndex', () => {
  it('answers as closestName does (nearest within the bound, first candidate on a tie, no exact match)', () => {
    fc.assert(fc.property(fc.array(name, { maxLength: 12 }), fc.array(name, { maxLength: 8 }), (candidates, queries) => {
      const index = buildNameIndex(candidates)
      for (const query of queries) expect(index.closest(query)).toBe(closestName(query, candidates))
    }), { numRuns: 400 })
  })

  it('suggests a misspelt Service', () => {
    expect(buildNameIndex(['web', 'api', 'backend']).closest('bakend')).toBe('backend')
    expect(buildNameIndex(['web']).closest('x')).toBeNull()
  })
})
