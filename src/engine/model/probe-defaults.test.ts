import { describe, expect, it } from 'vitest'
import { analyzeText } from '../testing/analyze-text'
import { PROBE_DEFAULTS } from './probe-defaults'

function probesOf(probe: string) {
  const text = [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  selector: {matchLabels: {app: web}}',
    '  template:', '    metadata: {labels: {app: web}}', '    spec:', '      containers:', '      - name: web', '        image: nginx',
    `        readinessProbe: ${probe}`, `        livenessProbe: ${probe}`, '',
  ].join('\n')
  const container = analyzeText(text).model.deployments[0]!.template.containers[0]!
  return [container.readinessProbe, container.livenessProbe]
}

describe('PROBE_DEFAULTS', () => {
  it('are the Kubernetes API defaults', () => {
    expect(PROBE_DEFAULTS).toEqual({ initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 })
  })

  it('fill in every timing field a probe leaves out or writes as 0', () => {
    for (const written of ['{tcpSocket: {port: 80}}', '{tcpSocket: {port: 80}, periodSeconds: 0, timeoutSeconds: 0, failureThreshold: 0}']) {
      for (const probe of probesOf(written)) expect(probe, written).toMatchObject(PROBE_DEFAULTS)
    }
  })
})
