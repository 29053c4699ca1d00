/**
 * Why two answers differ, as a closed list (docs/migration.md#parity), each with an explanation and the kind of
 * fix it usually takes. The classifier (`classify-difference.ts`) picks one per differing request from structured
 * facts; the fix's words name exactly what to change.
 */
import { msg, type Message } from '../messages/message'
import type { ParityFixKind } from './types'

/** The causes, most specific first (the classifier's order). */
export const PARITY_CAUSES = [
  'tls-listener',
  'http-listener',
  'ssl-redirect',
  'canary-header',
  'canary-cookie',
  'canary-weight',
  'wildcard-host',
  'host-not-served',
  'default-backend',
  'case-sensitivity',
  'regex-semantics',
  'trailing-slash',
  'prefix-boundary',
  'path-type',
  'path-precedence',
  'redirect-status',
  'redirect-location',
  'rewrite-captures',
  'rewrite-target',
  'upstream-host',
  'unsupported-filter',
  'unsupported-annotation',
  'backend-differs',
  'other',
] as const

export type ParityCause = (typeof PARITY_CAUSES)[number]

/** The kind of fix each cause takes. */
export const FIX_KINDS: Readonly<Record<ParityCause, ParityFixKind>> = {
  'tls-listener': 'change-route',
  'http-listener': 'change-route',
  'ssl-redirect': 'change-route',
  'canary-header': 'change-route',
  'canary-cookie': 'change-route',
  'canary-weight': 'change-route',
  'wildcard-host': 'change-route',
  'host-not-served': 'change-route',
  'default-backend': 'change-route',
  'case-sensitivity': 'accept',
  'regex-semantics': 'change-route',
  'trailing-slash': 'change-route',
  'prefix-boundary': 'change-route',
  'path-type': 'change-route',
  'path-precedence': 'change-route',
  'redirect-status': 'change-route',
  'redirect-location': 'change-route',
  'rewrite-captures': 'change-ingress',
  'rewrite-target': 'change-route',
  'upstream-host': 'change-route',
  'unsupported-filter': 'change-route',
  'unsupported-annotation': 'accept',
  'backend-differs': 'change-route',
  other: 'accept',
}

/** The explanation of a cause (the group's heading and every difference's). */
export function causeExplanation(cause: ParityCause): Message {
  return msg(`parity-cause-${cause}`)
}
