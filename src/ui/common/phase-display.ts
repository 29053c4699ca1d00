/**
 * How each pod display phase shows in the page: its colour (a CSS custom property, phase-colors.css) and its
 * words (the timeline's, and the graph's shorter ones on a pod pill). Derived from the engine's one list of
 * phases (`engine/simulate/pod-phases.ts`); the lanes, their key, the lane labels, failed-request details and the
 * graph's pods read this table rather than naming phases themselves.
 */
import { DISPLAY_PHASES, type DisplayPhase } from '../../engine/simulate/pod-phases'
import './phase-colors.css'

export interface PhaseDisplay {
  /** The custom property holding the phase's colour, in light and dark. */
  readonly colorVar: `--phase-${DisplayPhase}`
  /** Its words in the timeline (`timeline` namespace). */
  readonly labelKey: `timeline:phase.${DisplayPhase}`
  /** Its short words on a pod in the route graph (`graph` namespace). */
  readonly shortLabelKey: `graph:phase.${DisplayPhase}`
  /** Whether the lanes' key explains it: absent and gone are a lane's empty background, nothing to explain. */
  readonly inKey: boolean
}

function displayOf(phase: DisplayPhase): PhaseDisplay {
  return {
    colorVar: `--phase-${phase}`,
    labelKey: `timeline:phase.${phase}`,
    shortLabelKey: `graph:phase.${phase}`,
    inKey: phase !== 'absent' && phase !== 'gone',
  }
}

export const PHASE_DISPLAY: Readonly<Record<DisplayPhase, PhaseDisplay>> = Object.fromEntries(
  DISPLAY_PHASES.map((phase) => [phase, displayOf(phase)]),
) as Record<DisplayPhase, PhaseDisplay>

/** The phases the lanes' key lists, in the engine's order. */
export const KEYED_PHASES: readonly DisplayPhase[] = DISPLAY_PHASES.filter((phase) => PHASE_DISPLAY[phase].inKey)

/** A CSS value that paints `phase` (for a style attribute). */
export function phaseColor(phase: DisplayPhase): string {
  return `var(${PHASE_DISPLAY[phase].colorVar})`
}
