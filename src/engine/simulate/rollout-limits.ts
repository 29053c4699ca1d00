/** Size limits of one simulation; the output says how much was left out when a list hits its cap. */
export const ROLLOUT_LIMITS = {
  /** Failed requests kept one by one (with pod, phase, cause); the rest are only counted. */
  maxFailedRequests: 10_000,
  /** Kubernetes events kept (repeats are folded into a count first, as the event recorder does). */
  maxEvents: 5_000,
  /** stern log lines kept. */
  maxLogLines: 20_000,
  /** Largest `replicas` simulated. */
  maxReplicas: 1_000,
  /** Largest number of requests in one run (rps × duration). */
  maxRequests: 50_000_000,
} as const
