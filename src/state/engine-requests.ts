/**
 * Requests to the engine that are not the analysis: the quick fixes at a marker and the conversion of the
 * manifest to current API versions. The studio connects its engine client once at start (`connectEngine`);
 * until then (and in tests without one) the requests answer nothing.
 */
import type { MigrationNote, QuickFix, QuickFixTarget } from '../engine'
import { SEED_FILE_NAME } from '../presets/seed'
import type { EngineClient } from '../worker/engine-client'
import type { EngineFailure } from '../worker/protocol'
import { setSource } from './actions'
import { analyzeOptions } from './rules'
import { useStudioStore } from './store'

type Client = Pick<EngineClient, 'quickFixes' | 'migrate'>

let client: Client | null = null

/** Makes `engine` answer the requests below; returns a function that disconnects it. */
export function connectEngine(engine: Client): () => void {
  client = engine
  return () => {
    if (client === engine) client = null
  }
}

/** The quick fixes for the diagnostic at `target`, computed on `text` (the editor's current text). */
export async function requestQuickFixes(text: string, target: Omit<QuickFixTarget, 'file'>): Promise<readonly QuickFix[]> {
  if (!client) return []
  const outcome = await client.quickFixes([{ name: SEED_FILE_NAME, text }], analyzeOptions(), { ...target, file: SEED_FILE_NAME })
  return outcome.kind === 'ok' ? outcome.value.fixes : []
}

export type ConversionOutcome =
  /** `notes` say what changed, as engine messages the page renders in the reader's language. */
  | { readonly kind: 'converted'; readonly changes: number; readonly notes: readonly MigrationNote[] }
  | { readonly kind: 'unchanged' }
  /** The engine's failure, or no engine at all, or a text that changed meanwhile (the page words each). */
  | { readonly kind: 'failed'; readonly failure: EngineFailure | 'no-engine' | 'text-changed' }

/** Converts the manifest to current API versions in place (as one undoable edit in the editor). */
export async function convertToCurrentVersions(): Promise<ConversionOutcome> {
  if (!client) return { kind: 'failed', failure: 'no-engine' }
  const text = useStudioStore.getState().source
  const outcome = await client.migrate([{ name: SEED_FILE_NAME, text }])
  if (outcome.kind === 'failed') return { kind: 'failed', failure: outcome.error }
  if (outcome.kind === 'stale') return { kind: 'unchanged' }
  const file = outcome.value.result.files[0]
  if (!file || !file.changed) return { kind: 'unchanged' }
  // Only when nobody typed meanwhile: the conversion was computed on `text`.
  if (useStudioStore.getState().source !== text) return { kind: 'failed', failure: 'text-changed' }
  setSource(file.text)
  const { notes } = outcome.value.result
  return { kind: 'converted', changes: new Set(notes.map((note) => `${note.source.file}#${note.source.doc}#${note.source.path.join('.')}`)).size, notes }
}
