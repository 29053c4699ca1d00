/**
 * Every HTTPRoute, Gateway and GatewayClass test of the Gateway API conformance suite at v1.6.1
 * (kubernetes-sigs/gateway-api, conformance/tests/*.go, by `ShortName`), and whether the studio runs it
 * (scenarios/) or why not. The tests of other kinds are counted by family. docs/gateway-api.md#conformance shows
 * this table; `conformance.test.ts` checks that the two and the scenarios agree.
 */

/** Why a test is not run. */
export type NotRunReason =
  | 'data-plane'
  | 'observed-generation'
  | 'outside-scope'
  | 'experimental'

export interface UpstreamTest {
  readonly shortName: string
  readonly file: string
  /** `run`, or why not, with the detail in `why`. */
  readonly status: 'run' | NotRunReason
  readonly why?: string
}

const run = (shortName: string, file: string): UpstreamTest => ({ shortName, file, status: 'run' })
const notRun = (shortName: string, file: string, status: NotRunReason, why: string): UpstreamTest => ({ shortName, file, status, why })

export const UPSTREAM_TESTS: readonly UpstreamTest[] = [
  run('HTTPRoute303Redirect', 'httproute-303-redirect.go'),
  run('HTTPRoute307Redirect', 'httproute-307-redirect.go'),
  run('HTTPRoute308Redirect', 'httproute-308-redirect.go'),
  notRun('HTTPRouteBackendProtocolH2C', 'httproute-backend-protocol-h2c.go', 'data-plane', 'the answer is the protocol the backend was spoken to in (h2c for appProtocol kubernetes.io/h2c)'),
  notRun('HTTPRouteBackendProtocolWebSocket', 'httproute-backend-protocol-websocket.go', 'data-plane', 'a WebSocket upgrade carried to the backend (appProtocol kubernetes.io/ws)'),
  notRun('HTTPRouteCORS', 'httproute-cors.go', 'outside-scope', 'the CORS filter (in the standard channel at v1.6.1) is not among the filters issue 15 asks for; the studio answers 500 for a rule with a filter it cannot apply'),
  run('HTTPRouteCrossNamespace', 'httproute-cross-namespace.go'),
  run('HTTPRouteDisallowedKind', 'httproute-disallowed-kind.go'),
  run('HTTPRouteExactPathMatching', 'httproute-exact-path-matching.go'),
  run('HTTPRouteHeaderMatching', 'httproute-header-matching.go'),
  run('HTTPRouteHostnameIntersection', 'httproute-hostname-intersection.go'),
  run('HTTPRouteHTTPSListenerDetectMisdirectedRequests', 'httproute-https-listener-detect-misdirected-requests.go'),
  run('HTTPRouteHTTPSListener', 'httproute-https-listener.go'),
  run('HTTPRouteInvalidBackendRefUnknownKind', 'httproute-invalid-backendref-unknown-kind.go'),
  run('HTTPRouteInvalidCrossNamespaceBackendRef', 'httproute-invalid-cross-namespace-backend-ref.go'),
  run('HTTPRouteInvalidCrossNamespaceParentRef', 'httproute-invalid-cross-namespace-parent-ref.go'),
  run('HTTPRouteInvalidNonExistentBackendRef', 'httproute-invalid-nonexistent-backendref.go'),
  run('HTTPRouteInvalidParentRefNotMatchingListenerPort', 'httproute-invalid-parentref-not-matching-listener-port.go'),
  run('HTTPRouteInvalidParentRefNotMatchingSectionName', 'httproute-invalid-parentref-not-matching-section-name.go'),
  run('HTTPRouteInvalidParentRefSectionNameNotMatchingPort', 'httproute-invalid-parentref-section-name-not-matching-port.go'),
  run('HTTPRouteInvalidReferenceGrant', 'httproute-invalid-reference-grant.go'),
  run('HTTPRouteListenerHostnameMatching', 'httproute-listener-hostname-matching.go'),
  run('HTTPRouteListenerPortMatching', 'httproute-listener-port-matching.go'),
  run('HTTPRouteMatchingAcrossRoutes', 'httproute-matching-across-routes.go'),
  run('HTTPRouteMatching', 'httproute-matching.go'),
  run('HTTPRouteMethodMatching', 'httproute-method-matching.go'),
  run('HTTPRouteMultipleGateways', 'httproute-multiple-gateways.go'),
  run('HTTPRouteNamedRule', 'httproute-named-rule.go'),
  notRun('HTTPRouteObservedGenerationBump', 'httproute-observed-generation-bump.go', 'observed-generation', 'status.observedGeneration following metadata.generation after an update'),
  run('HTTPRouteNoBackendRefs', 'httproute-omitted-backendrefs.go'),
  run('HTTPRoutePartiallyInvalidViaInvalidReferenceGrant', 'httproute-partially-invalid-via-invalid-reference-grant.go'),
  run('HTTPRoutePathMatchOrder', 'httproute-path-match-order.go'),
  run('HTTPRouteQueryParamMatching', 'httproute-query-param-matching.go'),
  run('HTTPRouteRedirectHostAndStatus', 'httproute-redirect-host-and-status.go'),
  run('HTTPRouteRedirectPath', 'httproute-redirect-path.go'),
  run('HTTPRouteRedirectPortAndScheme', 'httproute-redirect-port-and-scheme.go'),
  run('HTTPRouteRedirectPort', 'httproute-redirect-port.go'),
  run('HTTPRouteRedirectScheme', 'httproute-redirect-scheme.go'),
  run('HTTPRouteReferenceGrant', 'httproute-reference-grant.go'),
  run('HTTPRouteRequestHeaderModifierBackendWeights', 'httproute-request-header-modifier-backend-weights.go'),
  run('HTTPRouteBackendRequestHeaderModifier', 'httproute-request-header-modifier.go'),
  run('HTTPRouteRequestHeaderModifier', 'httproute-request-header-modifier.go'),
  run('HTTPRouteRequestMirror', 'httproute-request-mirror.go'),
  run('HTTPRouteRequestMultipleMirrors', 'httproute-request-multiple-mirrors.go'),
  run('HTTPRouteRequestPercentageMirror', 'httproute-request-percentage-mirror.go'),
  run('HTTPRouteResponseHeaderModifier', 'httproute-response-header-modifier.go'),
  notRun('HTTPRouteRetry', 'httproute-retry.go', 'experimental', 'the retry field and its features are in the experimental channel; the test also needs a backend failing and recovering over time'),
  run('HTTPRouteRewriteHost', 'httproute-rewrite-host.go'),
  run('HTTPRouteRewritePath', 'httproute-rewrite-path.go'),
  run('HTTPRouteServiceTypes', 'httproute-service-types.go'),
  run('HTTPRouteSimpleSameNamespace', 'httproute-simple-same-namespace.go'),
  notRun('HTTPRouteTimeoutBackendRequest', 'httproute-timeout-backend-request.go', 'data-plane', 'a 504 measured against a backend that answers late'),
  notRun('HTTPRouteTimeoutRequest', 'httproute-timeout-request.go', 'data-plane', 'a 504 measured against a backend that answers late'),
  run('HTTPRouteWeight', 'httproute-weight.go'),
  run('GatewayHTTPListenerIsolation', 'gateway-http-listener-isolation.go'),
  notRun('GatewayInfrastructure', 'gateway-infrastructure.go', 'data-plane', 'labels and annotations propagated to the resources the implementation creates'),
  notRun('GatewayFrontendInvalidDefaultClientCertificateValidation', 'gateway-invalid-default-frontend-client-certificate-validation.go', 'outside-scope', 'listener client-certificate validation (spec.tls.frontend); its requests also need TLS handshakes with client certificates'),
  run('GatewayListenerUnsupportedProtocol', 'gateway-invalid-listeners-unsupported-protocol.go'),
  run('GatewayInvalidParametersRef', 'gateway-invalid-parameters-ref.go'),
  run('GatewayInvalidRouteKind', 'gateway-invalid-route-kind.go'),
  notRun('GatewayInvalidTLSBackendConfiguration', 'gateway-invalid-tls-backend-configuration.go', 'outside-scope', 'the Gateway\'s backend client certificate (spec.tls.backend)'),
  run('GatewayInvalidTLSConfiguration', 'gateway-invalid-tls-configuration.go'),
  run('GatewayModifyListeners', 'gateway-modify-listeners.go'),
  notRun('GatewayObservedGenerationBump', 'gateway-observed-generation-bump.go', 'observed-generation', 'status.observedGeneration following metadata.generation after an update'),
  notRun('GatewayOptionalAddressValue', 'gateway-optional-address-value.go', 'data-plane', 'the address the implementation assigns when spec.addresses gives a type without a value'),
  run('GatewaySecretInvalidReferenceGrant', 'gateway-secret-invalid-reference-grant.go'),
  run('GatewaySecretMissingReferenceGrant', 'gateway-secret-missing-reference-grant.go'),
  run('GatewaySecretReferenceGrantAllInNamespace', 'gateway-secret-reference-grant-all-in-namespace.go'),
  run('GatewaySecretReferenceGrantSpecific', 'gateway-secret-reference-grant-specific.go'),
  notRun('GatewayStaticAddresses', 'gateway-static-addresses.go', 'data-plane', 'addresses the infrastructure must own and assign'),
  notRun('GatewayTLSBackendClientCertificate', 'gateway-tls-backend-client-certificate.go', 'outside-scope', 'the Gateway\'s backend client certificate (spec.tls.backend, with BackendTLSPolicy) presented in a TLS handshake to the backend'),
  run('GatewayWithAttachedRoutes', 'gateway-with-attached-routes.go'),
  run('GatewayWithAttachedRoutesWithPort8080', 'gateway-with-attached-routes.go'),
  notRun('GatewayFrontendClientCertificateValidationInsecureFallback', 'gateway-with-clientcertificate-validation-insecure-fallback.go', 'outside-scope', 'listener client-certificate validation (spec.tls.frontend) in TLS handshakes'),
  notRun('GatewayFrontendClientCertificateValidation', 'gateway-with-clientcertificate-validation.go', 'outside-scope', 'listener client-certificate validation (spec.tls.frontend) in TLS handshakes'),
  notRun('GatewayInvalidFrontendClientCertificateValidation', 'gateway-with-invalid-clientcertificate-validation.go', 'outside-scope', 'listener client-certificate validation (spec.tls.frontend): the listener conditions it sets'),
  notRun('GatewayClassObservedGenerationBump', 'gatewayclass-observed-generation-bump.go', 'observed-generation', 'status.observedGeneration following metadata.generation after an update'),
]

/** The suite's tests of kinds the studio does not route, by family (files `conformance/tests/<prefix>-*.go`). */
export const OTHER_FAMILIES: readonly { readonly prefix: string; readonly tests: number; readonly why: string }[] = [
  { prefix: 'grpcroute', tests: 5, why: 'GRPCRoute' },
  { prefix: 'tlsroute', tests: 13, why: 'TLSRoute (TLS passthrough and termination by SNI)' },
  { prefix: 'tcproute', tests: 8, why: 'TCPRoute' },
  { prefix: 'udproute', tests: 9, why: 'UDPRoute' },
  { prefix: 'listenerset', tests: 13, why: 'ListenerSet' },
  { prefix: 'backendtlspolicy', tests: 5, why: 'BackendTLSPolicy (TLS from the Gateway to the backend)' },
  { prefix: 'mesh/', tests: 22, why: 'mesh (GAMMA): routes whose parent is a Service' },
]
