import { describe, expect, it } from 'vitest'
import type { FailureDetail } from './load'
import type { Message } from '../messages/message'
import { formatMessage } from '../messages/render'
import { adviseOn } from './rollout-advice'
import { formatRolloutSummary } from './rollout-summary'
import { simulateOk } from '../testing/rollouts'

describe('formatRolloutSummary', () => {
  it('tells what happened, what failed and why, and what to change for the seed defaults', () => {
    const text = formatRolloutSummary(simulateOk())
    expect(text).toMatch(/^Rollout of deployment\/websample \(extensions\/v1beta1\), 1 replica, RollingUpdate: maxSurge 25% → 1 pod, maxUnavailable 25% → 0 pods\n/)
    expect(text).toContain('Result: complete at 16.000s; steps (1,1) (0,1)')
    expect(text).toMatch(/ {4}5\.000s {2}Scaled up replica set websample-\w+ to 1 {2}\(old 1, new 1\)/)
    expect(text).toContain('Requests: 1303 sent, 1253 succeeded (96.16%), 50 failed; longest run of consecutive failures 50')
    expect(text).toMatch(/502 not listening \(after SIGTERM\) +4 {2}sent 16\.000s–16\.060s/)
    expect(text).toMatch(/502 not listening \(pod exited\) +46 {2}sent 16\.080s–16\.980s/)
    expect(text).toContain('--prestop-http 5')
    expect(text).toContain('extensions/v1beta1 Deployments were removed in Kubernetes 1.16')
  })

  it('says there is nothing to change when nothing failed', () => {
    const text = formatRolloutSummary(simulateOk({ apiVersion: 'apps/v1' }, { preStopHttpSeconds: 5 }))
    expect(text).toContain('0 failed')
    expect(text).toMatch(/What to change\n {2}Nothing: every request succeeded\.\n$/)
  })

  it('blames the liveness probe when it keeps killing a slow app', () => {
    const text = formatRolloutSummary(simulateOk({ replicas: 3 }, { appStartSeconds: 25 }))
    expect(text).toMatch(/first probe kill; new pods restarted \d+ times in all/)
    expect(text).toContain('add a startupProbe')
  })

  it('says so when the new image is the old one', () => {
    expect(formatRolloutSummary(simulateOk({}, { image: 'acadx0/190713:v1' }))).toContain('image unchanged (acadx0/190713:v1)')
  })

  it('explains a stalled rollout', () => {
    const text = formatRolloutSummary(simulateOk({ replicas: 3, apiVersion: 'apps/v1', progressDeadlineSeconds: 60 }, { appStartSeconds: null }))
    expect(text).toContain('NOT complete within the simulated time')
    expect(text).toContain('condition Progressing=False (ProgressDeadlineExceeded)')
    expect(text).toContain('never became Ready')
  })
})

describe('adviseOn', () => {
  const r = simulateOk({}, { endpointLagSeconds: 2.5 })
  const details: FailureDetail[] = ['no-endpoints', 'app-not-started', 'listener-closed', 'pod-gone', 'container-restarting', 'killed-on-sigterm', 'killed-at-grace-end', 'killed-by-probe', 'upstream-timeout', 'client-timeout']

  it('has an explanation and a fix for every failure detail', () => {
    for (const detail of details) {
      const advice = adviseOn(detail, r)
      expect(formatMessage(advice.why).length).toBeGreaterThan(20)
      expect(formatMessage(advice.fix).length).toBeGreaterThan(20)
    }
  })

  it('uses the run\'s own numbers', () => {
    const en = (m: Message): string => formatMessage(m)
    expect(en(adviseOn('listener-closed', r).why)).toContain('2.5s')
    expect(en(adviseOn('pod-gone', r).fix)).toContain('(2.5s)')
    expect(en(adviseOn('no-endpoints', simulateOk({ strategy: 'Recreate' })).fix)).toContain('Recreate')
    expect(en(adviseOn('app-not-started', simulateOk({ readinessProbe: null })).fix)).toContain('readinessProbe')
    expect(en(adviseOn('killed-at-grace-end', simulateOk({}, { sigterm: 'ignore' })).fix)).toContain('PID 1')
  })
})
