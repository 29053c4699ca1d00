/**
 * Gateway API kinds in the model stage: recognised by group and kind, the versions the v1.6.1 standard CRDs
 * serve, and every default of gateway_types.go / the CRD (config/crd/standard/gateway.networking.k8s.io_gateways.yaml,
 * _gatewayclasses.yaml, _referencegrants.yaml) applied once here.
 */
import { describe, expect, it } from 'vitest'
import { analyzeText as analyzeWithChecks, dedent } from '../testing/analyze-text'

/** The model stage only (the route status lints are compile's). */
const analyzeText = (text: string) => analyzeWithChecks(text, { checks: false })

const gateway = (listeners: string, apiVersion = 'gateway.networking.k8s.io/v1'): string => dedent`
  apiVersion: ${apiVersion}
  kind: Gateway
  metadata: {name: gw, namespace: infra}
  spec:
    gatewayClassName: gc
    listeners:
  ` + listeners

describe('Gateway API kinds: group, kind and version', () => {
  it.each([
    ['gateway.networking.k8s.io/v1', []],
    // Served and not deprecated in v1.6.1 (the CRD's versions list: served: true, no deprecated flag).
    ['gateway.networking.k8s.io/v1beta1', []],
  ])('a Gateway of %s is modelled with no version finding', (apiVersion, problems) => {
    const result = analyzeText(gateway('  - {name: http, port: 80, protocol: HTTP}\n', apiVersion))
    expect(result.problems()).toEqual(problems)
    expect(result.model.gateways).toHaveLength(1)
    expect(result.model.gateways[0]?.apiVersion).toBe(apiVersion)
  })

  it('an unserved version of the group is an error ("no matches for kind"), read as v1', () => {
    const result = analyzeText(gateway('  - {name: http, port: 80, protocol: HTTP}\n', 'gateway.networking.k8s.io/v1alpha2'))
    expect(result.of('unknown-api-version')).toEqual([expect.objectContaining({ severity: 'error', text: 'gateway.networking.k8s.io/v1alpha2' })])
    expect(result.model.gateways).toHaveLength(1)
  })

  it.each(['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'example.com/v1'])('a Gateway of %s is not ours: an unknown kind, no version error', (apiVersion) => {
    const text = `apiVersion: ${apiVersion}\nkind: Gateway\nmetadata: {name: gw}\nspec: {selector: {istio: ingressgateway}, servers: []}\n`
    const result = analyzeText(text)
    expect(result.found.map((f) => [f.code, f.severity])).toEqual([['unknown-kind', 'info']])
    expect(result.model.gateways).toEqual([])
    expect(result.model.unknown).toEqual([expect.objectContaining({ kind: 'Gateway', apiVersion })])
  })

  it('an Istio Gateway and a Gateway API Gateway of the same name are two resources, not a duplicate', () => {
    const text = gateway('  - {name: http, port: 80, protocol: HTTP}\n') + '---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: infra}\n'
    expect(analyzeText(text).of('duplicate-object')).toEqual([])
  })

  it.each([
    ['GatewayClass', 'gateway.networking.k8s.io/v1beta1', 'spec: {controllerName: example.com/gw}'],
    ['ReferenceGrant', 'gateway.networking.k8s.io/v1beta1', 'spec: {from: [{group: "", kind: Service, namespace: a}], to: [{group: "", kind: Secret}]}'],
    ['ReferenceGrant', 'gateway.networking.k8s.io/v1', 'spec: {from: [{group: "", kind: Service, namespace: a}], to: [{group: "", kind: Secret}]}'],
    ['HTTPRoute', 'gateway.networking.k8s.io/v1beta1', 'spec: {}'],
  ])('%s %s is served', (kind, apiVersion, spec) => {
    const result = analyzeText(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\n${spec}\n`)
    expect(result.problems()).toEqual([])
  })
})

describe('Gateway defaults (gateways.yaml)', () => {
  it('listener: allowedRoutes {namespaces: {from: Same}}, no kinds; hostname lower case; tls.mode Terminate; certificateRef group "" and kind Secret', () => {
    const result = analyzeText(gateway(dedent`
      - name: http
        port: 80
        protocol: HTTP
      - name: https
        port: 443
        protocol: HTTPS
        hostname: "*.example.com"
        tls:
          certificateRefs: [{name: cert}]
        allowedRoutes: {kinds: [{kind: HTTPRoute}], namespaces: {from: Selector, selector: {matchLabels: {team: a}}}}
    `.replace(/^/gm, '  ') + '\n'))
    expect(result.problems()).toEqual([])
    const [gw] = result.model.gateways
    expect(gw?.listeners[0]).toEqual({ name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { from: 'Same', kinds: [], at: null }, at: ['spec', 'listeners', 0] })
    expect(gw?.listeners[1]?.tls).toEqual({
      mode: 'Terminate',
      certificateRefs: [{ group: '', kind: 'Secret', name: 'cert', at: ['spec', 'listeners', 1, 'tls', 'certificateRefs', 0] }],
      at: ['spec', 'listeners', 1, 'tls'],
    })
    expect(gw?.listeners[1]?.hostname).toBe('*.example.com')
    expect(gw?.listeners[1]?.allowedRoutes).toEqual({
      from: 'Selector',
      selector: { matchLabels: { team: 'a' }, matchExpressions: [], defaulted: false },
      kinds: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', at: ['spec', 'listeners', 1, 'allowedRoutes', 'kinds', 0] }],
      at: ['spec', 'listeners', 1, 'allowedRoutes'],
    })
    expect(gw?.gatewayClassName).toBe('gc')
  })

  it('address type defaults to IPAddress', () => {
    const text = gateway('  - {name: http, port: 80, protocol: HTTP}\n') + '  addresses: [{value: 10.0.0.1}]\n'
    expect(analyzeText(text).model.gateways[0]?.addresses).toEqual([{ type: 'IPAddress', value: '10.0.0.1', at: ['spec', 'addresses', 0] }])
  })

  it('GatewayClass: controllerName and description as written', () => {
    const result = analyzeText('apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: gc}\nspec: {controllerName: example.com/gw, description: d}\n')
    expect(result.model.gatewayClasses).toEqual([expect.objectContaining({ kind: 'GatewayClass', controllerName: 'example.com/gw', description: 'd' })])
  })

  it('ReferenceGrant: from and to as written; to.name absent means every object of the kind', () => {
    const result = analyzeText('apiVersion: gateway.networking.k8s.io/v1\nkind: ReferenceGrant\nmetadata: {name: g, namespace: b}\nspec: {from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: a}], to: [{group: "", kind: Service}, {group: "", kind: Service, name: s}]}\n')
    expect(result.model.referenceGrants[0]).toMatchObject({
      from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'a' }],
      to: [{ group: '', kind: 'Service' }, { group: '', kind: 'Service', name: 's' }],
    })
    expect(result.model.referenceGrants[0]?.to[0]).not.toHaveProperty('name')
  })
})

describe('parameters references (conformance GatewayInvalidParametersRef needs the Gateway\'s)', () => {
  it('Gateway spec.infrastructure: labels, annotations and parametersRef as written; absent when not written', () => {
    const text = gateway('  - {name: http, port: 80, protocol: HTTP}\n') + '  infrastructure: {labels: {a: b}, annotations: {example.com/c: d}, parametersRef: {group: invalid.io, kind: InvalidParameters, name: invalid}}\n'
    const result = analyzeText(text)
    expect(result.problems()).toEqual([])
    expect(result.model.gateways[0]?.infrastructure).toEqual({
      labels: { a: 'b' }, annotations: { 'example.com/c': 'd' },
      parametersRef: { group: 'invalid.io', kind: 'InvalidParameters', name: 'invalid', at: ['spec', 'infrastructure', 'parametersRef'] },
      at: ['spec', 'infrastructure'],
    })
    expect(analyzeText(gateway('  - {name: http, port: 80, protocol: HTTP}\n')).model.gateways[0]).not.toHaveProperty('infrastructure')
  })

  it('GatewayClass spec.parametersRef as written', () => {
    const result = analyzeText('apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: gc}\nspec: {controllerName: example.com/gw, parametersRef: {group: example.com, kind: Config, name: c, namespace: ns}}\n')
    expect(result.model.gatewayClasses[0]?.parametersRef).toEqual({ group: 'example.com', kind: 'Config', name: 'c', namespace: 'ns', at: ['spec', 'parametersRef'] })
  })
})
