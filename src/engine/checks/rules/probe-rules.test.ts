import { describe, expect, it } from 'vitest'
import { analyzeText } from '../../testing/analyze-text'
import { applyFix, codesOf } from '../../testing/quick-fixes'
import { HEALTHY, stack } from '../../testing/stack'

const PRESTOP = 'lifecycle:\n  preStop:\n    sleep: {seconds: 5}'

describe('readiness-probe-missing', () => {
  it('fires for a container behind a Service, at its name', () => {
    const text = stack({ container: PRESTOP })
    expect(analyzeText(text).of('readiness-probe-missing')).toEqual([expect.objectContaining({ severity: 'warning', text: 'web', line: 16 })])
  })

  it('does not fire with a readinessProbe, or when no Service selects the pods', () => {
    expect(codesOf(stack({ container: HEALTHY }))).not.toContain('readiness-probe-missing')
    expect(codesOf(stack({ container: PRESTOP, selects: 'other' }))).not.toContain('readiness-probe-missing')
  })

  it('fixes by adding an httpGet (or tcpSocket) probe on the container port', () => {
    const text = stack({ container: PRESTOP })
    const fixed = applyFix(text, 'readiness-probe-missing')
    expect(fixed).toContain('        readinessProbe:\n          httpGet:\n            path: /\n            port: 8080\n          periodSeconds: 5\n')
    expect(codesOf(fixed)).not.toContain('readiness-probe-missing')
    expect(applyFix(text, 'readiness-probe-missing', 1)).toContain('          tcpSocket:\n            port: 8080\n')
  })
})

describe('liveness-same-as-readiness', () => {
  const same = `${HEALTHY}\nlivenessProbe:\n  httpGet: {path: /healthz, port: http}`
  it('fires when the probes are the same check, at livenessProbe', () => {
    expect(analyzeText(stack({ container: same })).of('liveness-same-as-readiness')).toEqual([expect.objectContaining({ text: 'livenessProbe' })])
  })

  it('does not fire when only thresholds differ or the checks differ', () => {
    expect(codesOf(stack({ container: `${same}\n  failureThreshold: 6` }))).not.toContain('liveness-same-as-readiness')
    expect(codesOf(stack({ container: `${HEALTHY}\nlivenessProbe:\n  httpGet: {path: /alive, port: http}` }))).not.toContain('liveness-same-as-readiness')
  })

  it('fixes by doubling the liveness failureThreshold', () => {
    const fixed = applyFix(stack({ container: same }), 'liveness-same-as-readiness')
    expect(fixed).toContain('livenessProbe:\n          httpGet: {path: /healthz, port: http}\n          failureThreshold: 6\n')
    expect(codesOf(fixed)).not.toContain('liveness-same-as-readiness')
  })
})

describe('probe-port-not-exposed', () => {
  it.each([
    ['a named port the container lacks', 'readinessProbe:\n  httpGet: {path: /, port: metrics}', 'error', 'metrics'],
    ['an undeclared number', 'readinessProbe:\n  tcpSocket: {port: 9090}', 'warning', '9090'],
    ['a liveness probe', `${HEALTHY}\nlivenessProbe:\n  tcpSocket: {port: 9090}`, 'warning', '9090'],
  ])('fires for %s, at the port', (_, container, severity, text) => {
    expect(analyzeText(stack({ container })).of('probe-port-not-exposed')).toEqual([expect.objectContaining({ severity, text })])
  })

  it('does not fire for a declared port, by name or number', () => {
    expect(codesOf(stack({ container: 'readinessProbe:\n  tcpSocket: {port: 8080}' }))).not.toContain('probe-port-not-exposed')
    expect(codesOf(stack({ container: HEALTHY }))).not.toContain('probe-port-not-exposed')
  })

  it('fixes by probing the only declared port', () => {
    const fixed = applyFix(stack({ container: 'readinessProbe:\n  tcpSocket: {port: 9090}' }), 'probe-port-not-exposed')
    expect(fixed).toContain('tcpSocket: {port: http}')
    expect(codesOf(fixed)).not.toContain('probe-port-not-exposed')
  })
})
