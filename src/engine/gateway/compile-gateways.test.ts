/**
 * compileGateways as spec tables: YAML through the model stage, then the status a conformant controller writes.
 * Each row cites the field documentation in apis/v1/*_types.go or the conformance scenario
 * (conformance/tests/<name>.go and .yaml at v1.6.1) it transcribes; the conditions asserted are the ones the
 * scenario's kubernetes.*MustHave* calls check.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze'
import { formatMessage } from '../messages/render'
import { deploymentYaml, joinDocuments, secretYaml, serviceYaml } from '../testing/manifests'
import { modelOf } from '../testing/models'
import { compileGateways } from './compile-gateways'
import type { CompiledGateways, CompiledHTTPRoute, CompiledListener, GatewayCondition } from './types'

const NS = 'gateway-conformance-infra'
const WEB = 'gateway-conformance-web-backend'
const fixture = (name: string): string => readFileSync(new URL(`../tls/fixtures/${name}`, import.meta.url), 'utf8')

function gateway(name: string, listeners: string, namespace = NS, className = 'studio'): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  gatewayClassName: ${className}
  listeners:
${listeners}`
}

function route(name: string, spec: string, namespace = NS, meta = ''): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: ${namespace}${meta}}
spec:
${spec}`
}

function grant(name: string, namespace: string, from: string, to: string): string {
  return `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  from: [${from}]
  to: [${to}]
`
}

const gatewayClass = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: studio}
spec: {controllerName: example.net/studio}
`

/** A Service on port 8080 with one ready pod. */
const backend = (name: string, namespace = NS): string =>
  joinDocuments(serviceYaml(name, { namespace, ports: [{ port: 8080, targetPort: 8080 }] }), deploymentYaml(name, { namespace, replicas: 1 }))

const compile = (...documents: string[]): CompiledGateways => compileGateways(modelOf(joinDocuments(...documents)))

function listenerOf(compiled: CompiledGateways, listener: string, gatewayName?: string): CompiledListener {
  const gw = compiled.gateways.find((g) => gatewayName === undefined || g.ref.name === gatewayName)
  const found = gw?.listeners.find((l) => l.name === listener)
  if (!found) throw new Error(`no listener ${listener}`)
  return found
}

function routeOf(compiled: CompiledGateways, name: string): CompiledHTTPRoute {
  const found = compiled.routes.find((r) => r.ref.name === name)
  if (!found) throw new Error(`no route ${name}`)
  return found
}

/** `Type=Status/Reason` of each condition, as the conformance helpers compare them. */
const summary = (conditions: readonly GatewayCondition[]): string[] => conditions.map((c) => `${c.type}=${c.status}/${c.reason}`)
const parentSummary = (r: CompiledHTTPRoute, parent = 0): string[] => summary(r.parents[parent]?.conditions ?? [])

