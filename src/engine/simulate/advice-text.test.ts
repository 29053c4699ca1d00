import { describe, expect, it } from 'vitest'
import { causeMessage, formatCause, formatRemedy, remedyMessage } from './advice-text'
import type { FailureCause, FailureRemedy } from './rollout-advice'

/** Every variant of every cause, with numbers no other variant uses (so a lost parameter shows). */
const CAUSES: readonly [FailureCause, readonly string[]][] = [
  [{ kind: 'no-endpoints' }, ['503']],
  [{ kind: 'app-not-started', hasReadinessProbe: true, appStartSeconds: 7 }, []],
  [{ kind: 'app-not-started', hasReadinessProbe: false, appStartSeconds: 7.25 }, ['7.25']],
  [{ kind: 'app-not-started', hasReadinessProbe: false, appStartSeconds: null }, []],
  [{ kind: 'listener-closed', lagSeconds: 2.5 }, ['2.5']],
  [{ kind: 'pod-gone', lagSeconds: 1.125 }, ['1.125']],
  [{ kind: 'container-restarting' }, []],
  [{ kind: 'killed-on-sigterm' }, []],
  [{ kind: 'killed-at-grace-end', sigterm: 'ignore', graceSeconds: 31, preStopSeconds: 0, preStopAssumed: false }, ['31']],
  [{ kind: 'killed-at-grace-end', sigterm: 'graceful', graceSeconds: 33, preStopSeconds: 12.5, preStopAssumed: false }, ['33', '12.5']],
  [{ kind: 'killed-at-grace-end', sigterm: 'graceful', graceSeconds: 34, preStopSeconds: 6.75, preStopAssumed: true }, ['34', '6.75', '--prestop-http']],
  [{ kind: 'killed-by-probe' }, []],
  [{ kind: 'upstream-timeout', proxyReadTimeoutSeconds: 60.5 }, ['60.5', '504']],
  [{ kind: 'client-timeout', timeoutSeconds: 29.5 }, ['29.5']],
]

const REMEDIES: readonly [FailureRemedy, readonly string[]][] = [
  [{ kind: 'rolling-update-instead-of-recreate' }, ['RollingUpdate', 'maxSurge 1']],
  [{ kind: 'keep-one-serving', replicas: 1, maxUnavailable: 1 }, ['1 − 1']],
  [{ kind: 'keep-one-serving', replicas: 4, maxUnavailable: 4 }, ['4 − 4']],
  [{ kind: 'probe-the-serving-port' }, ['readinessProbe']],
  [{ kind: 'add-readiness-probe', port: 8081 }, ['8081']],
  [{ kind: 'lengthen-prestop', hook: 'none', lagSeconds: 2.5, currentSeconds: 0, suggestedSeconds: 6 }, ['2.5', 'seconds: 6', '"6"']],
  [{ kind: 'lengthen-prestop', hook: 'sleep-action', lagSeconds: 3.5, currentSeconds: 1.5, suggestedSeconds: 7 }, ['3.5', '1.5', '7']],
  [{ kind: 'lengthen-prestop', hook: 'exec-sleep', lagSeconds: 3.5, currentSeconds: 1.5, suggestedSeconds: 7 }, ['3.5', '1.5', '7']],
  [{ kind: 'lengthen-prestop', hook: 'exec-script', lagSeconds: 4.5, currentSeconds: 2.25, suggestedSeconds: 9 }, ['4.5', '2.25', 'seconds: 9']],
  [{ kind: 'lengthen-prestop', hook: 'assumed', lagSeconds: 5.5, currentSeconds: 1, suggestedSeconds: 11 }, ['5.5', '--prestop-http 11']],
  [{ kind: 'drain-on-sigterm' }, ['SIGTERM', 'preStop']],
  [{ kind: 'receive-sigterm' }, ['SIGTERM', 'PID 1']],
  [{ kind: 'raise-grace', preStopSeconds: 12.5, longestRequestSeconds: 8.125, currentSeconds: 13, suggestedSeconds: 39 }, ['12.5', '8.125', '13', '39']],
  [{ kind: 'add-startup-probe', appStartSeconds: 26, port: 8082, periodSeconds: 2, failureThreshold: 27 }, ['26', '8082', 'periodSeconds 2', 'failureThreshold 27']],
  [{ kind: 'add-startup-probe', appStartSeconds: null, port: 8083, periodSeconds: 2, failureThreshold: 3 }, ['8083', 'failureThreshold 3']],
  [{ kind: 'raise-proxy-read-timeout', currentSeconds: 1.5, suggestedSeconds: 17 }, ['1.5', '17', 'proxy-read-timeout']],
  [{ kind: 'raise-client-timeout', currentSeconds: 2.5, suggestedSeconds: 19 }, ['2.5', '19']],
]

