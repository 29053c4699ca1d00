/**
 * Wires the studio together once, before the first render: the saved text (or the seed scenario), its
 * persistence, and the engine worker that analyzes it.
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
  const storage = browserStorage()
  restoreSource(storage)
  const stopPersistence = startSourcePersistence(storage)
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
  return () => {
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
