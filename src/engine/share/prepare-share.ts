/**
 * A scenario made ready to leave the studio: the link and the scenario file from one payload, its Secret values
 * redacted unless the user includes them. When the text cannot be redacted with confidence (too large to parse,
 * binary, too deep, or broken YAML that may hide a Secret), neither is made: a default link or file must never
 * carry a value the user did not choose to share.
 */
import { encodeShareLink, type ShareEncodeResult, type ShareFormat } from './codec'
import type { SharePayload } from './payload'
import { redactSecrets, type RedactionRefusalReason } from './redact-secrets'
import { formatScenarioFile } from './scenario-file'

export type PreparedShare =
  | {
      readonly kind: 'ready'
      readonly link: ShareEncodeResult
      /** The scenario file of the same payload, for "download instead" and export. */
      readonly file: string
      /** Secret values replaced by `REDACTED` in both (0 when they are included). */
      readonly redacted: number
      readonly secretsIncluded: boolean
    }
  | {
      readonly kind: 'refused'
      readonly reason: RedactionRefusalReason
      /** 1-based line of the manifest the problem starts on, when it has one. */
      readonly line?: number
      readonly message: string
    }

export interface PrepareShareOptions {
  readonly includeSecrets: boolean
  readonly format?: ShareFormat
}

export function prepareShare(payload: SharePayload, options: PrepareShareOptions): PreparedShare {
  const { redactedSecrets: _earlier, ...rest } = payload
  let shared: SharePayload = payload
  let redacted = 0
  if (!options.includeSecrets) {
    const redaction = redactSecrets(payload.source)
    if (redaction.kind === 'refused') return redaction
    redacted = redaction.redacted
    shared = redacted > 0 ? { ...rest, source: redaction.text, redactedSecrets: redacted } : { ...rest, source: redaction.text }
  }
  return {
    kind: 'ready',
    link: encodeShareLink(shared, options.format),
    file: formatScenarioFile(shared),
    redacted,
    secretsIncluded: options.includeSecrets,
  }
}
