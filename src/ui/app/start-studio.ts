/**
 * Wires the studio together once, before the first render: the saved text (or the seed scenario), its
 * persistence, the saved scenarios, the engine worker that analyzes it, and share links in the address bar.
 * Embed mode (`?embed=1`) reads nothing from and writes nothing to the visitor's storage.
 */
import { setEngineMode } from '../../state/actions'
import { startAnalysisSync } from '../../state/analysis-sync'
import { connectEngine } from '../../state/engine-requests'
import { restoreSource, startSourcePersistence } from '../../state/persistence'
import { startRouteSync } from '../../state/route-sync'
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

/** Storage, or undefined where the browser refuses it (some privacy modes throw on access). */
function browserStorage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}

/** Starts persistence and analysis; returns a function that stops both. */
export function startStudio(): () => void {
  startDisplay(window.location.search, browserStorage())
  const stopDocumentSync = startDocumentSync()
  const embed = useStudioStore.getState().embed
  const storage = embed ? undefined : browserStorage()
  if (embed) setSource(/^#v\d/.test(window.location.hash) ? '' : SEED_MANIFEST)
  else restoreSource(storage)
  const stopPersistence = embed ? () => {} : startSourcePersistence(storage)
  const stopScenarios = embed ? () => {} : startScenarioAutosave(storage)
  const stopRules = startRulesPersistence(storage)
  const client = new EngineClient({ onModeChange: (mode) => setEngineMode(mode) })
  const disconnect = connectEngine(client)
  const stopAnalysis = startAnalysisSync(client)
  // Rollout simulations run in a worker of their own: a long one (or cancelling it) never delays analysis.
  const simulationClient = new EngineClient({ timeoutMs: 120_000 })
  const stopSimulation = startSimulationSync(simulationClient)
  const stopReports = startReportSync(client)
  const stopClock = startPlaybackClock()
  const stopRoutes = startRouteSync(client, storage)
  const disconnectShare = connectShareEngine(client)
  // After the route sync: a link's tested request is sent as soon as the scenario is applied.
  const stopUrlSync = startUrlSync(client)
  return () => {
    stopUrlSync()
    disconnectShare()
    stopScenarios()
    stopDocumentSync()
    stopClock()
    stopReports()
    stopSimulation()
    simulationClient.dispose()
    stopRoutes()
    stopAnalysis()
    disconnect()
    stopRules()
    client.dispose()
    stopPersistence()
  }
}
