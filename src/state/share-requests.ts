/**
 * The share dialog's and the importer's requests to the engine: make a link (and file) of the current scenario,
 * read an imported file. The studio connects its engine client once at start (`connectShareEngine`).
 */
import type { PreparedShare } from '../engine'
import type { EngineClient } from '../worker/engine-client'
import { createScenario } from './scenarios'
import { collectScenario } from './share-sections'
import { useStudioStore } from './store'

type Client = Pick<EngineClient, 'encodeShare' | 'readScenarioFile'>

let client: Client | null = null

export function connectShareEngine(engine: Client): () => void {
  client = engine
  return () => {
    if (client === engine) client = null
  }
}

export type ShareLinkOutcome =
  | { readonly kind: 'ready'; readonly share: PreparedShare }
  | { readonly kind: 'stale' }
  | { readonly kind: 'failed'; readonly message: string }

/**
 * The current scenario as a link fragment and a scenario file; Secret values redacted unless `includeSecrets`
 * (the engine refuses both when it cannot redact them).
 */
export async function requestShareLink(includeSecrets: boolean, title?: string): Promise<ShareLinkOutcome> {
  if (!client) return { kind: 'failed', message: 'The engine is not running.' }
  const scenario = collectScenario()
  const payload = title ? { ...scenario, title } : scenario
  const outcome = await client.encodeShare(payload, includeSecrets)
  if (outcome.kind === 'stale') return outcome
  if (outcome.kind === 'failed') return { kind: 'failed', message: outcome.error.message }
  return { kind: 'ready', share: outcome.value.share }
}

/** Imports a file as a new saved scenario named after it; problems go to `importProblem` for the UI. */
export async function importScenarioFile(fileName: string, text: string): Promise<boolean> {
  if (!client) return false
  const outcome = await client.readScenarioFile(text)
  if (outcome.kind !== 'ok') {
    if (outcome.kind === 'failed') useStudioStore.setState({ importProblem: { code: 'unreadable', fileName } })
    return false
  }
  const { result } = outcome.value
  if (result.kind === 'error') {
    useStudioStore.setState({ importProblem: { code: result.code, fileName } })
    return false
  }
  useStudioStore.setState({ importProblem: null })
  createScenario(result.payload, result.payload.title ?? fileName.replace(/\.(ya?ml|json|txt)$/i, ''))
  return true
}

export function reportImportProblem(code: 'not-a-file' | 'too-large', fileName: string): void {
  useStudioStore.setState({ importProblem: { code, fileName } })
}

export function dismissImportProblem(): void {
  useStudioStore.setState({ importProblem: null })
}