describe('listener conditions (gateway_types.go ListenerConditionType and ListenerConditionReason)', () => {
  const http = '  - {name: http, port: 80, protocol: HTTP}\n'

  it('a plain HTTP listener: Accepted, Programmed, ResolvedRefs True, Conflicted False (gateway-with-attached-routes.go)', () => {
    const l = listenerOf(compile(gateway('gw', http)), 'http')
    expect(summary(l.conditions)).toEqual(['Accepted=True/Accepted', 'Programmed=True/Programmed', 'ResolvedRefs=True/ResolvedRefs', 'Conflicted=False/NoConflicts'])
    expect(l.supportedKinds.map((k) => k.kind)).toContain('HTTPRoute')
    expect([l.servesHttpRoutes, l.programmed]).toEqual([true, true])
  })

  it.each([
    // [listeners, gateway Accepted, source]
    ['  - {name: invalid, port: 1111, protocol: INVALID}\n', 'Accepted=False/ListenersNotValid', 'gateway-invalid-listeners-unsupported-protocol.go: gateway-only-unsupported-protocols'],
    [`${http}  - {name: invalid, port: 1111, protocol: INVALID}\n`, 'Accepted=True/ListenersNotValid', 'gateway-invalid-listeners-unsupported-protocol.go: gateway-supported-and-unsupported-protocols'],
  ])('an unsupported protocol: the listener Accepted False UnsupportedProtocol with no supportedKinds; the Gateway %#', (listeners, gatewayAccepted) => {
    const compiled = compile(gateway('gw', listeners))
    const invalid = listenerOf(compiled, 'invalid')
    expect(summary(invalid.conditions)).toContain('Accepted=False/UnsupportedProtocol')
    expect(invalid.supportedKinds).toEqual([])
    expect(summary(compiled.gateways[0]?.conditions ?? [])).toContain(gatewayAccepted)
  })

  it.each([
    // [kinds, supportedKinds, source]
    ['[{kind: InvalidRoute}]', [], 'gateway-invalid-route-kind.go: gateway-only-invalid-route-kind'],
    ['[{kind: InvalidRoute}, {kind: HTTPRoute}]', ['HTTPRoute'], 'gateway-invalid-route-kind.go: gateway-supported-and-invalid-route-kind'],
    ['[{kind: TLSRoute}]', [], 'AllowedRoutes.Kinds: a kind must be compatible with the listener protocol'],
  ])('allowedRoutes.kinds %s: ResolvedRefs False InvalidRouteKinds, supportedKinds %j (%s)', (kinds, supported) => {
    const l = listenerOf(compile(gateway('gw', `  - name: http\n    port: 80\n    protocol: HTTP\n    allowedRoutes: {namespaces: {from: All}, kinds: ${kinds}}\n`)), 'http')
    expect(summary(l.conditions)).toContain('ResolvedRefs=False/InvalidRouteKinds')
    expect(l.supportedKinds.map((k) => k.kind)).toEqual(supported)
  })

  const https = (certificateRef: string): string => `  - name: https
    port: 443
    protocol: HTTPS
    allowedRoutes: {namespaces: {from: All}}
    tls:
      certificateRefs: [${certificateRef}]
`
  const validSecret = secretYaml('certificate', { namespace: NS, type: 'kubernetes.io/tls', stringData: { 'tls.crt': fixture('valid.crt'), 'tls.key': fixture('valid.key') } })
  const malformed = secretYaml('malformed-certificate', { namespace: NS, type: 'kubernetes.io/tls', data: { 'tls.crt': 'SGVsbG8gd29ybGQK', 'tls.key': 'SGVsbG8gd29ybGQK' } })

  it.each([
    // [certificateRef, ResolvedRefs, source]
    ['{group: "", kind: Secret, name: certificate}', 'ResolvedRefs=True/ResolvedRefs', 'ListenerTLSConfig.CertificateRefs: a Secret of type kubernetes.io/tls has Core support'],
    ['{group: "", kind: Secret, name: nonexistent-certificate}', 'ResolvedRefs=False/InvalidCertificateRef', 'gateway-invalid-tls-configuration.go: nonexistent secret'],
    ['{group: wrong.group.company.io, kind: Secret, name: certificate}', 'ResolvedRefs=False/InvalidCertificateRef', 'gateway-invalid-tls-configuration.go: unsupported group'],
    ['{group: "", kind: WrongKind, name: certificate}', 'ResolvedRefs=False/InvalidCertificateRef', 'gateway-invalid-tls-configuration.go: unsupported kind'],
    ['{group: "", kind: Secret, name: malformed-certificate}', 'ResolvedRefs=False/InvalidCertificateRef', 'gateway-invalid-tls-configuration.go: malformed secret'],
    [`{group: "", kind: Secret, name: certificate, namespace: ${WEB}}`, 'ResolvedRefs=False/RefNotPermitted', 'gateway-secret-missing-reference-grant.go'],
  ])('certificateRefs %s → %s (%s)', (ref, resolved) => {
    const l = listenerOf(compile(gateway('gw', https(ref)), validSecret, malformed), 'https')
    expect(summary(l.conditions)).toContain(resolved)
    // gateway-with-attached-routes.go (unresolved-gateway-…): a listener whose refs do not resolve is not Programmed.
    expect(l.programmed).toBe(resolved.startsWith('ResolvedRefs=True'))
  })

  it('a Secret in another namespace needs a ReferenceGrant there naming Gateways of this namespace and the Secret (gateway-secret-invalid-reference-grant.yaml, -reference-grant-specific, -all-in-namespace)', () => {
    const ref = `{group: "", kind: Secret, name: certificate, namespace: ${WEB}}`
    const from = `{group: gateway.networking.k8s.io, kind: Gateway, namespace: ${NS}}`
    const wrong = [
      grant('wrong-namespace', 'gateway-conformance-app-backend', from, '{group: "", kind: Secret, name: certificate}'),
      grant('wrong-from-group', WEB, `{group: not-the-group-youre-looking-for, kind: Gateway, namespace: ${NS}}`, '{group: "", kind: Secret, name: certificate}'),
      grant('wrong-from-kind', WEB, `{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: ${NS}}`, '{group: "", kind: Secret, name: certificate}'),
      grant('wrong-from-namespace', WEB, '{group: gateway.networking.k8s.io, kind: Gateway, namespace: not-the-namespace-youre-looking-for}', '{group: "", kind: Secret, name: certificate}'),
      grant('wrong-to-group', WEB, from, '{group: not-the-group-youre-looking-for, kind: Secret, name: certificate}'),
      grant('wrong-to-kind', WEB, from, '{group: "", kind: Service, name: certificate}'),
      grant('wrong-to-name', WEB, from, '{group: "", kind: Secret, name: not-the-certificate-youre-looking-for}'),
    ]
    expect(summary(listenerOf(compile(gateway('gw', https(ref)), ...wrong), 'https').conditions)).toContain('ResolvedRefs=False/RefNotPermitted')
    for (const to of ['{group: "", kind: Secret, name: certificate}', '{group: "", kind: Secret}']) {
      // No Secret in the input: the certificate itself is assumed, so only the grant decides.
      expect(summary(listenerOf(compile(gateway('gw', https(ref)), grant('ok', WEB, from, to)), 'https').conditions)).toContain('ResolvedRefs=True/ResolvedRefs')
    }
  })

  it.each([
    // [listeners, conflicted listeners and reason, source]
    ['  - {name: a, port: 80, protocol: HTTP}\n  - {name: b, port: 80, protocol: HTTPS, tls: {certificateRefs: [{name: c}]}}\n', ['a', 'b'], 'ProtocolConflict', 'Listeners "Distinct Listeners": HTTP and HTTPS cannot share a port; listenerset-protocol-conflict.go conditions'],
    ['  - {name: a, port: 443, protocol: HTTPS, hostname: x.example.com, tls: {certificateRefs: [{name: c}]}}\n  - {name: b, port: 443, protocol: TLS, hostname: x.example.com, tls: {mode: Passthrough}}\n', ['a', 'b'], 'HostnameConflict', 'Listeners: HTTPS and TLS listeners on one port are distinct by Hostname only; listenerset-hostname-conflict.go conditions'],
    ['  - {name: a, port: 80, protocol: HTTP}\n  - {name: b, port: 80, protocol: TCP}\n', ['a', 'b'], 'ProtocolConflict', 'Listeners: HTTP sharing a port with TCP "MUST NOT be accepted"'],
    ['  - {name: a, port: 53, protocol: TCP}\n  - {name: b, port: 53, protocol: UDP}\n', [], '', 'Listeners: TCP and UDP use different transports (Compatible Listeners)'],
    ['  - {name: a, port: 80, protocol: HTTP, hostname: a.example.com}\n  - {name: b, port: 80, protocol: HTTP, hostname: b.example.com}\n', [], '', 'Listeners: HTTP listeners distinct by Hostname'],
  ])('%#: conflicted %j (%s)', (listeners, conflicted, reason) => {
    const compiled = compile(gateway('gw', listeners))
    for (const l of compiled.gateways[0]?.listeners ?? []) {
      if (conflicted.includes(l.name)) {
        expect(summary(l.conditions)).toEqual(expect.arrayContaining([`Accepted=False/${reason}`, `Programmed=False/${reason}`, `Conflicted=True/${reason}`]))
      } else {
        expect(summary(l.conditions)).toContain('Conflicted=False/NoConflicts')
      }
    }
  })
})

