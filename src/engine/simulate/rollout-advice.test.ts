import { describe, expect, it } from 'vitest'
import { simulateText, webManifest, type WebOptions } from '../testing/prestop-rollouts'
import { formatMessage } from '../messages/render'
import { followAdvice } from './apply-advice'
import type { RolloutParameters } from './parameters'
import type { FailureDetail } from './request-outcome'
import { adviseOn, type RemedyKind } from './rollout-advice'

interface Case {
  readonly remedy: RemedyKind
  readonly detail: FailureDetail
  readonly manifest: WebOptions
  readonly parameters?: Partial<RolloutParameters>
}

/** A failing scenario for each remedy: the failure of `detail` it shows, whose advice names `remedy`. */
const CASES: readonly Case[] = [
  { remedy: 'rolling-update-instead-of-recreate', detail: 'no-endpoints', manifest: { strategy: '{type: Recreate}', preStop: '{sleep: {seconds: 5}}' } },
  { remedy: 'keep-one-serving', detail: 'no-endpoints', manifest: { replicas: 1, strategy: '{type: RollingUpdate, rollingUpdate: {maxSurge: 0, maxUnavailable: 1}}', preStop: '{sleep: {seconds: 5}}' } },
  { remedy: 'probe-the-serving-port', detail: 'app-not-started', manifest: { preStop: '{sleep: {seconds: 5}}' }, parameters: { probesTestServing: false, appStartSeconds: 8 } },
  { remedy: 'add-readiness-probe', detail: 'app-not-started', manifest: { readiness: false, preStop: '{sleep: {seconds: 5}}' }, parameters: { appStartSeconds: 5 } },
  { remedy: 'lengthen-prestop', detail: 'listener-closed', manifest: {} },
  { remedy: 'drain-on-sigterm', detail: 'killed-on-sigterm', manifest: {}, parameters: { sigterm: 'immediate', requestSeconds: 1 } },
  { remedy: 'receive-sigterm', detail: 'killed-at-grace-end', manifest: { grace: 1 }, parameters: { sigterm: 'ignore', endpointLagSeconds: 3, requestSeconds: 0.5 } },
  { remedy: 'raise-grace', detail: 'killed-at-grace-end', manifest: { preStop: '{sleep: {seconds: 2}}', grace: 3 }, parameters: { requestSeconds: 8 } },
  {
    remedy: 'add-startup-probe',
    detail: 'container-restarting',
    manifest: { readiness: false, preStop: '{sleep: {seconds: 5}}', containerExtra: '        livenessProbe: {httpGet: {path: /live, port: 8080}, periodSeconds: 1, failureThreshold: 2}' },
    parameters: { appStartSeconds: 6, requestSeconds: 0.5 },
  },
  { remedy: 'raise-proxy-read-timeout', detail: 'upstream-timeout', manifest: { preStop: '{sleep: {seconds: 5}}' }, parameters: { requestSeconds: 2, latencySpread: 0, proxyReadTimeoutSeconds: 1, durationSeconds: 4 } },
  { remedy: 'raise-client-timeout', detail: 'client-timeout', manifest: { preStop: '{sleep: {seconds: 5}}' }, parameters: { requestSeconds: 2, latencySpread: 0, timeoutSeconds: 1, durationSeconds: 4 } },
]

describe('following the rollout advice removes the failures of its cause', () => {
  it.each(CASES.map((c) => [c.remedy, c] as const))('%s', (_, c) => {
    const text = webManifest(c.manifest)
    const parameters = c.parameters ?? {}
    const before = simulateText(text, parameters)
    expect(before.failures.byDetail[c.detail], `${c.detail} before`).toBeGreaterThan(0)
    const advice = adviseOn(c.detail, before)
    expect(advice.remedy.kind).toBe(c.remedy)
    const followed = followAdvice(text, parameters, advice.change)
    expect(followed.problems).toEqual([])
    const after = simulateText(followed.text, followed.parameters)
    expect(after.failures.byDetail[c.detail] ?? 0, `${c.detail} after`).toBe(0)
  })

  it.each([
    ['no hook', null, 'none'],
    ['the sleep action', '{sleep: {seconds: 0}}', 'sleep-action'],
    ['an exec sleep', '{exec: {command: ["busybox", "sleep", "0"]}}', 'exec-sleep'],
    ['a script', '{exec: {command: ["sh", "-c", "echo bye; sleep 0"]}}', 'exec-script'],
    ['an httpGet hook (assumed time)', '{httpGet: {path: /prestop, port: 8080}}', 'assumed'],
  ])('lengthens the preStop wait from %s', (_, preStop, hook) => {
    const text = webManifest({ preStop })
    const before = simulateText(text, { endpointLagSeconds: 2 })
    const advice = adviseOn('listener-closed', before)
    expect(advice.remedy).toMatchObject({ kind: 'lengthen-prestop', hook, lagSeconds: 2, suggestedSeconds: 5 })
    const followed = followAdvice(text, { endpointLagSeconds: 2 }, advice.change)
    const after = simulateText(followed.text, followed.parameters)
    expect(after.failures.byDetail['listener-closed'] ?? 0).toBe(0)
    expect(after.deployment.preStop?.runSeconds).toBe(5)
  })

  it('keeps the exec program and the rest of the manifest text when it lengthens a sleep', () => {
    const text = webManifest({ preStop: '{exec: {command: ["busybox", "sleep", "0"]}}' })
    const advice = adviseOn('listener-closed', simulateText(text))
    const { text: after } = followAdvice(text, {}, advice.change)
    expect(after).toContain('lifecycle: {preStop: {exec: {command: [ busybox, sleep, "5" ]}}}')
    expect(after.replace(/lifecycle: .*\n/, '')).toBe(text.replace(/lifecycle: .*\n/, ''))
  })

  it('words every cause and remedy from its numbers', () => {
    const r = simulateText(webManifest({ preStop: '{httpGet: {path: /prestop, port: 8080}}' }), { endpointLagSeconds: 2.5, preStopHttpSeconds: 1 })
    const advice = adviseOn('listener-closed', r)
    expect(advice.cause).toEqual({ kind: 'listener-closed', lagSeconds: 2.5 })
    expect(formatMessage(advice.why)).toContain('2.5s later')
    expect(formatMessage(advice.fix)).toContain('assumed 1s (--prestop-http)')
    expect(formatMessage(advice.fix)).toContain('--prestop-http 5')
    // The same numbers in Korean.
    expect(formatMessage(advice.why, 'ko')).toContain('2.5초 뒤에야')
    expect(formatMessage(advice.fix, 'ko')).toContain('1초로 가정했습니다(--prestop-http)')
    expect(formatMessage(advice.fix, 'ko')).toContain('--prestop-http 5로')
  })
})
