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
  /**
   * Most probe attempts a run may need (pods × simulated seconds ÷ each probe's period; `run-size.ts` estimates
   * it before running). Each attempt is an event, a record on the timeline and a log line; about 250,000 take a
   * second or two in Node, where a run stops feeling instant. 1,000 replicas with the default 10 s probes over the
   * default 900 s fit; the same pods waiting a day for `--at 86400` (17 million attempts, minutes) do not.
   */
  maxProbeAttempts: 250_000,
} as const