describe('GatewayClass', () => {
  it('a class in the input is accepted, the studio being its controller', () => {
    const compiled = compile(gatewayClass, gateway('gw', '  - {name: http, port: 80, protocol: HTTP}\n'))
    expect(compiled.gateways[0]?.classFound).toBe(true)
    expect(summary(compiled.gatewayClasses[0]?.conditions ?? [])).toEqual(['Accepted=True/Accepted'])
    expect(compiled.issues.map((i) => i.code)).not.toContain('gateway-class-missing')
  })

  it('a missing class is assumed to exist (the Gateway is accepted and routed) and a finding says so', () => {
    const compiled = compile(gateway('gw', '  - {name: http, port: 80, protocol: HTTP}\n'))
    expect(compiled.gateways[0]?.classFound).toBe(false)
    expect(summary(compiled.gateways[0]?.conditions ?? [])).toContain('Accepted=True/Accepted')
    expect(compiled.issues.find((i) => i.code === 'gateway-class-missing')).toMatchObject({ severity: 'info', at: ['spec', 'gatewayClassName'] })
  })
})

describe('parametersRef (gateway_types.go GatewayInfrastructure.ParametersRef, gatewayclass_types.go GatewayClassSpec.ParametersRef)', () => {
  const withParameters = (ref: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: ${NS}}
spec:
  gatewayClassName: studio
  listeners:
  - {name: http, port: 80, protocol: HTTP}
  infrastructure:
    parametersRef: ${ref}
`
  const params = `apiVersion: example.net/v1\nkind: Params\nmetadata: {name: p, namespace: ${NS}}\n`

  it.each<[string, string[], string]>([
    ['{group: invalid.io, kind: InvalidParameters, name: invalid}', [], 'Accepted=False/InvalidParameters'],
    ['{group: example.net, kind: Params, name: p}', [params], 'Accepted=True/Accepted'],
    ['{group: example.net, kind: Params, name: other}', [params], 'Accepted=False/InvalidParameters'],
  ])('%s → %j (gateway-invalid-parameters-ref.go: a referent that cannot be found)', (ref, extra, accepted) => {
    const compiled = compile(gatewayClass, withParameters(ref), ...extra)
    expect(summary(compiled.gateways[0]?.conditions ?? [])[0]).toBe(accepted)
    expect(compiled.issues.some((i) => i.code === 'gateway-parameters-not-found')).toBe(accepted.includes('False'))
  })

  it('a GatewayClass whose parametersRef the input lacks: Accepted False, InvalidParameters', () => {
    const compiled = compile(`apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: studio}
spec:
  controllerName: example.net/studio
  parametersRef: {group: example.net, kind: Params, name: p, namespace: ${NS}}
`)
    expect(summary(compiled.gatewayClasses[0]?.conditions ?? [])).toEqual(['Accepted=False/InvalidParameters'])
    expect(compiled.issues.map((i) => i.code)).toEqual(['gateway-parameters-not-found'])
  })
})

describe('attachment (shared_types.go ParentReference, RouteConditionReason; gateway_types.go AllowedRoutes)', () => {
  const sameNamespace = gateway('same-namespace', '  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}}\n')
  const rules = '  rules:\n  - backendRefs: [{name: infra-backend-v1, port: 8080}]\n'

  it.each([
    // [documents, route name, Accepted, listeners, source]
    [[sameNamespace, route('r', `  parentRefs: [{name: same-namespace, port: 80, sectionName: http1}]\n${rules}`)], 'Accepted=False/NoMatchingParent', [], 'httproute-invalid-parentref-not-matching-section-name.go'],
    [[sameNamespace, route('r', `  parentRefs: [{name: same-namespace, port: 81}]\n${rules}`)], 'Accepted=False/NoMatchingParent', [], 'httproute-invalid-parentref-not-matching-listener-port.go'],
    [[gateway('g', '  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}, kinds: [{kind: HTTPRoute}]}}\n'),
      route('r', `  parentRefs: [{name: g, sectionName: http, port: 81}]\n${rules}`)], 'Accepted=False/NoMatchingParent', [], 'httproute-invalid-parentref-section-name-not-matching-port.go'],
    [[gateway('tlsroutes-only', '  - {name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}, allowedRoutes: {namespaces: {from: Same}, kinds: [{kind: TLSRoute}]}}\n'),
      route('r', `  parentRefs: [{name: tlsroutes-only}]\n${rules}`)], 'Accepted=False/NotAllowedByListeners', [], 'httproute-disallowed-kind.go'],
    [[sameNamespace, route('r', `  parentRefs: [{name: same-namespace, namespace: ${NS}}]\n  rules:\n  - backendRefs: [{name: web-backend, port: 8080}]\n`, WEB)], 'Accepted=False/NotAllowedByListeners', [], 'httproute-invalid-cross-namespace-parent-ref.go'],
    [[gateway('all', '  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}\n'), route('r', `  parentRefs: [{name: all, namespace: ${NS}}]\n  rules:\n  - backendRefs: [{name: web-backend, port: 8080}]\n`, WEB)], 'Accepted=True/Accepted', ['http'], 'RouteNamespaces.From: All admits every namespace (httproute-cross-namespace.go)'],
    [[gateway('g', '  - {name: http, port: 80, protocol: HTTP, hostname: foo.example.com}\n'), route('r', `  hostnames: [not-accepted.test.com]\n  parentRefs: [{name: g}]\n${rules}`)], 'Accepted=False/NoMatchingListenerHostname', [], 'gateway-with-attached-routes.go: http-route-not-accepted'],
    [[gateway('g', '  - {name: http-unattached, port: 8080, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}\n  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}\n'),
      route('r', `  parentRefs: [{name: g, sectionName: http}]\n${rules}`)], 'Accepted=True/Accepted', ['http'], 'gateway-with-attached-routes.go: GatewayWithAttachedRoutesWithPort8080'],
    [[gateway('g', '  - {name: http-80, port: 80, protocol: HTTP}\n  - {name: http-8080, port: 8080, protocol: HTTP}\n'), route('r', `  parentRefs: [{name: g, port: 8080}]\n${rules}`)], 'Accepted=True/Accepted', ['http-8080'], 'ParentReference.Port: all listeners on the port (httproute-listener-port-matching.yaml)'],
    [[route('r', `  parentRefs: [{name: nowhere}]\n${rules}`)], 'Accepted=False/NoMatchingParent', [], 'RouteStatus.Parents: a parent the controller cannot see gets no status; the studio says so'],
    [[sameNamespace, route('r', `  parentRefs: [{group: "", kind: Service, name: same-namespace}]\n${rules}`)], 'Accepted=False/NoMatchingParent', [], 'ParentReference.Kind: Service parents belong to the Mesh profile'],
  ])('%#: %s → %s via %j (%s)', (documents, accepted, listeners) => {
    const compiled = compile(...documents, backend('infra-backend-v1'), backend('web-backend', WEB))
    const r = routeOf(compiled, 'r')
    expect(parentSummary(r)).toEqual([accepted, 'ResolvedRefs=True/ResolvedRefs'])
    expect(r.parents[0]?.listeners).toEqual(listeners)
    const attached = compiled.gateways.flatMap((g) => g.listeners.filter((l) => l.attachments.length > 0).map((l) => l.name))
    expect(attached).toEqual(listeners)
  })

  it('AttachedRoutes counts routes Accepted through each listener (gateway-with-attached-routes.go: two attached, one not accepted)', () => {
    const selector = 'allowedRoutes: {kinds: [{kind: HTTPRoute}], namespaces: {from: Selector, selector: {matchLabels: {kubernetes.io/metadata.name: gateway-conformance-infra}}}}'
    const compiled = compile(
      gateway('two', `  - {name: http, port: 80, protocol: HTTP, hostname: foo.example.com, ${selector}}\n`),
      route('http-route-2', `  parentRefs: [{kind: Gateway, name: two}]\n${rules}`),
      route('http-route-3', `  parentRefs: [{kind: Gateway, name: two}]\n${rules}`),
      route('http-route-not-accepted', `  hostnames: [not-accepted.test.com]\n  parentRefs: [{kind: Gateway, name: two}]\n${rules}`),
      backend('infra-backend-v1'),
    )
    expect(listenerOf(compiled, 'http').attachedRoutes).toBe(2)
    // The input holds no Namespace object: the selector was judged by the automatic name label, and the condition says so.
    expect(routeOf(compiled, 'http-route-2').parents[0]?.conditions[0]?.message.id).toBe('gw-route-accepted-automatic-label')
  })

  describe('allowedRoutes.namespaces.from: Selector (RouteNamespaces.Selector)', () => {
    const gw = gateway('g', '  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {shared-gateway-access: "true"}}}}}\n')
    const r = route('r', `  parentRefs: [{name: g, namespace: ${NS}}]\n  rules:\n  - backendRefs: [{name: web-backend, port: 8080}]\n`, WEB)
    const namespace = (labels: string): string => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${WEB}, labels: {${labels}}}\n`

    it.each<[string | null, string, string, string]>([
      // [Namespace object (or none), Accepted, message id, source]
      [namespace('shared-gateway-access: "true"'), 'Accepted=True/Accepted', 'gw-route-accepted', 'the Namespace object carries the label'],
      [namespace('other: "x"'), 'Accepted=False/NotAllowedByListeners', 'gw-route-not-allowed', 'the Namespace object lacks the label'],
      [null, 'Accepted=False/NotAllowedByListeners', 'gw-route-not-allowed', 'no Namespace object: only kubernetes.io/metadata.name is known'],
    ])('%#: %s → %s (%s)', (ns, accepted, id) => {
      const compiled = compile(gw, r, backend('web-backend', WEB), ...(ns ? [ns] : []))
      const parent = routeOf(compiled, 'r').parents[0]
      expect(summary(parent?.conditions.slice(0, 1) ?? [])).toEqual([accepted])
      expect(parent?.conditions[0]?.message.id).toBe(id)
    })

    it('without a Namespace object the refusal names the automatic label it judged by', () => {
      const parent = routeOf(compile(gw, r, backend('web-backend', WEB)), 'r').parents[0]
      expect((parent?.conditions[0]?.message.params.why as { id: string }).id).toBe('gw-refused-namespace-selector-automatic')
    })
  })
})

