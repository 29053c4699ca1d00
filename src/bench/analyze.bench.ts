/**
 * analyze() of a generated 2 MB manifest (1000 Ingresses, 1000 Services, 1000 Deployments with realistic
 * fields) against `yaml`'s own parseAllDocuments of the same text, alternating in one run. Budget: ≤ 1.5×.
 */
import { parseAllDocuments } from 'yaml'
import { analyze } from '../engine'
import { realisticManifest } from '../engine/testing/large-manifests'
import { median, type BenchFigure } from './figure'

const COUNT = 1000

export async function run(): Promise<BenchFigure[]> {
  const text = realisticManifest(COUNT) // 3 × COUNT documents, about 2 MB
  const files = [{ name: 'bench.yaml', text }]
  const check = analyze(files)
  const errors = check.diagnostics.filter((d) => d.severity !== 'info')
  if (errors.length > 0) throw new Error(`the benchmark manifest should be clean: ${errors[0]?.message}`)
  const objects = check.model.ingresses.length + check.model.services.length + check.model.deployments.length

  const parseTimes: number[] = []
  const analyzeTimes: number[] = []
  const ratios: number[] = []
  const time = (fn: () => unknown): number => {
    const started = performance.now()
    fn()
    return performance.now() - started
  }
  for (let i = 0; i < 3; i++) {
    parseAllDocuments(text)
    analyze(files)
  }
  for (let i = 0; i < 9; i++) {
    // Alternate the order so neither side always runs on a freshly collected heap.
    const first = i % 2 === 0
    const a = first ? time(() => analyze(files)) : 0
    const p = time(() => parseAllDocuments(text))
    const b = first ? a : time(() => analyze(files))
    parseTimes.push(p)
    analyzeTimes.push(b)
    ratios.push(b / p)
  }
  const parseMs = median(parseTimes)
  const analyzeMs = median(analyzeTimes)
  const ratio = median(ratios)
  return [
    { name: `input: ${(text.length / 1024 / 1024).toFixed(2)} MB, ${objects} objects`, value: objects, unit: 'objects' },
    { name: 'yaml parseAllDocuments (median of 9)', value: parseMs, unit: 'ms' },
    { name: 'analyze (median of 9)', value: analyzeMs, unit: 'ms' },
    { name: 'analyze ÷ parseAllDocuments (median ratio)', value: ratio, unit: '×', budget: '≤ 1.5', ok: ratio <= 1.5 },
  ]
}
