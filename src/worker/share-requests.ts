/**
 * The share-encode request: the scenario as a link and a scenario file, Secret values redacted unless the user
 * included them (`prepareShare` refuses both when it cannot redact). Kept out of handle-request.ts so that module
 * stays a dispatcher.
 */
import { prepareShare } from '../engine'
import type { ShareEncodedResponse, ShareEncodeRequest } from './protocol'

export function encodeShareRequest(request: ShareEncodeRequest): Pick<ShareEncodedResponse, 'share'> {
  const options = request.format ? { includeSecrets: request.includeSecrets, format: request.format } : { includeSecrets: request.includeSecrets }
  return { share: prepareShare(request.payload, options) }
}