describe('backendRefs (httproute_types.go HTTPBackendRef.BackendRef, shared_types.go ResolvedRefs reasons)', () => {
  const gw = gateway('same-namespace', '  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}}\n')
  const withBackends = (backendRefs: string, extra = ''): string => route('r', `  parentRefs: [{name: same-namespace}]\n  rules:\n  - backendRefs: ${backendRefs}\n${extra}`)
  const toWeb = `{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: ${NS}}`

  it.each([
    // [backendRefs, extra documents, ResolvedRefs, valid, source]
    ['[{name: infra-backend-v1, port: 8080}]', [], 'ResolvedRefs=True/ResolvedRefs', true, 'httproute-simple-same-namespace.go'],
    ['[{group: unknown.group, kind: UnknownKind, name: infra-backend-v2}]', [], 'ResolvedRefs=False/InvalidKind', false, 'httproute-invalid-backendref-unknown-kind.go'],
    ['[{name: nonexistent, port: 8080}]', [], 'ResolvedRefs=False/BackendNotFound', false, 'httproute-invalid-nonexistent-backendref.go'],
    ['[{name: infra-backend-v1, port: 9999}]', [], 'ResolvedRefs=False/BackendNotFound', false, 'BackendObjectReference.Port is the Service port; a port the Service lacks refers to nothing'],
    [`[{name: web-backend, namespace: ${WEB}, port: 8080}]`, [], 'ResolvedRefs=False/RefNotPermitted', false, 'httproute-invalid-cross-namespace-backend-ref.go'],
    [`[{name: web-backend, namespace: ${WEB}, port: 8080}]`, [grant('reference-grant', WEB, toWeb, '{group: "", kind: Service, name: not-web-backend}')], 'ResolvedRefs=False/RefNotPermitted', false, 'httproute-invalid-reference-grant.go'],
    [`[{name: web-backend, namespace: ${WEB}, port: 8080}]`, [grant('reference-grant', WEB, toWeb, '{group: "", kind: Service, name: web-backend}')], 'ResolvedRefs=True/ResolvedRefs', true, 'httproute-reference-grant.go'],
    [`[{name: web-backend, namespace: ${WEB}, port: 8080}]`, [grant('reference-grant', WEB, toWeb, '{group: "", kind: Service}')], 'ResolvedRefs=True/ResolvedRefs', true, 'ReferenceGrantTo.Name: "When unspecified, this policy refers to all resources of the specified Group and Kind"'],
  ])('%s → %s (%s)', (refs, extra, resolved, valid) => {
    const compiled = compile(gw, withBackends(refs), backend('infra-backend-v1'), backend('web-backend', WEB), ...extra)
    const r = routeOf(compiled, 'r')
    // The route stays Accepted whatever its backends (GatewayAndHTTPRoutesMustBeAccepted in each scenario).
    expect(parentSummary(r)).toEqual(['Accepted=True/Accepted', resolved])
    expect(r.rules[0]?.backends[0]?.valid).toBe(valid)
    expect(r.rules[0]?.backends[0]?.refusal?.reason ?? 'ResolvedRefs').toBe(resolved.split('/')[1])
  })

  it('one invalid rule leaves the other valid: ResolvedRefs False, the sibling backend valid (httproute-partially-invalid-via-invalid-reference-grant.go)', () => {
    const r = routeOf(compile(gw, route('r', `  parentRefs: [{name: same-namespace}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /v2}}]
    backendRefs: [{name: app-backend-v2, namespace: gateway-conformance-app-backend, port: 8080}]
  - backendRefs: [{name: app-backend-v1, namespace: gateway-conformance-app-backend, port: 8080}]
`), backend('app-backend-v1', 'gateway-conformance-app-backend'), backend('app-backend-v2', 'gateway-conformance-app-backend'),
    grant('grant', 'gateway-conformance-app-backend', toWeb, '{group: "", kind: Service, name: app-backend-v1}')), 'r')
    expect(parentSummary(r)).toEqual(['Accepted=True/Accepted', 'ResolvedRefs=False/RefNotPermitted'])
    expect(r.rules.map((rule) => rule.backends[0]?.valid)).toEqual([false, true])
  })

  it.each([
    // [documents beside the route, endpoints, source]
    [[backend('infra-backend-v1')], 'ready', 'a Deployment selected by the Service has a ready pod'],
    [[serviceYaml('infra-backend-v1', { namespace: NS, ports: [{ port: 8080, targetPort: 8080 }] }), deploymentYaml('infra-backend-v1', { namespace: NS, replicas: 0 })], 'none', 'HTTPRouteRule.BackendRefs: no ready endpoints → 503 (route/backend-availability.ts, zero replicas)'],
    [[serviceYaml('infra-backend-v1', { namespace: NS, ports: [{ port: 8080, targetPort: 8080 }] })], 'assumed', 'no workload in the namespace: endpoints assumed (issue 15)'],
    [[], 'assumed', 'no Service at all in the input: every Service assumed (docs/routing.md#assumptions)'],
  ])('%#: endpoints %s (%s)', (documents, endpoints) => {
    const b = routeOf(compile(gw, withBackends('[{name: infra-backend-v1, port: 8080, weight: 3}]'), ...documents), 'r').rules[0]?.backends[0]
    expect(b).toMatchObject({ valid: true, endpoints, weight: 3, kind: 'Service', namespace: NS, port: 8080 })
    expect(b?.endpointsWhy).not.toBeNull()
  })

  it('an ExtensionRef the studio does not implement: unsupportedFilters (requests answer 500) and ResolvedRefs False InvalidKind (HTTPRouteFilter.ExtensionRef, Type)', () => {
    const r = routeOf(compile(gw, withBackends('[{name: infra-backend-v1, port: 8080}]', '    filters: [{type: ExtensionRef, extensionRef: {group: example.net, kind: Thing, name: t}}]\n'), backend('infra-backend-v1')), 'r')
    expect(r.rules[0]?.unsupportedFilters).toMatchObject([{ index: 0, type: 'ExtensionRef' }])
    expect(parentSummary(r)).toEqual(['Accepted=True/Accepted', 'ResolvedRefs=False/InvalidKind'])
  })

  it('a mirror to a missing Service does not resolve (HTTPRequestMirrorFilter.BackendRef: ResolvedRefs False)', () => {
    const r = routeOf(compile(gw, withBackends('[{name: infra-backend-v1, port: 8080}]', '    filters: [{type: RequestMirror, requestMirror: {backendRef: {name: missing, port: 8080}}}]\n'), backend('infra-backend-v1')), 'r')
    expect(parentSummary(r)).toEqual(['Accepted=True/Accepted', 'ResolvedRefs=False/BackendNotFound'])
    expect(r.rules[0]?.unsupportedFilters).toEqual([])
    expect(r.rules[0]?.refusedMirrors).toMatchObject([{ index: 0, reason: 'BackendNotFound' }])
  })
})

