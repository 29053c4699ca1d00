/**
 * Scenario files: a scenario saved as a YAML file that stays a valid manifest (`kubectl apply -f` still takes
 * it). The studio's settings ride in the first line, a YAML comment: `# ingress-studio: {"view":…}`. Any plain
 * YAML file imports as a scenario with only the manifest.
 */
import { exceedsUtf8Bytes, MAX_INPUT_BYTES, utf8ByteLength } from '../limits'
import { checkPayload } from './check-payload'
import type { SharePayload, ShareWarning } from './payload'
import { SHARE_LIMITS } from './share-limits'

const MARK = '# ingress-studio: '

export type ScenarioFileResult =
  | { readonly kind: 'ok'; readonly payload: SharePayload; readonly warnings: readonly ShareWarning[] }
  | { readonly kind: 'error'; readonly code: 'too-large' | 'binary'; readonly message: string }

/** The file's text: the settings line (when there are settings) followed by the manifest, byte for byte. */
export function formatScenarioFile(payload: SharePayload): string {
  const { source, ...sections } = payload
  return Object.keys(sections).length === 0 ? source : `${MARK}${JSON.stringify(sections)}\n${source}`
}

/** Reads a scenario file (or any YAML file). A damaged settings line is skipped with a warning. */
export function readScenarioFile(text: string): ScenarioFileResult {
  if (exceedsUtf8Bytes(text, MAX_INPUT_BYTES)) {
    return { kind: 'error', code: 'too-large', message: `The file has ${utf8ByteLength(text)} bytes of UTF-8; the studio reads at most ${MAX_INPUT_BYTES}.` }
  }
  if (text.includes('\u0000')) return { kind: 'error', code: 'binary', message: 'This is a binary file, not YAML.' }
  if (!text.startsWith(MARK)) return { kind: 'ok', payload: { source: text }, warnings: [] }
  const newline = text.indexOf('\n')
  const line = newline < 0 ? text : text.slice(0, newline)
  const source = newline < 0 ? '' : text.slice(newline + 1)
  let header: unknown = undefined
  if (line.length - MARK.length <= SHARE_LIMITS.maxHeaderChars) {
    try {
      header = JSON.parse(line.slice(MARK.length)) as unknown
    } catch {
      header = undefined
    }
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    return { kind: 'ok', payload: { source }, warnings: [{ section: 'unknown', detail: 'settings line' }] }
  }
  const checked = checkPayload({ ...header, source })
  return checked.kind === 'ok' ? checked : { kind: 'ok', payload: { source }, warnings: [{ section: 'unknown', detail: 'settings line' }] }
}
