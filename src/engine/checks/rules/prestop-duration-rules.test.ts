import { describe, expect, it } from 'vitest'
import { applyFix, codesOf } from '../../testing/quick-fixes'
import { webManifest } from '../../testing/prestop-rollouts'
import { analyzeText } from '../../testing/analyze-text'

describe('prestop-missing reads the model\'s preStop duration', () => {
  it.each([
    ['exec sleep 0', '{exec: {command: ["sleep", "0"]}}'],
    ['a shell that only echoes', '{exec: {command: ["sh", "-c", "echo bye"]}}'],
    ['a tcpSocket handler (the kubelet cannot run it)', '{tcpSocket: {port: 8080}}'],
  ])('counts a hook that takes 0 s as missing: %s, and its fix replaces the hook', (_, preStop) => {
    const text = webManifest({ preStop })
    expect(analyzeText(text).of('prestop-missing')).toEqual([expect.objectContaining({ text: 'preStop', severity: 'warning' })])
    const fixed = applyFix(text, 'prestop-missing')
    expect(fixed).toContain('preStop: { sleep: { seconds: 5 } }')
    expect(codesOf(fixed)).not.toContain('prestop-missing')
  })

  it.each([
    ['exec sleep 5', '{exec: {command: ["sleep", "5"]}}'],
    ['an httpGet hook (its time is the app\'s)', '{httpGet: {path: /prestop, port: 8080}}'],
    ['a drain script (its time is unknown)', '{exec: {command: ["/app/drain.sh"]}}'],
  ])('is silent for %s', (_, preStop) => {
    expect(codesOf(webManifest({ preStop }))).not.toContain('prestop-missing')
  })
})

describe('grace-shorter-than-prestop reads the model\'s preStop duration', () => {
  it.each([
    ['["sleep", "1m"]', '{exec: {command: ["sleep", "1m"]}}', 60],
    ['sh -c "sleep 20; sleep 15"', '{exec: {command: ["sh", "-c", "sleep 20; sleep 15"]}}', 35],
    ['["busybox", "sleep", "30s", "10"]', '{exec: {command: ["busybox", "sleep", "30s", "10"]}}', 40],
  ])('%s is %d s against a 30 s grace period: cut off, an error naming the kubelet\'s 2 s', (_, preStop, seconds) => {
    const [finding] = analyzeText(webManifest({ preStop, grace: 30 })).of('grace-shorter-than-prestop')
    expect(finding).toMatchObject({ severity: 'error', text: '30' })
    expect(finding!.message).toContain(`the ${seconds} s preStop of web: the kubelet waits for the hook only 30 s, then sends SIGTERM with a one-off 2 s extension`)
    expect(applyFix(webManifest({ preStop, grace: 30 }), 'grace-shorter-than-prestop')).toContain(`terminationGracePeriodSeconds: ${seconds + 30}`)
  })

  it('is silent for a hook whose time is unknown, and for a sleep inside a loop', () => {
    expect(codesOf(webManifest({ preStop: '{exec: {command: ["sh", "-c", "for i in 1 2 3; do sleep 20; done"]}}', grace: 10 }))).not.toContain('grace-shorter-than-prestop')
  })
})
