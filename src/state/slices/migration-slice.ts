import type { StateCreator } from 'zustand'
import type { MigrationStepFocus } from '../../presets/types'
import type { RouteHighlight } from '../../engine'
import type { EngineFailure, MigrationAnswer } from '../../worker/protocol'
import type { StudioState } from '../store'

/** What the conversion is asked for: the Gateway (`namespace/name`) and its class; empty = the converter's default. */
export interface MigrationOptions {
  readonly gateway: string
  readonly gatewayClass: string
}

/** The worker's latest migration, with the text, revision and options it was computed from. */
export interface MigrationState {
  readonly answer: MigrationAnswer
  readonly source: string
  readonly revision: number
  readonly options: MigrationOptions
}

/** The two routes of the selected difference, lit in the migration's graph. */
export interface MigrationTrace {
  readonly difference: number
  readonly ingressNginx: RouteHighlight | null
  readonly gatewayApi: RouteHighlight | null
  readonly revision: number
}

/**
 * The migration to Gateway API (docs/migration.md#studio): whether its view was opened (it then follows the
 * text), its options, the latest answer and the selected parity difference with its two routes.
 */
/** The view's tabs: the same two a guided step can show (presets/types.ts). */
export type MigrationSection = MigrationStepFocus['section']

export interface MigrationSlice {
  readonly migrationOpen: boolean
  /** The view's tab: the converted manifests and findings, or the parity of the two routers. */
  readonly migrationSection: MigrationSection
  /**
   * A request a guided step points at: once the migration of the text on screen lands, the Parity tab shows it
   * selected when it is a difference, else the list without it.
   */
  readonly migrationFocus: string | null
  readonly migrationOptions: MigrationOptions
  readonly migration: MigrationState | null
  readonly migrationStatus: 'idle' | 'pending' | 'ready' | 'failed'
  readonly migrationFailure: EngineFailure | null
  /** Index into the parity report's differences. */
  readonly migrationSelected: number | null
  readonly migrationTrace: MigrationTrace | null
}

export const NO_MIGRATION_OPTIONS: MigrationOptions = { gateway: '', gatewayClass: '' }

export const createMigrationSlice: StateCreator<StudioState, [], [], MigrationSlice> = () => ({
  migrationOpen: false,
  migrationSection: 'conversion',
  migrationFocus: null,
  migrationOptions: NO_MIGRATION_OPTIONS,
  migration: null,
  migrationStatus: 'idle',
  migrationFailure: null,
  migrationSelected: null,
  migrationTrace: null,
})
