import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyze, simulateScenario } from '../engine'
import { findPreset, PRESETS } from './gallery'
import { SEED_MANIFEST } from './seed'

function diagnosticCodes(manifest: string): string[] {
  return analyze([{ name: 'manifest.yaml', text: manifest }]).diagnostics.map((d) => `${d.severity}:${d.code}`).sort()
}

function rollout(id: string, parameters = findPreset(id)!.start.simulation?.parameters ?? {}) {
  const preset = findPreset(id)!
  const { model } = analyze([{ name: 'manifest.yaml', text: preset.manifest }])
  const outcome = simulateScenario({ model, deployment: 'default/websample', parameters })
  if (outcome.kind !== 'ok') throw new Error(JSON.stringify(outcome.problems))
  return { failed: outcome.result.load.requests - outcome.result.load.success, complete: outcome.result.complete }
}

const locale = (language: string) =>
  JSON.parse(readFileSync(new URL(`../ui/i18n/locales/${language}/presets.json`, import.meta.url), 'utf8')) as Record<string, { title: string; summary: string; explanation: string; steps: string[] }>

describe('the preset gallery', () => {
  it('has unique ids, the chapter first', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length)
    expect(PRESETS.slice(0, 3).map((p) => p.id)).toEqual(['ingress-basics', 'tls', 'zero-downtime'])
    expect(PRESETS.every((p) => p.steps.length > 0)).toBe(true)
  })

  it('cuts the chapter scenarios out of the seed unchanged (the Gateway API preset adds only Gateway API objects)', () => {
    for (const preset of PRESETS.filter((p) => p.group === 'chapter')) {
      for (const document of preset.manifest.trimEnd().split('\n---\n')) {
        if (!document.includes('apiVersion: gateway.networking.k8s.io/')) expect(SEED_MANIFEST).toContain(document)
      }
    }
  })

  it.each([
    ['ingress-basics', ['warning:prestop-missing', 'warning:prestop-missing', 'warning:removed-api-version', 'warning:rewrite-without-capture']],
    ['tls', ['warning:prestop-missing', 'warning:removed-api-version']],
    ['zero-downtime', ['warning:removed-api-version', 'warning:removed-api-version']],
    // The chapter's websample Deployment is still extensions/v1beta1; the Gateway API objects attach and resolve cleanly.
    ['gateway-api', ['warning:removed-api-version']],
    // The whole seed: the studio converts its Ingresses in the migration view, nothing of Gateway API is written.
    ['migrate-gateway-api', ['warning:prestop-missing', 'warning:prestop-missing', 'warning:removed-api-version', 'warning:removed-api-version', 'warning:removed-api-version', 'warning:removed-api-version', 'warning:rewrite-without-capture']],
    ['no-readiness', ['warning:readiness-probe-missing']],
    ['sigterm-race', ['warning:prestop-missing']],
    ['prestop-over-grace', ['error:grace-shorter-than-prestop']],
    ['max-unavailable-100', ['warning:rollout-zero-capacity']],
    ['recreate', ['warning:recreate-behind-ingress']],
    ['canary-20', []],
  ])('%s shows exactly its lesson in the diagnostics', (id, codes) => {
    expect(diagnosticCodes(findPreset(id)!.manifest)).toEqual(codes)
  })

  it('rolls the working scenarios out without a failed request, and the broken ones with failures', () => {
    expect(rollout('zero-downtime')).toEqual({ failed: 0, complete: true })
    expect(rollout('canary-20')).toEqual({ failed: 0, complete: true })
    expect(rollout('prestop-over-grace')).toEqual({ failed: 0, complete: true })
    for (const id of ['no-readiness', 'sigterm-race', 'max-unavailable-100', 'recreate']) expect(rollout(id).failed, id).toBeGreaterThan(0)
  })

  it('shows the fixes its steps promise', () => {
    expect(rollout('zero-downtime', { preStopHttpSeconds: 0 }).failed).toBeGreaterThan(0)
    // One replica: there is no other pod to retry on.
    expect(rollout('zero-downtime', { preStopHttpSeconds: 0, retries: 2 }).failed).toBeGreaterThan(0)
    expect(rollout('sigterm-race', { retries: 2 }).failed).toBe(0)
    expect(rollout('sigterm-race', { endpointLagSeconds: 3 }).failed).toBeGreaterThan(rollout('sigterm-race').failed)
    expect(rollout('no-readiness', { appStartSeconds: 0.5 }).failed).toBeLessThan(rollout('no-readiness').failed)
  })

  it.each(['en', 'ko'])('has a title, summary, explanation and the text of every step in %s', (language) => {
    const texts = locale(language)
    for (const preset of PRESETS) {
      const text = texts[preset.id]
      expect(text, preset.id).toBeDefined()
      expect(text!.title.length).toBeGreaterThan(0)
      expect(text!.summary.length).toBeGreaterThan(0)
      expect(text!.explanation.length).toBeGreaterThan(0)
      expect(text!.steps, preset.id).toHaveLength(preset.steps.length)
    }
  })
})
