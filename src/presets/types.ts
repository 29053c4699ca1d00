import type { SharePayload } from '../engine'

/** What entering a guided step changes: the view, a URL in the tester, simulation parameters, the timeline. */
export type StepEffect = Pick<SharePayload, 'view' | 'tester' | 'simulation' | 'timeline'>

/** What a step shows in the migration view: its converted manifests, or the Parity tab with `request` selected (null: the list). */
export type MigrationStepFocus = { readonly section: 'conversion' } | { readonly section: 'parity'; readonly request: string | null }

export interface PresetStep {
  readonly effect: StepEffect
  readonly migration?: MigrationStepFocus
}

export type PresetGroup = 'chapter' | 'variants'

/**
 * A scenario of the gallery. Its title, summary, explanation and the text of each step are translations
 * (`presets` namespace, `<id>.title`, `<id>.summary`, `<id>.explanation`, `<id>.steps[i]`), so the same preset
 * reads in English and Korean.
 */
export interface Preset {
  readonly id: string
  readonly group: PresetGroup
  readonly manifest: string
  /** Applied when the preset opens, before step 1. */
  readonly start: StepEffect
  readonly steps: readonly PresetStep[]
}
