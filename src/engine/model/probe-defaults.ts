/**
 * The Kubernetes API defaults of a probe's timing fields (core/v1 `Probe`): what a probe does when the manifest
 * leaves a field out (or writes 0). The model stage fills them in; quick fixes, lints and the UI read them here
 * rather than repeating the numbers.
 */
import type { Probe } from './types'

export type ProbeTiming = Pick<Probe, 'initialDelaySeconds' | 'periodSeconds' | 'timeoutSeconds' | 'successThreshold' | 'failureThreshold'>

export const PROBE_DEFAULTS: Readonly<ProbeTiming> = Object.freeze({
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
})
