/**
 * The migration to Gateway API (docs/migration.md#studio): while its view is shown, the text's Ingresses are
 * converted and checked for parity again after every edit (with the analysis's pause) and when the options
 * change; a selected difference asks for its two routes through the migration's graph. "Add to editor" appends
 * the converted manifests to the user's text.
 */
import { SEED_FILE_NAME } from '../presets/seed'
import type { EngineClient } from '../worker/engine-client'
import type { MigrationAnswer } from '../worker/protocol'
import { setActiveView, setSource } from './actions'
import { ANALYZE_DEBOUNCE_MS } from './analysis-sync'
import { appendDocuments } from './append-documents'
import { debounce } from './debounce'
import { analyzeOptions } from './rules'
import type { MigrationStepFocus } from '../presets/types'
import type { MigrationOptions, MigrationSection } from './slices/migration-slice'
import { useStudioStore } from './store'

type MigrationClient = Pick<EngineClient, 'migration' | 'migrationTrace'>

let client: MigrationClient | null = null

const { setState, getState, subscribe } = useStudioStore

function conversionOf(options: MigrationOptions): { gateway?: string; gatewayClass?: string } {
  const gateway = options.gateway.trim()
  const gatewayClass = options.gatewayClass.trim()
  return { ...(gateway ? { gateway } : {}), ...(gatewayClass ? { gatewayClass } : {}) }
}

/** Whether the migration on screen is about the text and options on screen. */
function isCurrent(): boolean {
  const { migration, revision, migrationOptions } = getState()
  return migration !== null && migration.revision === revision && migration.options === migrationOptions
}

async function refreshMigration(): Promise<void> {
  if (!client) return
  const { source, revision, migrationOptions } = getState()
  setState({ migrationStatus: 'pending' })
  const outcome = await client.migration([{ name: SEED_FILE_NAME, text: source }], analyzeOptions(), conversionOf(migrationOptions))
  if (outcome.kind === 'stale') return
  if (outcome.kind === 'failed') {
    setState({ migrationStatus: 'failed', migrationFailure: outcome.error })
    return
  }
  const previous = getState().migration
  // A selected difference survives an edit only when the same request still differs at that index.
  const selected = getState().migrationSelected
  const keep = selected !== null && previous !== null && sameDifference(previous.answer, outcome.value.answer, selected)
  setState({
    migration: { answer: outcome.value.answer, source, revision, options: migrationOptions },
    migrationStatus: 'ready',
    migrationFailure: null,
    ...(keep ? {} : { migrationSelected: null, migrationTrace: null }),
  })
  if (getState().migrationFocus !== null) applyFocus()
  else if (keep && selected !== null) void traceDifference(selected)
}

/** Shows the focused request in the Parity tab: selected when it differs (its first difference), else the list. */
function applyFocus(): void {
  const { migration, migrationFocus } = getState()
  if (migrationFocus === null || !migration || migration.answer.kind !== 'done') return
  const parity = migration.answer.parity
  const index = 'problem' in parity ? -1 : parity.differences.findIndex((difference) => difference.request.url === migrationFocus)
  setState({ migrationFocus: null, migrationSection: 'parity', migrationSelected: null, migrationTrace: null })
  if (index !== -1) selectDifference(index)
}

/**
 * Points the Parity tab at `url` (as the parity check writes URLs): at once when the migration on screen is of the
 * text on screen, else when the next one lands.
 */
export function focusDifference(url: string): void {
  setState({ migrationFocus: url })
  if (isCurrent()) applyFocus()
}

/** What a guided step shows: the conversion, the parity list, or one request's difference. */
export function showMigrationStep(focus: MigrationStepFocus): void {
  if (focus.section === 'parity' && focus.request !== null) return focusDifference(focus.request)
  setState({ migrationSection: focus.section, migrationFocus: null, migrationSelected: null, migrationTrace: null })
}

export function setMigrationSection(migrationSection: MigrationSection): void {
  setState({ migrationSection })
}

function sameDifference(before: MigrationAnswer, after: MigrationAnswer, index: number): boolean {
  if (before.kind !== 'done' || after.kind !== 'done' || 'problem' in before.parity || 'problem' in after.parity) return false
  const a = before.parity.differences[index]?.request
  const b = after.parity.differences[index]?.request
  return a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b)
}

async function traceDifference(index: number): Promise<void> {
  const shown = getState().migration
  if (!client || !shown) return
  const outcome = await client.migrationTrace({
    files: [{ name: SEED_FILE_NAME, text: shown.source }],
    options: analyzeOptions(),
    conversion: conversionOf(shown.options),
    difference: index,
  })
  if (outcome.kind !== 'ok' || getState().migrationSelected !== index) return
  const { ingressNginx, gatewayApi } = outcome.value
  setState({ migrationTrace: { difference: index, ingressNginx, gatewayApi, revision: shown.revision } })
}

/** Opens the migration view (converting the text at once). */
export function openMigration(): void {
  setState({ migrationOpen: true })
  setActiveView('migration')
}

/** Closes the migration view and goes back to the route graph. */
export function closeMigration(): void {
  setState({ migrationOpen: false, migrationSelected: null, migrationTrace: null, migrationFocus: null })
  if (getState().activeView === 'migration') setActiveView('graph')
}

export function setMigrationOptions(options: MigrationOptions): void {
  setState({ migrationOptions: options })
}

/** Selects one parity difference (null: none) and lights its two routes. */
export function selectDifference(index: number | null): void {
  if (getState().migrationSelected === index) return
  setState({ migrationSelected: index, migrationTrace: null })
  if (index !== null) void traceDifference(index)
}

/**
 * Appends the converted manifests to the user's text after `---` (one edit the editor can undo); the user's text
 * is kept whole. Returns false when there is nothing converted for the text on screen.
 */
export function addConversionToEditor(): boolean {
  const { migration, source, revision } = getState()
  if (!migration || migration.revision !== revision || migration.answer.kind !== 'done') return false
  setSource(appendDocuments(source, migration.answer.conversion.text))
  return true
}

/** Asks again after an engine failure. */
export function retryMigration(): void {
  void refreshMigration()
}

/** Starts following the text while the migration view is shown; returns a function that stops it. */
export function startMigrationSync(engine: MigrationClient, debounceMs = ANALYZE_DEBOUNCE_MS): () => void {
  client = engine
  const shown = () => getState().activeView === 'migration'
  const scheduled = debounce(() => {
    if (shown()) void refreshMigration()
  }, debounceMs)
  const unsubscribe = subscribe((state, previous) => {
    if (state.activeView === 'migration' && previous.activeView !== 'migration') {
      if (!state.migrationOpen) setState({ migrationOpen: true })
      if (!isCurrent()) void refreshMigration()
      return
    }
    if (state.activeView !== 'migration') return
    if (state.revision !== previous.revision) scheduled()
    else if (state.migrationOptions !== previous.migrationOptions) scheduled()
    else if (state.ruleSettings !== previous.ruleSettings) scheduled()
  })
  if (shown()) {
    setState({ migrationOpen: true })
    void refreshMigration()
  }
  return () => {
    scheduled.cancel()
    unsubscribe()
    client = null
  }
}
