/**
 * The fixture builders write what they are asked, the model stage reads it back as meant, and a fixture that
 * does not model cleanly fails loudly.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { SEED_MANIFEST } from '../../presets/seed'
import { graphManifest, kubectlExport, kubectlYaml, realisticManifest } from './large-manifests'
import { withReplicas } from './manifest-edits'
import { configMapYaml, deploymentYaml, ingressClassYaml, ingressYaml, joinDocuments, secretYaml, serviceYaml } from './manifests'
import { clusterModel, configMap, deploymentOf, ingress, ingressClass, ingressOf, modelOf, secretOf, serviceOf } from './models'
import { scalar, textMap } from './yaml-text'

describe('scalar and textMap', () => {
  it('keep safe strings plain and quote what YAML would read as something else', () => {
    expect(['web', 'example/app:1', '25%', '/api', 'a.example.com'].map(scalar)).toEqual(['web', 'example/app:1', '25%', '/api', 'a.example.com'])
    for (const value of ['true', 'no', 'null', '80', '1e3', '0x1f', '*.example.com', 'a: b', '#x', '', '<script>']) expect(scalar(value)).toBe(JSON.stringify(value))
  })

  it('every string reads back as itself', () => {
    fc.assert(fc.property(fc.string(), (value) => {
      expect(parse(`k: ${scalar(value)}`).k).toBe(value)
      expect(parse(`m:\n${textMap({ k: value }, 2)}`).m.k).toBe(value)
    }), { numRuns: 300 })
  })
})

describe('deploymentYaml', () => {
  it('writes each option where the model reads it', () => {
    const d = deploymentOf(deploymentYaml('web', {
      namespace: 'shop', replicas: 4, podLabels: { run: 'web' },
      strategy: { type: 'RollingUpdate', maxSurge: 1, maxUnavailable: '10%' }, minReadySeconds: 3, progressDeadlineSeconds: 90,
      revisionHistoryLimit: 2, paused: true, grace: 45,
      containers: [{
        name: 'app', image: 'example/web:2', ports: [{ name: 'http', containerPort: 8080 }],
        readinessProbe: { handler: { type: 'httpGet', path: '/ready', port: 'http' }, periodSeconds: 2 },
        livenessProbe: { handler: { type: 'tcpSocket', port: 8080 }, failureThreshold: 6 },
        startupProbe: { handler: { type: 'exec', command: ['cat', '/tmp/ok'] } },
        preStop: { type: 'sleep', seconds: 5 },
      }],
    }))
    expect(d).toMatchObject({
      meta: { name: 'web', namespace: 'shop' }, replicas: 4, selector: { matchLabels: { run: 'web' } },
      strategy: { type: 'RollingUpdate', maxSurge: 1, maxUnavailable: '10%' }, minReadySeconds: 3, progressDeadlineSeconds: 90,
      revisionHistoryLimit: 2, paused: true, template: { labels: { run: 'web' }, terminationGracePeriodSeconds: 45 },
    })
    const container = d.template.containers[0]!
    expect(container).toMatchObject({ name: 'app', image: 'example/web:2', ports: [{ name: 'http', containerPort: 8080 }], preStop: { type: 'sleep', seconds: 5 } })
    expect(container.readinessProbe).toMatchObject({ handler: { type: 'httpGet', path: '/ready', port: 'http' }, periodSeconds: 2 })
    expect(container.livenessProbe).toMatchObject({ handler: { type: 'tcpSocket', port: 8080 }, failureThreshold: 6 })
    expect(container.startupProbe?.handler).toEqual({ type: 'exec', command: ['cat', '/tmp/ok'] })
  })

  it('leaves unset fields to the model, so API defaults are never copied', () => {
    const d = deploymentOf(deploymentYaml('web', { containers: [{ readinessProbe: { handler: { type: 'httpGet', path: '/', port: 8080 } } }] }))
    expect(d).toMatchObject({ replicas: 1, strategy: { type: 'RollingUpdate', maxSurge: '25%', maxUnavailable: '25%' }, progressDeadlineSeconds: 600, revisionHistoryLimit: 10 })
    expect(d.template.containers[0]?.readinessProbe).toMatchObject({ periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 })
    expect(deploymentOf(deploymentYaml('web', { strategy: { type: 'Recreate' } })).strategy).toEqual({ type: 'Recreate' })
  })
})

describe('serviceYaml, secretYaml, configMapYaml, ingressClassYaml', () => {
  it('write selectors, ports, data and the default class annotation', () => {
    expect(serviceOf(serviceYaml('web', { type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 'http' }] }))).toMatchObject({
      type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    })
    expect(serviceOf(serviceYaml('bare', { selector: null, ports: [{ port: 80 }] })).selector).toBeUndefined()
    expect(secretOf(secretYaml('s', { stringData: { 'a.pem': '-----BEGIN X-----\nAAAA\n-----END X-----\n' } })).data).toEqual({ 'a.pem': '-----BEGIN X-----\nAAAA\n-----END X-----\n' })
    const model = modelOf(joinDocuments(configMapYaml('c', { 'ssl-redirect': 'false' }, 'ingress-nginx'), ingressClassYaml('nginx', 'k8s.io/ingress-nginx', true)))
    expect(model.configMaps[0]).toMatchObject({ meta: { namespace: 'ingress-nginx' }, data: { 'ssl-redirect': 'false' } })
    expect(model.ingressClasses[0]).toMatchObject({ controller: 'k8s.io/ingress-nginx', isDefault: true })
  })
})

describe('ingressYaml', () => {
  it('writes service backends by number and by name, resource backends, TLS, class, timestamp and annotations', () => {
    const i = ingressOf(ingressYaml('web', {
      namespace: 'shop', className: 'nginx', timestamp: '2024-01-01T00:00:00Z', annotations: { 'nginx.ingress.kubernetes.io/use-regex': 'true' },
      defaultBackend: 'fallback:80', tls: [['a.example'], { hosts: ['*.b.example'], secretName: 'b' }],
      rules: [{ host: 'a.example', paths: [{ path: '/x', type: 'Exact', backend: 'x:http' }, { path: '/r', backend: 'resource:Bucket/assets' }] }, { host: 'c.example' }],
    }))
    expect(i).toMatchObject({ meta: { namespace: 'shop', creationTimestamp: '2024-01-01T00:00:00Z', annotations: { 'nginx.ingress.kubernetes.io/use-regex': 'true' } }, ingressClassName: 'nginx' })
    expect(i.defaultBackend).toMatchObject({ type: 'service', service: 'fallback', port: { number: 80 } })
    expect(i.tls).toMatchObject([{ hosts: ['a.example'], secretName: 'tls' }, { hosts: ['*.b.example'], secretName: 'b' }])
    expect(i.rules[0]?.paths).toMatchObject([
      { path: '/x', pathType: 'Exact', backend: { service: 'x', port: { name: 'http' } } },
      { path: '/r', pathType: 'Prefix', backend: { type: 'resource', resourceKind: 'Bucket', name: 'assets' } },
    ])
    expect(i.rules[1]).toMatchObject({ host: 'c.example', hasHttp: false })
  })

  it('an omitted pathType is written in networking.k8s.io/v1beta1 and defaulted by the model', () => {
    const i = ingressOf(ingressYaml('old', { defaultBackend: 'd:80', rules: [{ paths: [{ type: 'omitted', backend: 's:80' }] }] }))
    expect(i.apiVersion).toBe('networking.k8s.io/v1beta1')
    expect(i.defaultBackend).toMatchObject({ service: 'd', port: { number: 80 } })
    expect(i.rules[0]?.paths[0]).toMatchObject({ path: '', pathType: 'ImplementationSpecific', pathTypeDefaulted: true, backend: { service: 's', port: { number: 80 } } })
  })
})

describe('models', () => {
  it('throw with the codes when a fixture does not model cleanly, unless the error is expected', () => {
    const noKey = secretYaml('s', { type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'x' } })
    expect(() => modelOf(noKey)).toThrow(/does not model cleanly[\s\S]*required/)
    expect(secretOf(noKey, { allowErrors: ['required'] }).data).toEqual({ 'tls.crt': 'x' })
    expect(() => ingressOf(joinDocuments(ingressYaml('a', { defaultBackend: 's:80' }), ingressYaml('b', { defaultBackend: 's:80' })))).toThrow(/expected one Ingress/)
  })

  it('clusterModel models the builders\' objects together, in argument order, and refuses others', () => {
    const model = clusterModel(ingress('b', { defaultBackend: 's:80' }), ingressClass('nginx', 'k8s.io/ingress-nginx'), configMap('c', {}), ingress('a', { defaultBackend: 's:80' }))
    expect(model.ingresses.map((i) => [i.meta.name, i.source.doc, i.order])).toEqual([['b', 0, 0], ['a', 3, 3]])
    expect(model.configMaps[0]?.meta.namespace).toBe('ingress-nginx')
    const copy = { ...ingress('x', { defaultBackend: 's:80' }) }
    expect(() => clusterModel(copy)).toThrow(/not/)
  })
})

describe('generated and edited manifests', () => {
  it('model cleanly with the objects they promise', () => {
    const realistic = modelOf(realisticManifest(3))
    expect([realistic.ingresses.length, realistic.services.length, realistic.deployments.length]).toEqual([3, 3, 3])
    const graph = modelOf(graphManifest(2))
    expect(graph.deployments.map((d) => d.replicas)).toEqual([2, 2])
  })

  it('withReplicas sets the replicas of one Deployment and fails loudly when it is not there', () => {
    const scaled = modelOf(withReplicas(SEED_MANIFEST, 'websample', 100), { allowErrors: [] })
    expect(scaled.deployments.find((d) => d.meta.name === 'websample')?.replicas).toBe(100)
    expect(modelOf(withReplicas(deploymentYaml('web', { replicas: 2 }), 'web', 5)).deployments[0]?.replicas).toBe(5)
    expect(() => withReplicas(SEED_MANIFEST, 'missing', 1)).toThrow(/no Deployment missing/)
  })
})

describe('kubectlYaml', () => {
  it('writes the export in kubectl\'s layout, read back as the same data', () => {
    const data = kubectlExport(30)
    const text = kubectlYaml(data)
    expect(parse(text)).toEqual(data)
    expect(text).toMatch(/^items:\n- apiVersion: networking\.k8s\.io\/v1\n {2}kind: Ingress\n/m) // items at column 0
    expect(parse(kubectlYaml({ a: ['1', 'true', 'x: y', 'ok'], b: { c: null, d: 2.5, e: false, f: {}, g: [] } })))
      .toEqual({ a: ['1', 'true', 'x: y', 'ok'], b: { c: null, d: 2.5, e: false, f: {}, g: [] } })
  })
})