describe('route age (gateway_types.go AllowedRoutes: oldest creationTimestamp, then namespace/name)', () => {
  const gw = gateway('g', '  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}\n')
  const aged = (name: string, namespace: string, timestamp: string | null): string =>
    route(name, '  parentRefs: [{name: g, namespace: gateway-conformance-infra}]\n', namespace, timestamp ? `, creationTimestamp: "${timestamp}"` : '')

  it.each([
    // [routes in document order, expected order oldest first, source]
    [[aged('b', NS, '2020-09-08T01:02:04Z'), aged('a', NS, '2020-09-08T01:02:03Z')], ['a', 'b'], 'AllowedRoutes: "2020-09-08 01:02:03" before "2020-09-08 01:02:04"'],
    [[aged('baz', 'foo', '2020-09-08T01:02:03Z'), aged('bar', 'foo', '2020-09-08T01:02:03Z')], ['bar', 'baz'], 'AllowedRoutes: foo/bar before foo/baz'],
    [[aged('z', NS, null), aged('y', NS, null), aged('x', NS, '2024-01-01T00:00:00Z')], ['x', 'y', 'z'], 'no timestamp: younger than any with one, then namespace/name (route-age.ts; reordering documents changes no answer)'],
  ])('%#: %j (%s)', (routes, expected) => {
    const compiled = compile(gw, ...routes)
    expect([...compiled.routes].sort((a, b) => a.age - b.age).map((r) => r.ref.name)).toEqual(expected)
  })
})