const HANGUL = /[\uac00-\ud7a3]/

describe('the rollout advice in words', () => {
  it.each(CAUSES.map(([c, numbers]) => [JSON.stringify(c), c, numbers] as const))('says the cause %s in English and Korean with its numbers', (_, cause, numbers) => {
    const en = formatCause(cause)
    const ko = formatCause(cause, 'ko')
    expect(HANGUL.test(ko), ko).toBe(true)
    expect(ko).not.toBe(en)
    for (const n of numbers) {
      expect(en).toContain(n)
      expect(ko).toContain(n)
    }
    expect(ko).not.toMatch(/\{\{/)
  })

  it.each(REMEDIES.map(([r, numbers]) => [JSON.stringify(r), r, numbers] as const))('says the remedy %s in English and Korean with its numbers', (_, remedy, numbers) => {
    const en = formatRemedy(remedy)
    const ko = formatRemedy(remedy, 'ko')
    expect(HANGUL.test(ko), ko).toBe(true)
    for (const n of numbers) {
      expect(en).toContain(n)
      expect(ko).toContain(n)
    }
    expect(ko).not.toMatch(/\{\{/)
  })

  it('gives each variant its own message, never an English fragment as a parameter', () => {
    const all = [...CAUSES.map(([c]) => causeMessage(c)), ...REMEDIES.map(([r]) => remedyMessage(r))]
    for (const message of all) {
      for (const value of Object.values(message.params)) expect(typeof value === 'number' || !/ [a-z]+ [a-z]+ /.test(String(value)), message.id).toBe(true)
    }
  })

  it('keeps the English sentences the CLI printed before', () => {
    expect(formatCause({ kind: 'listener-closed', lagSeconds: 2.5 })).toBe(
      'SIGTERM closed the app\'s listener while the ingress still sent it requests (it drops a terminating pod only 2.5s later).',
    )
    expect(formatCause({ kind: 'app-not-started', hasReadinessProbe: false, appStartSeconds: 3 })).toBe(
      'The pod had no readinessProbe, so it was Ready (and got traffic, and let the controller remove old pods) as soon as its container started, 3s before the app listened.',
    )
    expect(formatCause({ kind: 'killed-at-grace-end', sigterm: 'graceful', graceSeconds: 30, preStopSeconds: 5, preStopAssumed: true })).toBe(
      'SIGKILL came before the app had drained: preStop (5s assumed, --prestop-http) plus shutdown did not fit in terminationGracePeriodSeconds (30s).',
    )
    expect(formatRemedy({ kind: 'keep-one-serving', replicas: 1, maxUnavailable: 1 })).toBe(
      'Keep at least one pod serving: replicas − maxUnavailable must stay ≥ 1 (here 1 − 1); for one replica use maxSurge 1 and maxUnavailable 0.',
    )
    expect(formatRemedy({ kind: 'keep-one-serving', replicas: 3, maxUnavailable: 3 })).toContain('for few replicas use')
    expect(formatRemedy({ kind: 'add-startup-probe', appStartSeconds: null, port: 80, periodSeconds: 2, failureThreshold: 3 })).toBe(
      'The liveness probe gives up before the app has started: add a startupProbe (e.g. tcpSocket on 80, periodSeconds 2, failureThreshold 3), or raise the liveness probe\'s initialDelaySeconds or failureThreshold.',
    )
    expect(formatRemedy({ kind: 'lengthen-prestop', hook: 'none', lagSeconds: 1, currentSeconds: 0, suggestedSeconds: 5 })).toBe(
      'Add a preStop hook that waits longer than the endpoint lag (1s) before SIGTERM, e.g. lifecycle.preStop.sleep.seconds: 5 (Kubernetes 1.30+) or exec ["sleep", "5"].',
    )
  })

  it('says seconds in Korean with 초', () => {
    expect(formatCause({ kind: 'listener-closed', lagSeconds: 2.5 }, 'ko')).toBe(
      'SIGTERM으로 앱의 리스너가 닫혔는데도 인그레스는 계속 요청을 보냈습니다(종료 중인 파드를 2.5초 뒤에야 뺍니다).',
    )
    expect(formatRemedy({ kind: 'raise-client-timeout', currentSeconds: 1, suggestedSeconds: 4 }, 'ko')).toBe('클라이언트 타임아웃(1초)을 4초로 늘리거나 요청을 더 빠르게 만드세요.')
  })
})
