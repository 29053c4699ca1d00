/**
 * The checks stage on many Service/Deployment pairs (each Service selecting its own Deployment, all in one
 * namespace: the input that made the cross-object checks quadratic, about 15 s at 10,000 pairs). Budgets:
 * - checks stage at 10,000 pairs ≤ 500 ms: a small share of parsing and modelling the same 4 MB, so the checks
 *   never dominate an analysis;
 * - analyze with checks at 10,000 pairs ≤ 7.5 s in Node: half the page's 15 s engine timeout, so a browser worker
 *   twice as slow as Node still answers (parsing the 4.4 MB with `yaml` is most of it; quadratic checks made the
 *   page's first analysis time out);
 * - growth from 1,000 to 10,000 pairs: the whole analysis ≤ 12× (linear); the checks stage ≤ 15×, since at 20 ms
 *   for 1,000 pairs a collection of the larger heap weighs on the ratio (10–12.5× measured; quadratic, it was 500×).
 */
import { analyze, analyzeDetailed, type SourceFile } from '../engine'
import { runChecks } from '../engine/checks/run-checks'
import { deploymentYaml, joinDocuments, serviceYaml } from '../engine/testing/manifests'
import { median, sample, type BenchFigure } from './figure'

const LARGE = 10_000
const SMALL = 1_000
const CHECKS_BUDGET_MS = 500
const ANALYZE_BUDGET_MS = 7500
const GROWTH_BUDGET = 12
const CHECKS_GROWTH_BUDGET = 15

function pairs(count: number): SourceFile[] {
  const documents: string[] = []
  for (let i = 0; i < count; i++) documents.push(serviceYaml(`svc-${i}`, { selector: { app: `app-${i}` } }), deploymentYaml(`app-${i}`, { replicas: 2 }))
  return [{ name: 'pairs.yaml', text: joinDocuments(...documents) }]
}

/**
 * Median ms of the checks stage alone for each input (over the model and locator of one analysis without checks),
 * the inputs taking turns so a busy moment of the machine does not land on one size only.
 */
function timeChecks(inputs: readonly SourceFile[][], rounds: number): number[] {
  const prepared = inputs.map((files) => analyzeDetailed(files, { checks: false }))
  const times = inputs.map((): number[] => [])
  for (let round = 0; round <= rounds; round++) {
    prepared.forEach(({ analysis, locate }, i) => {
      const started = performance.now()
      runChecks(analysis.model, locate)
      if (round > 0) times[i]!.push(performance.now() - started) // round 0 warms up
    })
  }
  return times.map(median)
}

export async function run(): Promise<BenchFigure[]> {
  const small = pairs(SMALL)
  const large = pairs(LARGE)
  const clean = analyze(large)
  if (clean.model.services.length !== LARGE || clean.diagnostics.some((d) => d.code === 'service-selects-nothing' || d.severity === 'error')) {
    throw new Error('every Service of the benchmark input should select its Deployment')
  }
  const [checksSmall, checksLarge] = timeChecks([small, large], 7) as [number, number]
  const growth = checksLarge / checksSmall
  const withoutChecks = median(sample(() => analyze(large, { checks: false }), 3, 0))
  const withChecksSmall = median(sample(() => analyze(small), 5, 1))
  const withChecks = median(sample(() => analyze(large), 3, 0))
  const analyzeGrowth = withChecks / withChecksSmall
  const n = (count: number): string => count.toLocaleString('en-US')
  const mb = ((large[0] as SourceFile).text.length / 1024 / 1024).toFixed(1)
  return [
    { name: `input: ${n(LARGE)} Service/Deployment pairs, ${mb} MB, one namespace`, value: LARGE * 2, unit: 'objects' },
    { name: `checks stage alone, ${n(SMALL)} pairs (median of 7)`, value: checksSmall, unit: 'ms' },
    { name: `checks stage alone, ${n(LARGE)} pairs (median of 7)`, value: checksLarge, unit: 'ms', budget: `≤ ${CHECKS_BUDGET_MS} ms`, ok: checksLarge <= CHECKS_BUDGET_MS },
    { name: `checks stage growth ${n(LARGE)} ÷ ${n(SMALL)} pairs (10× the input)`, value: growth, unit: '×', budget: `≤ ${CHECKS_GROWTH_BUDGET} (linear)`, ok: growth <= CHECKS_GROWTH_BUDGET },
    { name: `analyze without checks, ${n(LARGE)} pairs (median of 3)`, value: withoutChecks, unit: 'ms' },
    { name: `analyze with checks, ${n(SMALL)} pairs (median of 5)`, value: withChecksSmall, unit: 'ms' },
    { name: `analyze with checks, ${n(LARGE)} pairs (median of 3)`, value: withChecks, unit: 'ms', budget: `≤ ${ANALYZE_BUDGET_MS} ms`, ok: withChecks <= ANALYZE_BUDGET_MS },
    { name: `analyze growth ${n(LARGE)} ÷ ${n(SMALL)} pairs (10× the input)`, value: analyzeGrowth, unit: '×', budget: `≤ ${GROWTH_BUDGET} (linear)`, ok: analyzeGrowth <= GROWTH_BUDGET },
  ]
}
