/**
 * The scenario ↔ the store: which parts of the studio's state a share link, a saved scenario or a preset step
 * carries, read from and written to each view's slice through its public actions: the manifest text, the
 * active view, the URL tester's request and the Gateway it goes through, the rollout scenario (Deployment and parameters), the timeline cursor
 * and speed, the rule settings and the preset's guided step.
 */
import type { RolloutParameters, ShareRequest, SharePayload } from '../engine'
import { setActiveView, setSource } from './actions'
import { replaceSimulationSettings, seek, setSpeed } from './playback-actions'
import { replaceRuleSettings } from './rules'
import { sendTest } from './route-sync'
import type { ViewId } from './slices/selection-slice'
import { EMPTY_DRAFT, type KeyValueRow, type TestDraft } from './slices/tester-slice'
import { useStudioStore, type StudioState } from './store'
import { clearTestOutcome, replaceTestDraft } from './tester-actions'

/** Everything of a payload but the text: what a guided step or a link changes besides the manifest. */
export type ScenarioSections = Omit<SharePayload, 'source'>

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

function toRecord(rows: readonly KeyValueRow[]): Record<string, string> | undefined {
  const named = rows.filter((row) => row.name.trim() !== '')
  return named.length > 0 ? Object.fromEntries(named.map((row) => [row.name.trim(), row.value])) : undefined
}

function toRows(record: Readonly<Record<string, string>> | undefined): KeyValueRow[] {
  return Object.entries(record ?? {}).map(([name, value]) => ({ name, value }))
}

/** The tester's form as a shared request (empty header rows left out). */
export function toShareRequest(draft: TestDraft): ShareRequest {
  const headers = toRecord(draft.headers)
  const cookies = toRecord(draft.cookies)
  return {
    url: draft.url,
    ...(draft.method !== 'GET' ? { method: draft.method } : {}),
    ...(headers ? { headers } : {}),
    ...(cookies ? { cookies } : {}),
  }
}

/** A shared request as the tester's form; `gateway`: the Gateway it goes through (absent: the input's default). */
export function toTestDraft(request: ShareRequest, gateway?: string): TestDraft {
  const draft: TestDraft = { method: request.method ?? 'GET', url: request.url, headers: toRows(request.headers), cookies: toRows(request.cookies) }
  return gateway === undefined ? draft : { ...draft, router: { router: 'gateway', gateway } }
}

/** The current scenario as a payload (Secret values included; redaction happens when sharing). */
export function collectScenario(state: StudioState = useStudioStore.getState()): SharePayload {
  const payload: Mutable<SharePayload> = { source: state.source, view: state.activeView }
  if (state.testDraft.url.trim() !== '') {
    const { router } = state.testDraft
    payload.tester = { requests: [toShareRequest(state.testDraft)], ...(router?.router === 'gateway' ? { gateway: router.gateway } : {}) }
  }
  const parameters = state.simulationParameters
  if (state.simulationDeployment !== null || Object.keys(parameters).length > 0) {
    payload.simulation = state.simulationDeployment === null ? { parameters } : { deployment: state.simulationDeployment, parameters }
  }
  if (state.simulationRun && (state.cursorMs > 0 || state.speed !== 1)) {
    payload.timeline = state.speed === 1 ? { cursorSeconds: state.cursorMs / 1000 } : { cursorSeconds: state.cursorMs / 1000, speed: state.speed }
  }
  if (Object.keys(state.ruleSettings).length > 0) payload.rules = state.ruleSettings
  if (state.activePreset) payload.preset = state.activePreset
  return payload
}

/**
 * The store values a scenario is built from, for change detection (autosave): the scenario changed when any of
 * them is a different value (slices replace their values on change, never mutate them). The playback cursor is
 * left out on purpose: it moves every frame while playing.
 */
export function scenarioInputs(state: StudioState): readonly unknown[] {
  return [state.source, state.activeView, state.activePreset, state.testDraft, state.simulationDeployment, state.simulationParameters, state.ruleSettings]
}

/** A cursor position waiting for a run to exist (a link opens before its simulation has run). */
let pendingCursor: { ms: number; stop: () => void } | null = null

function seekWhenRunExists(ms: number): void {
  pendingCursor?.stop()
  pendingCursor = null
  if (useStudioStore.getState().simulationRun) {
    seek(ms)
    return
  }
  const stop = useStudioStore.subscribe((state, previous) => {
    if (state.simulationRun && state.simulationRun !== previous.simulationRun) {
      stop()
      pendingCursor = null
      seek(ms)
    }
  })
  pendingCursor = { ms, stop }
}

/** A tested request waiting for the route view (a scenario restored or opened before the routes are known). */
let pendingTest: (() => void) | null = null

/**
 * Tests `draft` once the route view of the text exists (at once when it does), not recorded in the history: the
 * result shown is then the scenario's own. A newer draft replaces a waiting one.
 */
function testWhenRoutesExist(draft: TestDraft): void {
  pendingTest?.()
  pendingTest = null
  if (useStudioStore.getState().routeView) {
    void sendTest(draft, { record: false })
    return
  }
  const stop = useStudioStore.subscribe((state) => {
    if (!state.routeView) return
    stop()
    pendingTest = null
    if (state.testDraft === draft) void sendTest(draft, { record: false })
  })
  pendingTest = stop
}

/** Applies the sections present in `sections`; absent ones leave their view as it is (guided steps rely on it). */
export function applySections(sections: ScenarioSections): void {
  if (sections.view !== undefined) setActiveView(sections.view as ViewId)
  if (sections.preset !== undefined) useStudioStore.setState({ activePreset: sections.preset })
  const request = sections.tester?.requests[sections.tester.selected ?? 0]
  if (request) {
    const draft = toTestDraft(request, sections.tester?.gateway)
    // The form is replaced whole: a router chosen before does not stay behind a request shared without one.
    replaceTestDraft(draft)
    testWhenRoutesExist(useStudioStore.getState().testDraft)
  }
  if (sections.simulation) {
    replaceSimulationSettings({ deployment: sections.simulation.deployment ?? null, parameters: sections.simulation.parameters as Partial<RolloutParameters> })
  }
  if (sections.timeline) {
    if (sections.timeline.speed !== undefined) setSpeed(sections.timeline.speed)
    seekWhenRunExists(sections.timeline.cursorSeconds * 1000)
  }
  if (sections.rules) replaceRuleSettings(sections.rules)
}

/**
 * Replaces the scenario on screen with `payload`: the text, then every section it carries; a section it does
 * not carry goes back to its default, so the receiver sees exactly the sender's scenario.
 */
export function applyScenario(payload: SharePayload): void {
  setSource(payload.source)
  useStudioStore.setState({ activePreset: payload.preset ?? null })
  if (!payload.tester) {
    replaceTestDraft(EMPTY_DRAFT)
    clearTestOutcome()
  }
  if (!payload.simulation) replaceSimulationSettings({})
  if (!payload.timeline) {
    pendingCursor?.stop()
    pendingCursor = null
    setSpeed(1)
    seek(0)
  }
  if (!payload.rules) replaceRuleSettings({})
  applySections(payload)
}
