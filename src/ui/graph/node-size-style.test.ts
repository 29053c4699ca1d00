import { describe, expect, it } from 'vitest'
import { NODE_METRICS, REPLICA_SET_METRICS } from '../../engine/graph/node-size'
import { readCssRules } from '../testing/css-rules'
import { NODE_SIZE_VARS } from './node-size-style'

const rules = readCssRules(new URL('./graph.css', import.meta.url))
const declarations = rules.flatMap((rule) => rule.declarations.map(([property, value]) => ({ selector: rule.selector, property, value })))
const SIZE_VAR = /var\((--(?:node|rs)-[a-z-]+)\)/g

describe('graph.css card sizes', () => {
  it('uses only size variables the graph container sets, and every one of them', () => {
    const used = new Set(declarations.flatMap((d) => [...d.value.matchAll(SIZE_VAR)].map((m) => m[1]!)))
    expect([...used].sort()).toEqual(Object.keys(NODE_SIZE_VARS).sort())
  })

  it('defines none of those variables itself', () => {
    expect(declarations.filter((d) => d.property.startsWith('--node-') || d.property.startsWith('--rs-'))).toEqual([])
  })

  it('writes no vertical size of a card as a number node-size.ts defines', () => {
    // The layout reserves each card's height from these numbers; a literal in the CSS would drift from them.
    const defined = new Set<number>([...Object.values(NODE_METRICS), ...Object.values(REPLICA_SET_METRICS), NODE_METRICS.badgeRow - NODE_METRICS.badgeGap])
    const vertical = (property: string, value: string): string[] => {
      if (property === 'padding' || property === 'margin') return value.split(/\s+/).filter((_, i) => i !== 1 && i !== 3)
      return /^(?:min-|max-)?height$|^line-height$|^(?:margin|padding)-(?:top|bottom)$/.test(property) ? [value] : []
    }
    const offending = declarations
      .filter((d) => /\.(?:gnode|gbadge)/.test(d.selector))
      .filter((d) => vertical(d.property, d.value).some((part) => /^\d+(?:\.\d+)?px$/.test(part) && defined.has(parseFloat(part))))
    expect(offending).toEqual([])
  })
})

describe('NODE_SIZE_VARS', () => {
  it('carries the engine numbers in px', () => {
    expect(NODE_SIZE_VARS['--node-label-line']).toBe(`${NODE_METRICS.labelLine}px`)
    expect(NODE_SIZE_VARS['--rs-header']).toBe(`${REPLICA_SET_METRICS.header}px`)
  })
})
