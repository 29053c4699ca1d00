import { describe, expect, it } from 'vitest'
import { applyFix, codesOf } from '../testing/quick-fixes'
import { HEALTHY, stack } from '../testing/stack'

describe('quick fixes on a file whose lines end in a lone CR (as old Mac editors write them)', () => {
  it('edit the node the diagnostic names, and the fixed file is clean', () => {
    const cr = stack({ container: HEALTHY, selects: 'wbe' }).replace(/\n/g, '\r')
    expect(codesOf(cr)).toContain('service-selects-nothing')
    const fixed = applyFix(cr, 'service-selects-nothing')
    expect(codesOf(fixed)).not.toContain('service-selects-nothing')
    expect(codesOf(fixed).filter((code) => code.startsWith('yaml-'))).toEqual([])
    expect(fixed).not.toContain('\n')
  })
})
