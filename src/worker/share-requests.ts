/**
 * The share-encode request: redact the scenario's Secret values (unless the user included them), then encode
 * it as a link and as a scenario file. Kept out of handle-request.ts so that module stays a dispatcher.
 */
import { encodeShareLink, formatScenarioFile, redactSecrets, SHARE_LIMITS } from '../engine'
import type { ShareEncodedResponse, ShareEncodeRequest } from './protocol'

export function encodeShareRequest(request: ShareEncodeRequest): Pick<ShareEncodedResponse, 'result' | 'file' | 'redaction'> {
  let payload = request.payload
  let redaction = { redacted: 0, unreadable: 0 }
  // Above the inflated cap no link is possible anyway; skip the parse and let the encoder say `too-large`.
  if (!request.includeSecrets && payload.source.length <= SHARE_LIMITS.maxInflatedBytes) {
    const { text, redacted, unreadable } = redactSecrets(payload.source)
    redaction = { redacted, unreadable }
    const { redactedSecrets: _previous, ...rest } = payload
    payload = redacted > 0 ? { ...rest, source: text, redactedSecrets: redacted } : { ...rest, source: text }
  }
  return { result: encodeShareLink(payload, request.format), file: formatScenarioFile(payload), redaction }
}
