import { describe, expect, it } from 'vitest'
import { SEED_FILE_NAME, SEED_MANIFEST } from '../presets/seed'
import { analyze } from './analyze'
import type { Deployment, Ingress } from './model/types'

// The model stage only: the lints of the seed are tested in checks/run-checks.test.ts.
const seed = analyze([{ name: SEED_FILE_NAME, text: SEED_MANIFEST }], { checks: false })

/** The seed's documents by `metadata.name` (first match). */
function seedDocument(kind: string, name: string): string {
  const doc = SEED_MANIFEST.split(/^---\n/m).find((text) => text.includes(`kind: ${kind}\n`) && text.includes(`  name: ${name}\n`))
  if (!doc) throw new Error(`no ${kind} ${name} in the seed`)
  return doc
}

/** Rewrites an extensions/v1beta1 Ingress to networking.k8s.io/v1: service backends and explicit pathType. */
function toIngressV1(text: string): string {
  return text
    .replace('apiVersion: extensions/v1beta1', 'apiVersion: networking.k8s.io/v1')
    .replace(/^( +)serviceName: (\S+)\n\1servicePort: (\S+)$/gm, '$1service:\n$1  name: $2\n$1  port:\n$1    number: $3')
    .replace(/^( *)- (path|backend):/gm, '$1- pathType: ImplementationSpecific\n$1  $2:')
}

/** What must be equal across API versions: everything but the version, the source ranges and `pathTypeDefaulted`. */
function normaliseIngress(ingress: Ingress | undefined): unknown {
  if (!ingress) return undefined
  const { apiVersion: _v, source: _s, order: _o, ...rest } = ingress
  return { ...rest, rules: rest.rules.map((rule) => ({ ...rule, paths: rule.paths.map(({ pathTypeDefaulted: _d, ...path }) => path) })) }
}

/** As `normaliseIngress`, also leaving out the fields whose defaults differ per version (asserted on their own). */
function normaliseDeployment(deployment: Deployment | undefined): unknown {
  if (!deployment) return undefined
  const { apiVersion: _v, source: _s, order: _o, revisionHistoryLimit: _r, progressDeadlineSeconds: _p, meta, ...rest } = deployment
  const { labels: _l, ...metaRest } = meta
  return { ...rest, meta: metaRest }
}

