import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeFenceposts, resolveFenceposts, scaleIntOrPercent, validateStrategy } from './fenceposts'

const rolling = (maxSurge: number | string, maxUnavailable: number | string) => ({ type: 'RollingUpdate' as const, maxSurge, maxUnavailable })

describe('resolveFenceposts (deployment_util.go ResolveFenceposts)', () => {
  // docs/rollout.md#fenceposts: the values for 25%/25%.
  it.each([
    [1, 1, 0],
    [2, 1, 0],
    [3, 1, 0],
    [4, 1, 1],
    [5, 2, 1],
    [10, 3, 2],
    [100, 25, 25],
  ])('25%%/25%% of %i replicas is surge %i, unavailable %i', (replicas, surge, unavailable) => {
    expect(resolveFenceposts('25%', '25%', replicas)).toEqual({ surge, unavailable })
  })

  it('gives 10 replicas at 39%/39% surge 4 and unavailable 3 (the Kubernetes unit test)', () => {
    expect(resolveFenceposts('39%', '39%', 10)).toEqual({ surge: 4, unavailable: 3 })
  })

  it('turns 0/0 reached by rounding into unavailable 1', () => {
    expect(resolveFenceposts('25%', '25%', 0)).toEqual({ surge: 0, unavailable: 1 })
    expect(resolveFenceposts(0, '25%', 1)).toEqual({ surge: 0, unavailable: 1 })
    expect(resolveFenceposts('0%', '49%', 2)).toEqual({ surge: 0, unavailable: 1 })
  })

  it('handles 0% and 100%', () => {
    expect(resolveFenceposts('100%', '0%', 3)).toEqual({ surge: 3, unavailable: 0 })
    expect(resolveFenceposts('0%', '100%', 3)).toEqual({ surge: 0, unavailable: 3 })
    expect(resolveFenceposts('100%', '100%', 7)).toEqual({ surge: 7, unavailable: 7 })
  })

  it('keeps ints above replicas as they are (scale-up is capped elsewhere)', () => {
    expect(resolveFenceposts(5, 5, 3)).toEqual({ surge: 5, unavailable: 5 })
  })

  it('multiplies before dividing, avoiding the float trap', () => {
    // 7 / 100 * 100 is 7.000000000000001 in doubles; ceil would give 8.
    expect(Math.ceil((7 / 100) * 100)).toBe(8)
    expect(scaleIntOrPercent('7%', 100, true)).toBe(7)
    // 0.29 * 100 is 28.999999999999996; floor would give 28.
    expect(Math.floor(0.29 * 100)).toBe(28)
    expect(scaleIntOrPercent('29%', 100, false)).toBe(29)
    expect(scaleIntOrPercent('57%', 100, false)).toBe(57)
    expect(resolveFenceposts('7%', '29%', 100)).toEqual({ surge: 7, unavailable: 29 })
  })

  it('rejects strings that are not percentages', () => {
    expect(scaleIntOrPercent('5', 10, true)).toBeNull()
    expect(scaleIntOrPercent('5.5%', 10, true)).toBeNull()
    expect(resolveFenceposts('abc', 1, 3)).toBeNull()
  })

  it('equals exact integer arithmetic for every percentage and replica count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 100_000 }), (p, replicas) => {
        const exact = p * replicas
        expect(scaleIntOrPercent(`${p}%`, replicas, true)).toBe(Math.floor((exact + 99) / 100))
        expect(scaleIntOrPercent(`${p}%`, replicas, false)).toBe(Math.floor(exact / 100))
      }),
    )
  })
})

describe('computeFenceposts (MaxSurge / MaxUnavailable)', () => {
  it('clamps unavailable to replicas and zeroes it for 0 replicas', () => {
    expect(computeFenceposts(rolling(5, 5), 3)).toEqual({ maxSurge: 5, maxUnavailable: 3 })
    expect(computeFenceposts(rolling('25%', '25%'), 0)).toEqual({ maxSurge: 0, maxUnavailable: 0 })
  })

  it('is 0/0 for Recreate', () => {
    expect(computeFenceposts({ type: 'Recreate' }, 5)).toEqual({ maxSurge: 0, maxUnavailable: 0 })
  })

  it('returns null for a strategy that does not validate', () => {
    expect(computeFenceposts(rolling('1', 0), 3)).toBeNull()
  })
})

describe('validateStrategy (ValidateRollingUpdateDeployment)', () => {
  it('accepts the usual shapes', () => {
    for (const [s, u] of [['25%', '25%'], [1, 0], [0, 1], ['100%', '0%'], ['150%', 0], [10, 10]] as const) {
      expect(validateStrategy(rolling(s, u))).toEqual([])
    }
  })

  it('rejects both zero, in any spelling, with the API server message', () => {
    for (const [s, u] of [[0, 0], ['0%', 0], [0, '0%'], ['0%', '0%']] as const) {
      const problems = validateStrategy(rolling(s, u))
      expect(problems).toMatchObject([{ code: 'surge-and-unavailable-zero', field: 'maxUnavailable' }])
      expect(problems[0]!.message).toMatch(/^spec\.strategy\.rollingUpdate\.maxUnavailable: Invalid value: 0%?: may not be 0 when `maxSurge` is 0$/)
    }
  })

  it('rejects malformed percentages, negative and fractional numbers, and maxUnavailable above 100%', () => {
    expect(validateStrategy(rolling('25', 1))).toMatchObject([{ code: 'invalid-int-or-percent', field: 'maxSurge' }])
    expect(validateStrategy(rolling('25', 1))[0]!.message).toContain("regex used for validation is '[0-9]+%'")
    expect(validateStrategy(rolling(-1, 1))[0]!.message).toContain('must be greater than or equal to 0')
    expect(validateStrategy(rolling(1.5, 1))).toMatchObject([{ code: 'invalid-int-or-percent' }])
    expect(validateStrategy(rolling(1, '110%'))).toMatchObject([{ code: 'invalid-int-or-percent', field: 'maxUnavailable', message: expect.stringContaining('must not be greater than 100%') }])
    expect(validateStrategy(rolling('150%', '100%'))).toEqual([])
  })

  it('reads a bare numeric string as its value for the zero check, as the API server does', () => {
    const problems = validateStrategy(rolling('0', 0))
    expect(problems.map((p) => p.code)).toEqual(['invalid-int-or-percent', 'surge-and-unavailable-zero'])
    expect(validateStrategy(rolling('1', 0)).map((p) => p.code)).toEqual(['invalid-int-or-percent'])
  })

  it('has nothing to say about Recreate', () => {
    expect(validateStrategy({ type: 'Recreate' })).toEqual([])
  })
})
