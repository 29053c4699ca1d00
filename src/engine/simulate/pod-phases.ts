/**
 * The phases of a simulated pod, in one list: a phase's code (what the timeline's phase track stores) is its
 * index in `POD_PHASE_NAMES`, its name is what timelines, failed-request details and the page show. The display
 * phases (what a pod looks like at a moment, for colouring) are derived from it here too, so the engine, the
 * lanes, the graph's pods and their key all read one table (the page's colours and words: ui/common/phase-display.ts).
 */

export const POD_PHASE_NAMES = ['pending', 'starting', 'not-ready', 'ready', 'prestop', 'draining', 'backoff'] as const
export type PodPhaseName = (typeof POD_PHASE_NAMES)[number]

type IndexOf<T extends readonly unknown[]> = { [K in keyof T]: K extends `${infer N extends number}` ? N : never }[number]
/** A phase's code: its index in `POD_PHASE_NAMES`. */
export type PodPhaseCode = IndexOf<typeof POD_PHASE_NAMES>

const codeOf = (name: PodPhaseName): PodPhaseCode => POD_PHASE_NAMES.indexOf(name) as PodPhaseCode

/** The codes by the names the simulation's code uses. */
export const PodPhase = {
  /** Created; waiting for scheduling and the image pull. */
  pending: codeOf('pending'),
  /** Container running, app not listening yet. */
  starting: codeOf('starting'),
  /** App listening, pod not Ready. */
  notReady: codeOf('not-ready'),
  /** App listening and pod Ready. */
  ready: codeOf('ready'),
  /** Terminating: the preStop hook runs. */
  preStop: codeOf('prestop'),
  /** SIGTERM sent, the process is still alive (draining, or ignoring the signal). */
  draining: codeOf('draining'),
  /** Container exited after a liveness/startup kill; waiting to restart. */
  backOff: codeOf('backoff'),
} as const satisfies Record<string, PodPhaseCode>

/**
 * What a pod looks like at a moment, for colouring: the recorded phases (back-off shows as `killed`: the
 * container ended abruptly) plus the states outside them (not created yet, gone after a normal exit).
 */
export type DisplayPhase = 'absent' | Exclude<PodPhaseName, 'backoff'> | 'killed' | 'gone'

/** A recorded phase as it shows. */
export function displayPhaseOf(name: PodPhaseName): DisplayPhase {
  return name === 'backoff' ? 'killed' : name
}

/** Every display phase; a pod's packed state stores the index (`packPodStateAt`, 4 bits). */
export const DISPLAY_PHASES: readonly DisplayPhase[] = ['absent', ...new Set([...POD_PHASE_NAMES.map(displayPhaseOf), 'killed' as const]), 'gone']

/** Display phase by phase code. */
export const DISPLAY_PHASE_OF_CODE: readonly DisplayPhase[] = POD_PHASE_NAMES.map(displayPhaseOf)
