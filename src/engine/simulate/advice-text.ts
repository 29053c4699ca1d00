/**
 * The words of the rollout advice, made from its data (`rollout-advice.ts`) in this one place: one message per
 * cause and one per remedy (templates in `messages/{en,ko}/rollout.ts`), and their renderings for the CLI.
 */
import type { MessageLanguage } from '../messages/catalog'
import { msg, type Message } from '../messages/message'
import { formatMessage } from '../messages/render'
import type { FailureCause, FailureRemedy } from './rollout-advice'

/** Seconds as the sentences show them: at most three decimals, no trailing zeros. */
const s = (seconds: number): number => Number(seconds.toFixed(3))

export function causeMessage(c: FailureCause): Message {
  switch (c.kind) {
    case 'no-endpoints':
      return msg('cause-no-endpoints')
    case 'app-not-started':
      if (c.hasReadinessProbe) return msg('cause-app-not-started')
      return c.appStartSeconds === null ? msg('cause-app-not-started-no-probe-never') : msg('cause-app-not-started-no-probe', { appStart: s(c.appStartSeconds) })
    case 'listener-closed':
      return msg('cause-listener-closed', { lag: s(c.lagSeconds) })
    case 'pod-gone':
      return msg('cause-pod-gone', { lag: s(c.lagSeconds) })
    case 'container-restarting':
      return msg('cause-container-restarting')
    case 'killed-on-sigterm':
      return msg('cause-killed-on-sigterm')
    case 'killed-at-grace-end':
      if (c.sigterm === 'ignore') return msg('cause-killed-at-grace-end-ignored', { grace: c.graceSeconds })
      return msg(c.preStopAssumed ? 'cause-killed-at-grace-end-assumed' : 'cause-killed-at-grace-end', { preStop: s(c.preStopSeconds), grace: c.graceSeconds })
    case 'killed-by-probe':
      return msg('cause-killed-by-probe')
    case 'upstream-timeout':
      return msg('cause-upstream-timeout', { timeout: s(c.proxyReadTimeoutSeconds) })
    case 'client-timeout':
      return msg('cause-client-timeout', { timeout: s(c.timeoutSeconds) })
  }
}

function lengthenPreStop(r: Extract<FailureRemedy, { kind: 'lengthen-prestop' }>): Message {
  const lag = s(r.lagSeconds)
  const wait = r.suggestedSeconds
  switch (r.hook) {
    case 'none':
      return msg('remedy-add-prestop', { lag, wait })
    case 'sleep-action':
    case 'exec-sleep':
      return msg('remedy-raise-prestop-sleep', { current: s(r.currentSeconds), lag, wait })
    case 'exec-script':
      return msg('remedy-raise-prestop-script', { current: s(r.currentSeconds), lag, wait })
    case 'assumed':
      return msg('remedy-raise-prestop-assumed', { current: s(r.currentSeconds), lag, wait })
  }
}

export function remedyMessage(r: FailureRemedy): Message {
  switch (r.kind) {
    case 'rolling-update-instead-of-recreate':
      return msg('remedy-rolling-update-instead-of-recreate')
    case 'keep-one-serving':
      // `count` picks "one replica" or "few replicas".
      return msg('remedy-keep-one-serving', { count: r.replicas, maxUnavailable: r.maxUnavailable })
    case 'probe-the-serving-port':
      return msg('remedy-probe-the-serving-port')
    case 'add-readiness-probe':
      return msg('remedy-add-readiness-probe', { port: r.port })
    case 'lengthen-prestop':
      return lengthenPreStop(r)
    case 'drain-on-sigterm':
      return msg('remedy-drain-on-sigterm')
    case 'receive-sigterm':
      return msg('remedy-receive-sigterm')
    case 'raise-grace':
      return msg('remedy-raise-grace', { current: r.currentSeconds, preStop: s(r.preStopSeconds), longest: s(r.longestRequestSeconds), suggested: r.suggestedSeconds })
    case 'add-startup-probe': {
      const probe = { port: r.port, period: r.periodSeconds, threshold: r.failureThreshold }
      return r.appStartSeconds === null ? msg('remedy-add-startup-probe-never-starts', probe) : msg('remedy-add-startup-probe', { ...probe, appStart: s(r.appStartSeconds) })
    }
    case 'raise-proxy-read-timeout':
      return msg('remedy-raise-proxy-read-timeout', { current: s(r.currentSeconds), suggested: r.suggestedSeconds })
    case 'raise-client-timeout':
      return msg('remedy-raise-client-timeout', { current: s(r.currentSeconds), suggested: r.suggestedSeconds })
  }
}

/** The cause in words (English unless asked): the CLI's text. */
export function formatCause(c: FailureCause, language: MessageLanguage = 'en'): string {
  return formatMessage(causeMessage(c), language)
}

/** The remedy in words (English unless asked): the CLI's text. */
export function formatRemedy(r: FailureRemedy, language: MessageLanguage = 'en'): string {
  return formatMessage(remedyMessage(r), language)
}
