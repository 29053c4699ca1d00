import { describe, expect, it } from 'vitest'
import { formatMessage } from '../messages/render'
import { simulateOk } from '../testing/rollouts'

const HANGUL = /[\uac00-\ud7a3]/

describe('events and conditions: Kubernetes\' words, explained in Korean', () => {
  // A slow app the liveness probe keeps killing (Unhealthy, Killing, BackOff) under a progress deadline.
  const r = simulateOk({ replicas: 2, apiVersion: 'apps/v1', progressDeadlineSeconds: 30 }, { appStartSeconds: 25 })

  it('keeps each event\'s message word for word as its English text, and explains it in Korean', () => {
    const reasons = new Set(r.events.map((e) => e.reason))
    for (const reason of ['ScalingReplicaSet', 'SuccessfulCreate', 'Scheduled', 'Pulling', 'Pulled', 'Created', 'Started', 'Unhealthy', 'Killing']) {
      expect(reasons, reason).toContain(reason)
    }
    for (const e of r.events) {
      expect(formatMessage(e.text)).toBe(e.message)
      const korean = formatMessage(e.text, 'ko')
      expect(HANGUL.test(korean), korean).toBe(true)
      expect(korean).not.toMatch(/\{\{/)
    }
    const scaled = r.events.find((e) => e.reason === 'ScalingReplicaSet' && e.message.startsWith('Scaled up'))!
    expect(scaled.message).toMatch(/^Scaled up replica set websample-\w+ to 1$/)
    expect(formatMessage(scaled.text, 'ko')).toMatch(/^ReplicaSet websample-\w+의 파드 수를 1개로 늘렸습니다$/)
    const unhealthy = r.events.find((e) => e.reason === 'Unhealthy' && e.message.startsWith('Liveness'))!
    expect(unhealthy.message).toMatch(/^Liveness probe failed: Get "http:\/\/[\d.]+:5000\/liveness": dial tcp [\d.:]+: connect: connection refused$/)
    // The probe's Go error is Go's words in English and explained in Korean, with the same URL and address.
    expect(formatMessage(unhealthy.text, 'ko')).toMatch(/^liveness 프로브가 실패했습니다: http:\/\/[\d.]+:5000\/liveness 요청 중 [\d.]+:5000 연결 거부됨\(앱이 아직 포트를 열지 않음\)$/)
  })

  it('does the same for the Deployment\'s conditions', () => {
    expect(r.conditions.map((c) => c.reason)).toContain('ProgressDeadlineExceeded')
    for (const c of r.conditions) {
      expect(formatMessage(c.text)).toBe(c.message)
      expect(HANGUL.test(formatMessage(c.text, 'ko'))).toBe(true)
    }
    expect(r.conditions.find((c) => c.reason === 'ProgressDeadlineExceeded')!.message).toMatch(/^ReplicaSet "websample-\w+" has timed out progressing\.$/)
  })
})
