/**
 * The scenario ↔ the store: which parts of the studio's state a share link, a saved scenario or a preset step
 * carries, read from and written to each view's slice through its public actions. A section whose view is not
 * in this build is left out when collecting and ignored when applying, so links stay compatible both ways.
 */
import type { SharePayload } from '../engine'
import { setActiveView, setSource } from './actions'
import type { ViewId } from './slices/selection-slice'
import { useStudioStore, type StudioState } from './store'

/** Everything of a payload but the text: what a guided step or a link changes besides the manifest. */
export type ScenarioSections = Omit<SharePayload, 'source'>

/** The current scenario as a payload (Secret values included; redaction happens when sharing). */
export function collectScenario(state: StudioState = useStudioStore.getState()): SharePayload {
  const payload: { -readonly [K in keyof SharePayload]: SharePayload[K] } = { source: state.source, view: state.activeView }
  if (state.activePreset) payload.preset = state.activePreset
  return payload
}

/**
 * The store values a scenario is built from, for change detection: the scenario changed when any of them is a
 * different value (slices replace their values on change, never mutate them).
 */
export function scenarioInputs(state: StudioState): readonly unknown[] {
  return [state.source, state.activeView, state.activePreset]
}

/** Applies the sections present in `sections`; absent ones leave their view as it is. */
export function applySections(sections: ScenarioSections): void {
  if (sections.view !== undefined) setActiveView(sections.view as ViewId)
  if (sections.preset !== undefined) useStudioStore.setState({ activePreset: sections.preset })
}

/** Replaces the scenario on screen with `payload`: the text, then every section it carries. */
export function applyScenario(payload: SharePayload): void {
  setSource(payload.source)
  useStudioStore.setState({ activePreset: payload.preset ?? null })
  applySections(payload)
}