describe('findings (lint): one per condition that is not True, at its field', () => {
  it('names the condition, its reason and the field; analyze locates it', () => {
    const text = joinDocuments(
      gateway('same-namespace', '  - {name: http, port: 80, protocol: HTTP}\n  - {name: odd, port: 1111, protocol: INVALID}\n'),
      route('r', '  parentRefs: [{name: same-namespace, sectionName: nope}]\n  rules:\n  - backendRefs: [{name: missing, port: 8080}]\n'),
      backend('infra-backend-v1'),
    )
    const compiled = compileGateways(modelOf(text))
    expect(compiled.issues.map((i) => [i.code, i.at])).toEqual([
      ['gateway-class-missing', ['spec', 'gatewayClassName']],
      ['gateway-listener-invalid', ['spec', 'listeners', 1, 'protocol']],
      ['gateway-route-not-accepted', ['spec', 'parentRefs', 0]],
      ['gateway-route-ref-not-resolved', ['spec', 'rules', 0, 'backendRefs', 0]],
    ])
    const words = compiled.issues.map((i) => formatMessage(i.text, 'en'))
    expect(words[2]).toContain('Accepted False (NoMatchingParent)')
    expect(words[3]).toContain('ResolvedRefs False (BackendNotFound)')
    const diagnostics = analyze([{ name: 'gw.yaml', text }], {}).diagnostics.filter((d) => d.code.startsWith('gateway-'))
    expect(diagnostics.map((d) => [d.code, d.start.line])).toEqual([
      ['gateway-class-missing', 5],
      ['gateway-listener-invalid', 8],
      ['gateway-route-not-accepted', 14],
      ['gateway-route-ref-not-resolved', 16],
    ])
  })
})
