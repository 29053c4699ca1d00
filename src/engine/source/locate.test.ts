import { describe, expect, it } from 'vitest'
import { analyzeDetailed } from '../analyze'
import { msg } from '../messages/message'
import type { SourceRef } from '../model/types'

const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: first
---
apiVersion: v1
kind: List
items:
- apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    name: listed
  spec:
    rules:
    - host: a.example.com
      http:
        paths:
        - path: /x
          pathType: Prefix
          backend:
            service:
              name: s
              port:
                number: 80
`

describe('locator', () => {
  const { analysis, locate } = analyzeDetailed([{ name: 'm.yaml', text }])
  const ingress = analysis.model.ingresses[0]
  const source = ingress?.source as SourceRef
  const slice = (span: { start: number; end: number }): string => text.slice(span.start, span.end)

  it('finds a field of an object inside a kind: List', () => {
    expect(source.path).toEqual(['items', 0])
    expect(slice(locate.spanOf(source, ['spec', 'rules', 0, 'host']))).toBe('a.example.com')
    expect(slice(locate.spanOf(source, ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'service', 'port', 'number']))).toBe('80')
  })

  it('locates the key or the whole entry on request', () => {
    expect(slice(locate.spanOf(source, ['spec', 'rules', 0, 'host'], 'key'))).toBe('host')
    expect(slice(locate.spanOf(source, ['spec', 'rules', 0, 'host'], 'entry'))).toBe('host: a.example.com')
  })

  it('falls back to the deepest existing ancestor for a missing path', () => {
    const span = locate.spanOf(source, ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'service', 'port', 'name'])
    expect(slice(span)).toBe('number: 80\n')
  })

  it('uses the path recorded in the model (at) to point at a rule', () => {
    const rule = ingress?.rules[0]
    expect(slice(locate.spanOf(source, [...(rule?.at ?? []), 'host']))).toBe('a.example.com')
  })

  it('makes diagnostics with line and column for later stages', () => {
    const diagnostic = locate.diagnose(source, ['spec', 'rules', 0, 'host'], 'invalid-host', 'warning', msg('diagnostics-truncated', { count: 1, cap: 1 }))
    expect(diagnostic).toMatchObject({ file: 'm.yaml', code: 'invalid-host', start: { line: 15, column: 13 }, end: { line: 15, column: 26 } })
    expect(locate.lineColOf('m.yaml', text.indexOf('first'))).toEqual({ line: 4, column: 9 })
  })

  it('finds a key that YAML reads as a number, a boolean or null by the step as a string, and the other way round', () => {
    const keys = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keys\ndata:\n  8080: port\n  true: yes\n  ~: nothing\n  "9090": quoted\n  .nan: nan\n'
    const read = analyzeDetailed([{ name: 'k.yaml', text: keys }])
    const at = read.analysis.model.unknown[0]?.source ?? (read.analysis.model.configMaps[0]?.source as SourceRef)
    const value = (step: string | number): string => { const span = read.locate.spanOf(at, ['data', step]); return keys.slice(span.start, span.end) }
    expect(value('8080')).toBe('port')
    expect(value(8080)).toBe('port')
    expect(value('true')).toBe('yes')
    expect(value('null')).toBe('nothing')
    expect(value(9090)).toBe('quoted')
    expect(value('NaN')).toBe('nan')
    expect(value(Number.NaN)).toBe('nan')
    expect(value('8081')).not.toBe('port')
  })

  it('locates unknown files and documents at offset 0 instead of throwing', () => {
    expect(locate.spanOf({ ...source, file: 'nope.yaml' }, ['spec'])).toEqual({ start: 0, end: 0 })
    expect(locate.spanOf({ ...source, doc: 9 }, ['spec'])).toEqual({ start: 0, end: 0 })
  })
})
