/**
 * What the share dialog and the scenario export say about Secret values: included, how many were replaced
 * (the engine's count of edits), none, or why no default link or file could be made.
 */
import type { PreparedShare } from '../../engine'

export interface SecretsNote {
  readonly key: string
  readonly params: Readonly<Record<string, string | number>>
  readonly tone: 'plain' | 'warning' | 'error'
}

export function secretsNoteOf(share: PreparedShare | null, includeSecrets: boolean): SecretsNote {
  if (includeSecrets) return { key: 'secretsIncluded', params: {}, tone: 'warning' }
  if (share?.kind === 'refused') return { key: `secretsRefused.${share.reason}`, params: { line: share.line ?? 1 }, tone: 'error' }
  if (share && share.redacted > 0) return { key: 'secretsRedacted', params: { count: share.redacted }, tone: 'plain' }
  return { key: 'secretsNone', params: {}, tone: 'plain' }
}
