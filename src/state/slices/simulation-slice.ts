import type { StateCreator } from 'zustand'
import type { RolloutParameters, RolloutResult, ScenarioProblem, ScenarioStage, TimelineView } from '../../engine'
import type { EngineFailure } from '../../worker/protocol'
import type { StudioState } from '../store'

/** `running` while the worker simulates; `invalid` when the scenario cannot run (problems say why). */
export type SimulationStatus = 'idle' | 'running' | 'ready' | 'invalid' | 'failed'

/** One finished run, replaced whole (never mutated): the engine's result and the view built from it. */
export interface SimulationRun {
  /** Grows with every run, so views can tell runs apart cheaply. */
  readonly id: number
  /** `namespace/name` of the Deployment rolled out. */
  readonly deployment: string
  /** The parameters asked for (only those that differ from the defaults). */
  readonly parameters: Partial<RolloutParameters>
  /** The document revision the run was simulated from. */
  readonly revision: number
  readonly result: RolloutResult
  readonly view: TimelineView
  /** Time the worker spent. */
  readonly millis: number
}

/** The rollout scenario (what to simulate) and the latest run (what was simulated). */
export interface SimulationSlice {
  /** `namespace/name`; `null` lets the engine pick the most interesting Deployment. */
  readonly simulationDeployment: string | null
  /** Parameters that differ from `DEFAULT_ROLLOUT_PARAMETERS`. */
  readonly simulationParameters: Partial<RolloutParameters>
  readonly simulationStatus: SimulationStatus
  /** The worker's current stage while `running`. */
  readonly simulationStage: ScenarioStage | null
  /** `performance.now()` when the running simulation was sent, for the elapsed time and cancelling. */
  readonly simulationStartedAt: number | null
  readonly simulationProblems: readonly ScenarioProblem[]
  readonly simulationFailure: EngineFailure | null
  /** The latest finished run; stays on screen (marked behind) while a newer one runs. */
  readonly simulationRun: SimulationRun | null
  /** A run kept to compare the current one against. */
  readonly pinnedRun: SimulationRun | null
  /** Whether the timeline wants runs (it was opened); simulations start only then. */
  readonly simulationWanted: boolean
}

export const createSimulationSlice: StateCreator<StudioState, [], [], SimulationSlice> = () => ({
  simulationDeployment: null,
  simulationParameters: {},
  simulationStatus: 'idle',
  simulationStage: null,
  simulationStartedAt: null,
  simulationProblems: [],
  simulationFailure: null,
  simulationRun: null,
  pinnedRun: null,
  simulationWanted: false,
})
