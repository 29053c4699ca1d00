/**
 * Wires the studio together once, before the first render: the saved text (or the seed scenario), its
 * persistence, the saved scenarios, the engine worker that analyzes it, and share links in the address bar.
 * Embed mode (`?embed=1`) reads nothing from and writes nothing to the visitor's storage.
 */
import { reportTextStorage, setEngineMode } from '../../state/actions'
import { openDurableTexts, routeTexts, type DurableTexts, type OpenedTexts } from '../../state/durable-texts'
import { indexedDbBackend, localStorageBackend } from '../../state/text-backends'
import { startAnalysisSync } from '../../state/analysis-sync'
import { connectEngine } from '../../state/engine-requests'
import { restoreSource, startSourcePersistence } from '../../state/persistence'
import { startRouteSync } from '../../state/route-sync'
import { startMigrationSync } from '../../state/migration-sync'
import { startRulesPersistence } from '../../state/rules'
import { EngineClient } from '../../worker/engine-client'
import { startReportSync } from '../../state/report-sync'
import { startSimulationSync } from '../../state/simulation-sync'
import { startPlaybackClock } from '../timeline/playback-clock'
import { setSource } from '../../state/actions'
import { startDisplay } from '../../state/display'
import { startScenarioAutosave } from '../../state/scenarios'
import { connectShareEngine } from '../../state/share-requests'
import { useStudioStore } from '../../state/store'
import { startUrlSync } from '../../state/url-sync'
import { SEED_MANIFEST } from '../../presets/seed'
import { startDocumentSync } from '../settings/document-sync'
import { engineTextsReady } from '../i18n'

/** Storage, or undefined where the browser refuses it (some privacy modes throw on access). */
function browserStorage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}

/** Copies texts whose IndexedDB write has not landed to localStorage when the page is hidden or goes away. */
function journalWhenHidden(texts: DurableTexts): () => void {
  const journal = () => texts.journalUnsaved()
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') journal()
  }
  window.addEventListener('pagehide', journal)
  document.addEventListener('visibilitychange', onVisibility)
  return () => {
    window.removeEventListener('pagehide', journal)
    document.removeEventListener('visibilitychange', onVisibility)
  }
}

/** The manifest and scenario texts: IndexedDB, with what older builds left in localStorage moved into it. */
function openTexts(storage: Storage | undefined): Promise<OpenedTexts> {
  return openDurableTexts({
    // `in`, not `typeof indexedDB`: where site data is blocked, reading the property itself throws.
    primary: 'indexedDB' in window ? indexedDbBackend() : null,
    legacy: storage ? localStorageBackend(storage) : null,
    journal: storage ?? null,
    onWrite: reportTextStorage,
  })
}

/**
 * Reads the saved texts, then starts persistence and analysis; resolves to a function that stops them. The page
 * renders after it resolves, so nothing typed can be overwritten by the restored text.
 */
export async function startStudio(): Promise<() => void> {
  startDisplay(window.location.search, browserStorage())
  const stopDocumentSync = startDocumentSync()
  const embed = useStudioStore.getState().embed
  const storage = embed ? undefined : browserStorage()
  const opened = embed ? null : await openTexts(storage)
  if (!opened) setSource(/^#v\d/.test(window.location.hash) ? '' : SEED_MANIFEST)
  else {
    if (opened.problem) reportTextStorage(opened.problem)
    restoreSource(opened.texts, opened.texts.readable)
  }
  const stopPersistence = opened ? startSourcePersistence(opened.texts) : () => {}
  const stopScenarios = opened ? startScenarioAutosave(routeTexts(opened.texts, storage)) : () => {}
  // After both saves above: their own pagehide and hidden-page flushes have queued the latest texts by then.
  const stopJournal = opened ? journalWhenHidden(opened.texts) : () => {}
  const stopRules = startRulesPersistence(storage)
  const client = new EngineClient({ onModeChange: (mode) => setEngineMode(mode), answersAfter: engineTextsReady })
  const disconnect = connectEngine(client)
  const stopAnalysis = startAnalysisSync(client)
  // Rollout simulations run in a worker of their own: a long one (or cancelling it) never delays analysis.
  const simulationClient = new EngineClient({ timeoutMs: 120_000, answersAfter: engineTextsReady })
  const stopSimulation = startSimulationSync(simulationClient)
  const stopReports = startReportSync(client)
  const stopClock = startPlaybackClock()
  const stopRoutes = startRouteSync(client, storage)
  const stopMigration = startMigrationSync(client)
  const disconnectShare = connectShareEngine(client)
  // After the route sync: a link's tested request is sent as soon as the scenario is applied.
  const stopUrlSync = startUrlSync(client)
  return () => {
    stopUrlSync()
    disconnectShare()
    stopScenarios()
    stopJournal()
    stopDocumentSync()
    stopClock()
    stopReports()
    stopSimulation()
    simulationClient.dispose()
    stopMigration()
    stopRoutes()
    stopAnalysis()
    disconnect()
    stopRules()
    client.dispose()
    stopPersistence()
  }
}