describe('the seed scenario', () => {
  it('models cleanly: no errors, only the removed-API-version warnings', () => {
    expect(seed.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(seed.diagnostics.map((d) => [d.code, d.start.line])).toEqual([
      ['removed-api-version', 2], ['removed-api-version', 29], ['removed-api-version', 129], ['removed-api-version', 180],
    ])
  })

  it('has the objects the studio shows', () => {
    const { model } = seed
    expect(model.ingresses.map((i) => i.meta.name)).toEqual(['test', 'ingress-ssl', 'websample-ing'])
    expect(model.services.map((s) => s.meta.name)).toEqual(['s1', 's2', 'websample'])
    expect(model.deployments.map((d) => d.meta.name)).toEqual(['s1', 's2', 'websample'])
    expect(model.secrets.map((s) => [s.meta.name, s.type, Object.keys(s.data)])).toEqual([['kube-book-secret', 'kubernetes.io/tls', ['tls.crt', 'tls.key']]])
    expect(model.secrets[0]?.data['tls.crt']).toMatch(/^-----BEGIN CERTIFICATE-----\n/)
    expect(model.unknown).toEqual([])
  })

  it('reads the test Ingress: two hosts, a path-less rule, the rewrite annotation', () => {
    const test = seed.model.ingresses[0]
    expect(test?.meta.annotations).toEqual({ 'nginx.ingress.kubernetes.io/rewrite-target': '/' })
    expect(test?.rules.map((rule) => [rule.host, rule.paths.map((p) => [p.path, p.pathType, p.backend.type === 'service' && p.backend.service])])).toEqual([
      ['foo.bar.com', [['/foos1', 'ImplementationSpecific', 's1'], ['/bars2', 'ImplementationSpecific', 's2']]],
      ['bar.foo.com', [['', 'ImplementationSpecific', 's2']]],
    ])
    expect(seed.model.ingresses[1]?.tls).toEqual([{ hosts: ['kube-book.com'], secretName: 'kube-book-secret', at: ['spec', 'tls', 0] }])
  })

  it('reads websample with the extensions/v1beta1 defaults and its probes and preStop hook', () => {
    const websample = seed.model.deployments[2]
    expect(websample).toMatchObject({
      apiVersion: 'extensions/v1beta1',
      replicas: 1,
      strategy: { type: 'RollingUpdate', maxSurge: '25%', maxUnavailable: '25%' },
      revisionHistoryLimit: null,
      progressDeadlineSeconds: null,
      template: { terminationGracePeriodSeconds: 30 },
    })
    const container = websample?.template.containers[0]
    expect(container?.readinessProbe?.handler).toEqual({ type: 'httpGet', path: '/readiness', port: 5000, scheme: 'HTTP' })
    expect(container?.livenessProbe?.handler).toEqual({ type: 'httpGet', path: '/liveness', port: 5000, scheme: 'HTTP' })
    expect(container?.preStop).toEqual({ type: 'httpGet', path: '/prestop', port: 5000, scheme: 'HTTP' })
  })

  it.each(['test', 'ingress-ssl', 'websample-ing'])('Ingress %s models identically in networking.k8s.io/v1beta1 and v1', (name) => {
    const original = seedDocument('Ingress', name)
    const written = {
      'networking.k8s.io/v1beta1': original.replace('apiVersion: extensions/v1beta1', 'apiVersion: networking.k8s.io/v1beta1'),
      'networking.k8s.io/v1': toIngressV1(original),
    }
    const reference = analyze([{ name: 'a.yaml', text: original }], { checks: false })
    for (const [apiVersion, text] of Object.entries(written)) {
      const result = analyze([{ name: 'a.yaml', text }], { checks: false })
      expect(result.diagnostics.filter((d) => d.code !== 'removed-api-version')).toEqual([])
      expect(result.model.ingresses[0]?.apiVersion).toBe(apiVersion)
      expect(normaliseIngress(result.model.ingresses[0])).toEqual(normaliseIngress(reference.model.ingresses[0]))
    }
    const v1 = analyze([{ name: 'a.yaml', text: written['networking.k8s.io/v1'] }], { checks: false })
    expect(v1.diagnostics).toEqual([])
    expect(v1.model.ingresses[0]?.rules.flatMap((rule) => rule.paths.map((path) => path.pathTypeDefaulted))).not.toContain(true)
  })

  it.each([
    ['apps/v1beta1', 2, 600, { run: 'websample' }],
    ['apps/v1beta2', 10, 600, {}],
    ['apps/v1', 10, 600, {}],
  ])('Deployment websample models identically in %s apart from its version defaults', (apiVersion, history, deadline, labels) => {
    const original = seedDocument('Deployment', 'websample')
    const reference = analyze([{ name: 'a.yaml', text: original }]).model.deployments[0]
    const result = analyze([{ name: 'a.yaml', text: original.replace('apiVersion: extensions/v1beta1', `apiVersion: ${apiVersion}`) }])
    expect(result.diagnostics.filter((d) => d.code !== 'removed-api-version')).toEqual([])
    const deployment = result.model.deployments[0]
    expect(deployment).toMatchObject({ apiVersion, revisionHistoryLimit: history, progressDeadlineSeconds: deadline })
    // Only extensions/v1beta1 and apps/v1beta1 default metadata.labels from the template.
    expect(deployment?.meta.labels).toEqual(labels)
    expect(normaliseDeployment(deployment)).toEqual(normaliseDeployment(reference))
  })
})
