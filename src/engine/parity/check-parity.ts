/**
 * `checkParity`: the same requests through ingress-nginx (the Ingresses of `files`) and through a Gateway (the
 * Gateway API objects of `against`, or the conversion of `files` when `against` is null), and every request whose
 * answer differs, grouped by cause with the fix (docs/migration.md#parity).
 */
import type { SourceFile } from '../analyze'
import type { SourceOptions } from '../source/parse-sources'
import type { Message } from '../messages/message'
import { convertToGatewayApi } from '../migrate/gateway/convert-to-gateway'
import { compileSides, runParity } from './run-parity'
import type { ParityReport, ParityRequest } from './types'

export { PARITY_CAUSES } from './causes'
export type { ParityCause } from './causes'

/**
 * - `gateway` — `namespace/name` of the Gateway the requests go through. Default: the conversion's Gateway; with
 *   `against`, the only Gateway of the input.
 * - `gatewayClass` — the conversion's `spec.gatewayClassName` (without `against`). Default: the conversion's.
 * - `requests` — the user's own requests, checked after the generated ones. Default: none.
 */
export interface ParityOptions {
  readonly gateway?: string
  readonly gatewayClass?: string
  readonly requests?: readonly ParityRequest[]
  /** How the input is read (the CLI's cluster-size reading: `SourceOptions.streamDocuments`). Default: the studio's. */
  readonly source?: SourceOptions
}

/**
 * The parity report. A problem only for unusable options or a Gateway that cannot be chosen (none, several
 * without `gateway`, or not in the input); a difference is never a problem.
 */
export function checkParity(files: readonly SourceFile[], against: readonly SourceFile[] | null, options: ParityOptions = {}): ParityReport | { problem: Message } {
  let gatewayFiles: readonly SourceFile[]
  let gateway = options.gateway ?? null
  let findings = null
  if (against === null) {
    const conversion = convertToGatewayApi(files, {
      ...(options.gateway !== undefined ? { gateway: options.gateway } : {}),
      ...(options.gatewayClass !== undefined ? { gatewayClass: options.gatewayClass } : {}),
      ...(options.source !== undefined ? { source: options.source } : {}),
    })
    if ('problem' in conversion) return conversion
    gatewayFiles = [{ name: 'converted-gateway-api.yaml', text: conversion.text }]
    gateway ??= conversion.gateway
    findings = conversion.findings
  } else {
    gatewayFiles = against
  }
  const sides = compileSides(files, gatewayFiles, gateway, options.source)
  if ('problem' in sides) return sides
  return runParity(sides, options.requests ?? [], findings)
}
