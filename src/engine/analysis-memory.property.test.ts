/**
 * Incremental analysis answers as a fresh one: after every edit of a random sequence (lines deleted, duplicated,
 * moved, YAML punctuation typed, document markers added and removed, whole documents moved), the analysis with
 * the studio's memory equals `analyzeDetailed` without it — diagnostics, documents, model, certificates, and the
 * lint findings with their fixes (which the locator placed).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PRESETS } from '../presets/gallery'
import { SEED_MANIFEST } from '../presets/seed'
import { createAnalysisMemory } from './analysis-memory'
import { analyzeDetailed, type AnalyzeOptions, type DetailedAnalysis } from './analyze'
import { realisticManifest } from './testing/large-manifests'
import { applyEdit, edit } from './testing/random-edits'

const NOW = Date.parse('2027-01-01T00:00:00Z')
const OPTIONS: AnalyzeOptions = { now: NOW }

function comparable(detailed: DetailedAnalysis): unknown {
  return { analysis: detailed.analysis, checked: detailed.checked }
}

const bases = [SEED_MANIFEST, SEED_MANIFEST.replace(/\n/g, '\r\n'), realisticManifest(4), ...PRESETS.map((preset) => preset.manifest)]

describe('analysis with memory equals a fresh analysis', { timeout: 120_000 }, () => {
  it('after every edit of random edit sequences on the seed, the presets and a generated manifest', () => {
    fc.assert(fc.property(fc.nat({ max: bases.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (base, edits) => {
      const memory = createAnalysisMemory()
      let text = bases[base] as string
      analyzeDetailed([{ name: 'm.yaml', text }], OPTIONS, memory)
      for (const e of edits) {
        text = applyEdit(text, e)
        const files = [{ name: 'm.yaml', text }]
        expect(comparable(analyzeDetailed(files, OPTIONS, memory))).toEqual(comparable(analyzeDetailed(files, OPTIONS)))
      }
    }), { numRuns: 150 })
  })

  it('across files, options that change and a file that stops being one the memory cuts', () => {
    const memory = createAnalysisMemory()
    const steps: { files: { name: string; text: string }[]; options: AnalyzeOptions }[] = [
      { files: [{ name: 'a.yaml', text: SEED_MANIFEST }, { name: 'b.yaml', text: SEED_MANIFEST }], options: OPTIONS },
      { files: [{ name: 'b.yaml', text: SEED_MANIFEST }, { name: 'a.yaml', text: `# moved\n${SEED_MANIFEST}` }], options: OPTIONS },
      { files: [{ name: 'a.yaml', text: SEED_MANIFEST }], options: { ...OPTIONS, kubernetesVersion: '1.16' } },
      { files: [{ name: 'a.yaml', text: SEED_MANIFEST }], options: { ...OPTIONS, maxDiagnosticsPerFile: 2 } },
      { files: [{ name: 'a.json', text: SEED_MANIFEST }], options: OPTIONS },
      { files: [{ name: 'a.yaml', text: `%YAML 1.2\n${SEED_MANIFEST}` }], options: OPTIONS },
      { files: [{ name: 'a.yaml', text: '' }], options: OPTIONS },
      { files: [{ name: 'a.yaml', text: SEED_MANIFEST }], options: { ...OPTIONS, maxInputBytes: 100 } },
    ]
    for (const { files, options } of steps) {
      expect(comparable(analyzeDetailed(files, options, memory))).toEqual(comparable(analyzeDetailed(files, options)))
    }
  })

  it('parses only the documents an edit changed', () => {
    const memory = createAnalysisMemory()
    const text = realisticManifest(20)
    analyzeDetailed([{ name: 'm.yaml', text }], OPTIONS, memory)
    const before = new Map(memory.documents)
    const edited = text.replace('replicas: 3', 'replicas: 4')
    expect(edited).not.toBe(text)
    analyzeDetailed([{ name: 'm.yaml', text: `# a comment above\n${edited}` }], OPTIONS, memory)
    const reused = [...memory.documents.values()].filter((kept) => [...before.values()].includes(kept))
    expect(memory.documents.size).toBe(before.size)
    expect(reused).toHaveLength(before.size - 2) // the first document (the comment joins it) and the edited one
  })
})
