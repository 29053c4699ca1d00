/**
 * `RULE_KINDS` (rule-catalog.ts) against what the rules do: every finding of a configurable rule, on every preset
 * and on the fuzzer's manifests (undamaged and hostile), is on an object of a kind the catalog lists for it. A
 * rule that started reporting on another kind would otherwise get no JUnit case on those objects when it passes.
 */
import { describe, expect, it } from 'vitest'
import { analyze, RULE_KINDS, type RuleId, type SourceFile } from '../engine'
import { GATEWAY_API } from '../presets/gateway-preset'
import { PRESETS } from '../presets/gallery'
import { MIGRATE_GATEWAY_API } from '../presets/migration-preset'
import { manifestText, scenarioObjects } from './manifest-cases'
import { filesText } from './manifest-text'
import { createRng } from './rng'

/** A clock past every preset certificate's expiry, so the time-based rules report too. */
const LATE = Date.UTC(2040, 0, 1)

describe('RULE_KINDS', () => {
  it('lists the kind of every object a rule reported on, over the presets and 400 generated manifests', () => {
    const texts = [
      ...[...PRESETS, GATEWAY_API, MIGRATE_GATEWAY_API].map((preset) => preset.manifest),
      ...Array.from({ length: 200 }, (_, i) => manifestText(createRng(5000 + i))),
      ...Array.from({ length: 200 }, (_, i) => filesText(createRng(6000 + i), scenarioObjects(createRng(7000 + i)))),
    ]
    const seen = new Map<string, Set<string>>()
    for (const text of texts) {
      const files: SourceFile[] = [{ name: 'f.yaml', text }]
      const { diagnostics, documents } = analyze(files, { now: LATE })
      for (const diagnostic of diagnostics) {
        const kinds = RULE_KINDS[diagnostic.code as RuleId] as readonly string[] | undefined
        if (kinds === undefined) continue
        const home = documents.find((document) => diagnostic.span.start >= document.span.start && diagnostic.span.start <= document.span.end)
        // A List's items are of any kind; a finding outside every object is on no kind.
        if (home?.kind === undefined || home.kind === 'List') continue
        expect(kinds, `${diagnostic.code} on a ${home.kind}`).toContain(home.kind)
        seen.set(diagnostic.code, (seen.get(diagnostic.code) ?? new Set()).add(home.kind))
      }
    }
    // The corpus reaches most rules (36 of 51 with these seeds), so the check has something to hold.
    expect(seen.size).toBeGreaterThanOrEqual(30)
  })
})
