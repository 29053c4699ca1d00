import { describe, expect, it } from 'vitest'
import { analyze, simulateScenario } from '../engine'
import { formatMessage } from '../engine/messages/render'
import { findPreset } from './gallery'

describe('the prestop-over-grace lesson', () => {
  it('shows the kubelet cutting the 40 s hook at 30 s: SIGTERM with 2 s left, then SIGKILL of the still-draining app', () => {
    const preset = findPreset('prestop-over-grace')!
    const { model } = analyze([{ name: 'manifest.yaml', text: preset.manifest }])
    const outcome = simulateScenario({ model, deployment: 'default/websample', parameters: preset.start.simulation?.parameters ?? {} })
    if (outcome.kind !== 'ok') throw new Error(JSON.stringify(outcome.problems))
    const r = outcome.result
    const stops = r.terminations.filter((t) => t.reason === 'deleted')
    expect(stops).toHaveLength(3)
    for (const stop of stops) {
      expect(stop).toMatchObject({ graceSeconds: 30, hookCut: true, stopGraceSeconds: 2, sigtermMs: stop.startMs + 30_000, sigkillMs: stop.startMs + 32_000 })
    }
    expect([...r.timeline.kills.timeMs]).toEqual(stops.map((s) => s.sigkillMs))
    expect(r.load.requests - r.load.success).toBe(0)
    expect(formatMessage(outcome.view.preStop)).toBe('sleep 40s')
  })
})
