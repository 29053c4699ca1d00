/**
 * Keeps the rollout simulation in step with the scenario: once the timeline wants runs, every new analysis and
 * every change of the Deployment or a parameter re-simulates in the simulation worker (debounced), so typing is
 * never blocked. A simulation still running when a newer one is asked for is cancelled after a moment (its worker
 * is replaced) instead of finishing work nobody will see; the user can cancel one too.
 */
import { isRejectedInput } from '../engine/diagnostics'
import type { EngineClient } from '../worker/engine-client'
import { applySimulation, markSimulationCancelled, markSimulationFailed, markSimulationRunning, setSimulationStage } from './playback-actions'
import { debounce } from './debounce'
import { useStudioStore, type StudioState } from './store'

/** Pause after the last change before simulating. */
export const SIMULATE_DEBOUNCE_MS = 150
/** A running simulation older than this is cancelled when a newer one is asked for; younger ones finish first. */
export const SUPERSEDE_AFTER_MS = 400

type SimulationClient = Pick<EngineClient, 'simulate' | 'cancel'>

let cancelRunning: (() => void) | null = null

let runAgain: (() => void) | null = null

/** Gives up the running simulation (the "Cancel" button). */
export function cancelSimulation(): void {
  cancelRunning?.()
}

/** Simulates the same inputs again (after a timeout or a crash: the "Retry" button). */
export function retrySimulation(): void {
  runAgain?.()
}

const inputsOf = (s: StudioState) => [s.analysis, s.simulationDeployment, s.simulationParameters, s.simulationWanted] as const

/** Starts simulating with `client`; returns a function that stops it. `now` is injectable for tests. */
export function startSimulationSync(client: SimulationClient, options: { debounceMs?: number; now?: () => number } = {}): () => void {
  const now = options.now ?? (() => performance.now())
  let lastInputs: readonly unknown[] | null = null
  let runningSince: number | null = null

  const run = async () => {
    const state = useStudioStore.getState()
    const model = state.analysis?.model
    if (!state.simulationWanted || !model) return
    const inputs = inputsOf(state)
    if (lastInputs && inputs.every((value, i) => value === lastInputs![i])) return
    lastInputs = inputs
    // What the API server would reject cannot be rolled out; the last run stays, as for invalid parameters.
    // (Its words are loaded only then: the refusal renders an English message from the engine's catalog.)
    const diagnostics = state.analysis?.diagnostics ?? []
    const refusal = diagnostics.some(isRejectedInput) ? (await import('../engine/simulate/rejected-input')).refuseRejectedInput(diagnostics) : null
    // Inputs changed while the refusal loaded: the newer run decides.
    if (lastInputs !== inputs) return
    if (refusal) {
      applySimulation(refusal, { revision: state.analyzedRevision, parameters: state.simulationParameters }, 0)
      return
    }
    if (runningSince !== null && now() - runningSince > SUPERSEDE_AFTER_MS) client.cancel('simulate')
    const startedAt = now()
    runningSince = startedAt
    markSimulationRunning(startedAt)
    const request = { revision: state.analyzedRevision, parameters: state.simulationParameters }
    const outcome = await client.simulate({ model, deployment: state.simulationDeployment, parameters: state.simulationParameters }, setSimulationStage)
    if (outcome.kind === 'stale') return
    runningSince = null
    // The input changed to one the API server would reject while this ran: the refusal stands.
    if (lastInputs !== inputs) return
    if (outcome.kind === 'ok') applySimulation(outcome.value.outcome, request, outcome.value.millis)
    else markSimulationFailed(outcome.error)
  }

  const scheduled = debounce(() => void run(), options.debounceMs ?? SIMULATE_DEBOUNCE_MS)
  const unsubscribe = useStudioStore.subscribe((state, previous) => {
    const changed = inputsOf(state).some((value, i) => value !== inputsOf(previous)[i])
    if (changed) scheduled()
  })
  cancelRunning = () => {
    scheduled.cancel()
    if (client.cancel('simulate')) {
      runningSince = null
      // Asking again for the same inputs must run again.
      lastInputs = null
      markSimulationCancelled()
    }
  }
  runAgain = () => {
    lastInputs = null
    void run()
  }
  scheduled()
  return () => {
    scheduled.cancel()
    unsubscribe()
    cancelRunning = null
    runAgain = null
  }
}
