/**
 * Property tests: whatever the input, `analyze` returns (never throws), every diagnostic's range lies inside
 * its text with line and column consistent with the offsets, the output is sorted and structured-clone-safe.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SEED_MANIFEST } from '../presets/seed'
import { analyze, type Analysis } from './analyze'
import { compareDiagnostics, type LineCol } from './diagnostics'

/** The reference line/column of an offset, computed the slow, obvious way (LF, CRLF and a lone CR end a line). */
function lineColOf(text: string, offset: number): LineCol {
  const before = text.slice(0, offset)
  const breaks = [...before.matchAll(/\n|\r(?!\n)/g)]
  const lastBreak = breaks.length > 0 ? (breaks[breaks.length - 1]!.index as number) : -1
  // A CR at the very end of `before` followed by LF in the text is the first half of a CRLF, not a break.
  const crOfCrlf = lastBreak === offset - 1 && text[lastBreak] === '\r' && text[offset] === '\n'
  const counted = crOfCrlf ? breaks.slice(0, -1) : breaks
  const start = counted.length > 0 ? (counted[counted.length - 1]!.index as number) + 1 : 0
  return { line: counted.length + 1, column: offset - start + 1 }
}

function checkAnalysis(text: string, analysis: Analysis): void {
  for (const d of analysis.diagnostics) {
    expect(d.file).toBe('fuzz.yaml')
    expect(d.span.start).toBeGreaterThanOrEqual(0)
    expect(d.span.end).toBeGreaterThanOrEqual(d.span.start)
    expect(d.span.end).toBeLessThanOrEqual(text.length)
    expect(d.start).toEqual(lineColOf(text, d.span.start))
    expect(d.end).toEqual(lineColOf(text, d.span.end))
    expect(d.message.length).toBeGreaterThan(0)
  }
  for (let i = 1; i < analysis.diagnostics.length; i++) {
    expect(compareDiagnostics(analysis.diagnostics[i - 1]!, analysis.diagnostics[i]!)).toBeLessThanOrEqual(0)
  }
  for (const doc of analysis.documents) {
    expect(doc.span.start).toBeGreaterThanOrEqual(0)
    expect(doc.span.end).toBeLessThanOrEqual(text.length)
    expect(doc.startLine).toBeLessThanOrEqual(doc.endLine)
  }
}

function run(text: string): Analysis {
  const analysis = analyze([{ name: 'fuzz.yaml', text }])
  checkAnalysis(text, analysis)
  return analysis
}

const seedLines = SEED_MANIFEST.split('\n')
const junk = ['\t', ':', '"', "'", '*a', '&a ', '*', '&', '[', ']', '{', '}', '- ', '---\n', '? ', '|', '>', '#', '%', '!!str ',
  '\r\n', '\uFEFF', '\u0007', '\u0000', '😀', '\\', ',', '  ', '\n']

type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'insert'; at: number; column: number; text: string }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), column: fc.nat({ max: 40 }), text: fc.constantFrom(...junk) }),
)

function mutate(lines: readonly string[], mutations: readonly Mutation[]): string {
  const out = [...lines]
  for (const m of mutations) {
    if (out.length === 0) break
    const at = m.at % out.length
    if (m.op === 'delete') out.splice(at, 1)
    else if (m.op === 'duplicate') out.splice(at, 0, out[at] as string)
    else if (m.op === 'swap') {
      const other = m.with % out.length
      ;[out[at], out[other]] = [out[other] as string, out[at] as string]
    } else {
      const line = out[at] as string
      const column = Math.min(m.column, line.length)
      out[at] = line.slice(0, column) + m.text + line.slice(column)
    }
  }
  return out.join('\n')
}

// Hundreds of analyses per property: give them time on a busy machine.
describe('analyze never throws and keeps its ranges honest', { timeout: 60_000 }, () => {
  it('on the seed with deleted, duplicated, swapped lines and inserted YAML punctuation', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (mutations) => {
      run(mutate(seedLines, mutations))
    }), { numRuns: 300 })
  })

  it('on random text of any code points', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
      run(text)
    }), { numRuns: 300 })
  })

  it('on random bytes read as Latin-1 (binary files)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
      run(String.fromCharCode(...bytes))
    }), { numRuns: 200 })
  })

  it('on random YAML-ish text built from manifest words and punctuation', () => {
    const token = fc.constantFrom(...junk, 'apiVersion', 'kind', 'metadata', 'spec', 'name', 'v1', 'Ingress', 'Deployment',
      'Service', 'List', 'items', 'rules', 'paths', 'backend', 'port', 'replicas', 'strategy', '80', '25%', 'null', 'true', ' ')
    fc.assert(fc.property(fc.array(token, { maxLength: 120 }), (tokens) => {
      run(tokens.join(''))
    }), { numRuns: 300 })
  })

  it('returns plain data that survives structuredClone unchanged', () => {
    fc.assert(fc.property(fc.array(mutation, { maxLength: 6 }), (mutations) => {
      const analysis = run(mutate(seedLines, mutations))
      expect(structuredClone(analysis)).toEqual(analysis)
    }), { numRuns: 30 })
  })
})
