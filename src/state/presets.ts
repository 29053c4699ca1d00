/**
 * Presets in the studio: opening one makes it a saved scenario of its own (the user's work stays in the list),
 * and the guided steps apply each step's effect (view, URL to test, simulation parameters, timeline position).
 */
import { findPreset } from '../presets/gallery'
import type { PresetStep } from '../presets/types'
import { showMigrationStep } from './migration-sync'
import { applySections } from './share-sections'
import { createScenario } from './scenarios'
import { useStudioStore } from './store'

const { getState, setState } = useStudioStore

/** Opens the preset `id` as a new scenario named `name` (the translated title), at its first step. */
export function openPreset(id: string, name: string): void {
  const preset = findPreset(id)
  if (!preset) return
  createScenario({ source: preset.manifest, ...preset.start, preset: { id, step: 0 } }, name)
  applyStep(preset.steps[0])
}

/** A step's effect, and what it shows in the migration view. */
function applyStep(step: PresetStep | undefined): void {
  applySections(step?.effect ?? {})
  if (step?.migration) showMigrationStep(step.migration)
}

/** Moves the guided steps to `step` (clamped) and applies its effect. */
export function goToPresetStep(step: number): void {
  const active = getState().activePreset
  const preset = active && findPreset(active.id)
  if (!preset) return
  const next = Math.max(0, Math.min(preset.steps.length - 1, step))
  setState({ activePreset: { id: preset.id, step: next } })
  applyStep(preset.steps[next])
}

/** The next (`+1`) or previous (`-1`) guided step. */
export function stepPreset(direction: 1 | -1): void {
  const active = getState().activePreset
  if (active) goToPresetStep(active.step + direction)
}

/** Hides the guided steps; the scenario stays. */
export function closePresetSteps(): void {
  setState({ activePreset: null })
}
