import { describe, expect, it } from 'vitest'
import { analyze } from '../../analyze'
import { SEED_MANIFEST } from '../../../presets/seed'
import { findRolloutTarget } from '../../simulate/rollout-target'
import { simulateRollout } from '../../simulate/simulate-rollout'
import { analyzeText } from '../../testing/analyze-text'
import { applyFix, codesOf } from '../../testing/quick-fixes'
import { stack } from '../../testing/stack'

const READY = 'readinessProbe:\n  httpGet: {path: /healthz, port: http}'

describe('prestop-missing', () => {
  it('fires for a container behind an Ingress without preStop, at its name', () => {
    expect(analyzeText(stack({ container: READY })).of('prestop-missing')).toEqual([expect.objectContaining({ text: 'web', severity: 'warning' })])
  })

  it('does not fire with a preStop hook, or without an Ingress in front', () => {
    expect(codesOf(stack({ container: `${READY}\nlifecycle:\n  preStop:\n    exec: {command: [sleep, "5"]}` }))).not.toContain('prestop-missing')
    expect(codesOf(stack({ container: READY, ingress: false }))).not.toContain('prestop-missing')
  })

  it('fixes with a sleep action (or an exec sleep), keeping the rest of the container', () => {
    const text = stack({ container: READY })
    const fixed = applyFix(text, 'prestop-missing')
    expect(fixed).toContain('          httpGet: {path: /healthz, port: http}\n        lifecycle:\n          preStop:\n            sleep:\n              seconds: 5\n---')
    expect(codesOf(fixed)).not.toContain('prestop-missing')
    expect(applyFix(text, 'prestop-missing', 1)).toContain('            exec:\n              command:\n              - sleep\n              - "5"\n')
  })
})

describe('grace-shorter-than-prestop', () => {
  const hook = (seconds: number) => `${READY}\nlifecycle:\n  preStop:\n    sleep: {seconds: ${seconds}}`
  it.each([
    [30, 'terminationGracePeriodSeconds: 20', 'error', '20'],
    [20, 'terminationGracePeriodSeconds: 22', 'warning', '22'],
    [28, undefined, 'warning', 'preStop'],
    [30, 'terminationGracePeriodSeconds: 30', 'error', '30'],
  ])('fires for a %i s sleep with %s', (seconds, pod, severity, text) => {
    expect(analyzeText(stack({ container: hook(seconds), pod })).of('grace-shorter-than-prestop')).toEqual([expect.objectContaining({ severity, text })])
  })

  it('does not fire with room to drain, or when the hook time is unknown', () => {
    expect(codesOf(stack({ container: hook(5) }))).not.toContain('grace-shorter-than-prestop')
    const http = `${READY}\nlifecycle:\n  preStop:\n    httpGet: {path: /prestop, port: http}`
    expect(codesOf(stack({ container: http, pod: 'terminationGracePeriodSeconds: 1' }))).not.toContain('grace-shorter-than-prestop')
  })

  it('reads exec sleeps through a shell', () => {
    const shell = `${READY}\nlifecycle:\n  preStop:\n    exec: {command: [/bin/sh, -c, "sleep 40"]}`
    expect(codesOf(stack({ container: shell }))).toContain('grace-shorter-than-prestop')
  })

  it('fixes by raising the grace period to preStop + 30 (written or not)', () => {
    const written = applyFix(stack({ container: hook(30), pod: 'terminationGracePeriodSeconds: 20' }), 'grace-shorter-than-prestop')
    expect(written).toContain('      terminationGracePeriodSeconds: 60\n')
    expect(codesOf(written)).not.toContain('grace-shorter-than-prestop')
    const missing = applyFix(stack({ container: hook(28) }), 'grace-shorter-than-prestop')
    expect(missing).toMatch(/\n {6}terminationGracePeriodSeconds: 58\n---/)
  })
})

describe('rollout-zero-capacity and rollout-capacity-dip', () => {
  const healthy = `${READY}\nlifecycle:\n  preStop:\n    sleep: {seconds: 5}`
  const strategy = (surge: string, unavailable: string) => `strategy:\n  rollingUpdate:\n    maxSurge: ${surge}\n    maxUnavailable: ${unavailable}`
  it.each([
    [1, '0', '1', '1'],
    [4, '1', '100%', '100%'],
    [3, '0', '3', '3'],
  ])('zero capacity: replicas %i, maxSurge %s, maxUnavailable %s', (replicas, surge, unavailable, text) => {
    expect(analyzeText(stack({ container: healthy, replicas, spec: strategy(surge, unavailable) })).of('rollout-zero-capacity'))
      .toEqual([expect.objectContaining({ text, severity: 'warning' })])
  })

  it('does not fire for the default 25% with one replica (rounds down to 0 unavailable)', () => {
    expect(codesOf(stack({ container: healthy, replicas: 1 }))).not.toContain('rollout-zero-capacity')
  })

  it('capacity dip: 2 replicas and maxUnavailable 1 is an info', () => {
    expect(analyzeText(stack({ container: healthy, replicas: 2, spec: strategy('1', '1') })).of('rollout-capacity-dip')).toEqual([expect.objectContaining({ severity: 'info' })])
    expect(codesOf(stack({ container: healthy, replicas: 5, spec: strategy('1', '1') }))).not.toContain('rollout-capacity-dip')
  })

  it('does not fire for surge-only updates or Deployments no Service selects', () => {
    expect(codesOf(stack({ container: healthy, replicas: 1, spec: strategy('1', '0') }))).not.toContain('rollout-zero-capacity')
    expect(codesOf(stack({ container: healthy, replicas: 1, spec: strategy('0', '1'), selects: 'x' }))).not.toContain('rollout-zero-capacity')
  })

  it('fixes with maxUnavailable 0 and maxSurge 1', () => {
    const fixed = applyFix(stack({ container: healthy, replicas: 1, spec: strategy('0', '1') }), 'rollout-zero-capacity')
    expect(fixed).toContain('    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n')
    expect(codesOf(fixed)).not.toContain('rollout-zero-capacity')
    const dip = applyFix(stack({ container: healthy, replicas: 2, spec: strategy('1', '1') }), 'rollout-capacity-dip')
    expect(dip).toContain('      maxSurge: 1\n      maxUnavailable: 0\n')
  })
})

