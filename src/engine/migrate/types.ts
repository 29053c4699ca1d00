/** The migration's plain-data results. */
import type { Message } from '../messages/message'
import type { FixOp } from '../fix/types'
import type { SourceRef } from '../model/types'

/** One thing the migration changed or chose to leave, for people (and the CLI's --explain). */
export interface MigrationNote {
  readonly source: SourceRef
  /** `Kind name`, e.g. `Ingress test`. */
  readonly object: string
  /** What was done, as a message (docs/i18n.md); views render it in the reader's language. */
  readonly text: Message
  /** `text` in English (`formatMessage`), what the CLI prints by default. */
  readonly message: string
}

/** The operations that migrate one object, with their notes. */
export interface ObjectMigration {
  readonly source: SourceRef
  readonly ops: readonly FixOp[]
  readonly notes: readonly Message[]
}
