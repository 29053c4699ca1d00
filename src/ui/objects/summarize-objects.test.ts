import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../engine/diagnostics'
import type { ClusterModel, Deployment, Ingress, Service } from '../../engine/model/types'
import { countKinds, createLineIndex, summarizeObjects } from './summarize-objects'

const meta = (name: string, namespace = 'default') => ({ name, namespace, labels: {}, annotations: {} })
const source = (start: number, end: number) => ({ file: 'manifest.yaml', doc: 0, path: [], span: { start, end } })

const ingress = {
  kind: 'Ingress', apiVersion: 'extensions/v1beta1', meta: meta('test'), source: source(0, 100), order: 0,
  tls: [{ hosts: ['a.com'], secretName: 's', at: [] }],
  rules: [
    { host: 'a.com', hasHttp: true, at: [], paths: [{}, {}] },
    { host: '', hasHttp: true, at: [], paths: [{}] },
  ],
} as unknown as Ingress
const service = {
  kind: 'Service', apiVersion: 'v1', meta: meta('s1', 'shop'), source: source(104, 200), order: 1, type: 'ClusterIP',
  ports: [{ port: 80, targetPort: 8080 }, { port: 443, targetPort: 443 }],
} as unknown as Service
const deployment = {
  kind: 'Deployment', apiVersion: 'apps/v1', meta: meta('web'), source: source(204, 300), order: 2, replicas: 1,
  strategy: { type: 'RollingUpdate', maxSurge: '25%', maxUnavailable: 0 },
} as unknown as Deployment

const model: ClusterModel = {
  ingresses: [ingress], ingressClasses: [], services: [service], deployments: [deployment], secrets: [], configMaps: [], gatewayClasses: [], gateways: [], httpRoutes: [], referenceGrants: [],
  unknown: [{ kind: 'CronJob', apiVersion: 'batch/v1', meta: meta('nightly'), source: source(304, 320), order: 3, known: false }],
}

const diagnostic = (start: number, severity: Diagnostic['severity']) =>
  ({ code: 'invalid-value', stage: 'model', severity, message: 'x', file: 'manifest.yaml', span: { start, end: start + 1 } }) as Diagnostic

describe('createLineIndex', () => {
  it.each([
    ['', 0, { line: 1, column: 1 }],
    ['ab\ncd\n', 0, { line: 1, column: 1 }],
    ['ab\ncd\n', 2, { line: 1, column: 3 }],
    ['ab\ncd\n', 3, { line: 2, column: 1 }],
    ['ab\ncd\n', 6, { line: 3, column: 1 }],
    ['a\r\nb', 3, { line: 2, column: 1 }],
  ])('in %j, offset %i is %o', (text, offset, expected) => {
    expect(createLineIndex(text)(offset)).toEqual(expected)
  })
})

describe('summarizeObjects', () => {
  const text = 'x\n'.repeat(200)
  const rows = summarizeObjects(model, [diagnostic(10, 'warning'), diagnostic(20, 'error'), diagnostic(150, 'info'), diagnostic(101, 'error')], createLineIndex(text))

  it('lists every object in document order with where it starts', () => {
    expect(rows.map((r) => `${r.kind}/${r.name}`)).toEqual(['Ingress/test', 'Service/s1', 'Deployment/web', 'CronJob/nightly'])
    expect(rows[1]).toMatchObject({ namespace: 'shop', apiVersion: 'v1', line: 53, column: 1 })
  })

  it('summarizes each kind in a line', () => {
    expect(rows.map((r) => r.summary)).toEqual([
      'a.com, * · 3 paths · TLS',
      'ClusterIP · 80→8080, 443',
      '1 replica · RollingUpdate 25%/0',
      'not modelled by the studio',
    ])
  })

  it('counts the diagnostics inside each object and keeps the worst severity; gaps between objects count for none', () => {
    expect(rows.map((r) => [r.issues, r.worst])).toEqual([[2, 'error'], [1, 'info'], [0, null], [0, null]])
  })

  it('counts kinds in order of first appearance', () => {
    expect(countKinds(rows)).toEqual([['Ingress', 1], ['Service', 1], ['Deployment', 1], ['CronJob', 1]])
  })
})