describe('recreate-behind-ingress', () => {
  const healthy = `${READY}\nlifecycle:\n  preStop:\n    sleep: {seconds: 5}`
  it('fires at the strategy type', () => {
    expect(analyzeText(stack({ container: healthy, spec: 'strategy:\n  type: Recreate' })).of('recreate-behind-ingress')).toEqual([expect.objectContaining({ text: 'Recreate' })])
  })

  it('does not fire without an Ingress', () => {
    expect(codesOf(stack({ container: healthy, spec: 'strategy:\n  type: Recreate', ingress: false }))).not.toContain('recreate-behind-ingress')
  })

  it('fixes by switching to a surge-only RollingUpdate', () => {
    const fixed = applyFix(stack({ container: healthy, spec: 'strategy:\n  type: Recreate' }), 'recreate-behind-ingress')
    expect(fixed).toContain('  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n')
    expect(codesOf(fixed)).toEqual([])
  })
})

describe('readiness-too-slow', () => {
  it('fires when probe delays plus minReadySeconds reach the deadline', () => {
    const found = analyzeText(stack({ container: 'readinessProbe:\n  httpGet: {path: /, port: http}\n  initialDelaySeconds: 500\n  successThreshold: 2\n  periodSeconds: 50',
      spec: 'minReadySeconds: 60\nprogressDeadlineSeconds: 600' })).of('readiness-too-slow')
    expect(found).toEqual([expect.objectContaining({ text: '600' })])
  })

  it('does not fire below the deadline, or without one (extensions/v1beta1)', () => {
    expect(codesOf(stack({ container: 'readinessProbe:\n  httpGet: {path: /, port: http}\n  initialDelaySeconds: 120' }))).not.toContain('readiness-too-slow')
    const none = stack({ apiVersion: 'extensions/v1beta1', container: 'readinessProbe:\n  httpGet: {path: /, port: http}\n  initialDelaySeconds: 900' })
    expect(codesOf(none)).not.toContain('readiness-too-slow')
  })

  it('counts the startupProbe delay first, and fixes by raising the deadline', () => {
    const text = stack({ container: 'startupProbe:\n  httpGet: {path: /, port: http}\n  initialDelaySeconds: 700\nreadinessProbe:\n  httpGet: {path: /, port: http}' })
    const found = analyzeText(text).of('readiness-too-slow')
    expect(found).toEqual([expect.objectContaining({ text: '700' })])
    const fixed = applyFix(text, 'readiness-too-slow')
    expect(fixed).toContain('  progressDeadlineSeconds: 1300\n')
    expect(codesOf(fixed)).not.toContain('readiness-too-slow')
  })
})

describe('liveness-without-startup', () => {
  it.each([
    ['a long liveness delay', 'livenessProbe:\n  httpGet: {path: /live, port: http}\n  initialDelaySeconds: 60'],
    ['a liveness that kills before a slow readiness', 'readinessProbe:\n  httpGet: {path: /, port: http}\n  initialDelaySeconds: 90\nlivenessProbe:\n  tcpSocket: {port: http}'],
  ])('fires for %s', (_, container) => {
    expect(analyzeText(stack({ container })).of('liveness-without-startup')).toEqual([expect.objectContaining({ text: 'livenessProbe' })])
  })

  it('does not fire for fast starters or with a startupProbe', () => {
    expect(codesOf(stack({ container: 'livenessProbe:\n  httpGet: {path: /live, port: http}\n  initialDelaySeconds: 10' }))).not.toContain('liveness-without-startup')
    expect(codesOf(stack({ container: 'startupProbe:\n  tcpSocket: {port: http}\n  failureThreshold: 30\nlivenessProbe:\n  tcpSocket: {port: http}\n  initialDelaySeconds: 60' })))
      .not.toContain('liveness-without-startup')
  })

  it('fixes by adding a startupProbe with the liveness handler and starting liveness at 0', () => {
    const fixed = applyFix(stack({ container: 'livenessProbe:\n  httpGet: {path: /live, port: http}\n  initialDelaySeconds: 60' }), 'liveness-without-startup')
    expect(fixed).toContain('          initialDelaySeconds: 0\n        startupProbe:\n          httpGet:\n            path: /live\n            port: http\n          periodSeconds: 10\n          failureThreshold: 12\n')
    expect(codesOf(fixed)).not.toContain('liveness-without-startup')
  })
})

describe('the preStop fix in the rollout simulation', () => {
  function failures(text: string): number {
    const model = analyze([{ name: 'seed.yaml', text }], { checks: false }).model
    const s1 = model.deployments.find((d) => d.meta.name === 's1')!
    const outcome = simulateRollout({ deployment: s1, target: findRolloutTarget(model, s1) })
    if (outcome.kind !== 'ok') throw new Error('the seed rollout is valid')
    return outcome.result.load.requests - outcome.result.load.success
  }

  it('turns the seed s1 rollout from failed requests (SIGTERM before the ingress let go) into none', () => {
    expect(failures(SEED_MANIFEST)).toBeGreaterThan(0)
    expect(failures(applyFix(SEED_MANIFEST, 'prestop-missing'))).toBe(0)
  })
})
