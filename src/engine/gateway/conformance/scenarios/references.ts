/**
 * Reference and attachment tests of the Gateway API conformance suite (kubernetes-sigs/gateway-api v1.6.1,
 * conformance/tests/<source>): invalid parentRefs and backendRefs, ReferenceGrant, disallowed route kinds.
 */
import type { ConformanceScenario, StatusCheck } from '../scenario-types'
import {
  acceptedAndResolved, APP_NS, gatewayAndRoutesAccepted, infra, resolvedRefsTrue, routeCondition, SAME_NAMESPACE, WEB_NS,
} from './suite-names'

/** The three assertions of a route that must not attach (`Accepted=False` with `reason`, no accepted parent, no route on the Gateway). */
function notAttached(route: string, gateway: string, reason: string): StatusCheck[] {
  return [
    routeCondition(route, gateway, { type: 'Accepted', status: 'False', reason }),
    { kind: 'route-no-accepted-parents', route },
    { kind: 'gateway-zero-routes', gateway },
  ]
}

export const referenceScenarios: readonly ConformanceScenario[] = [
  {
    shortName: 'HTTPRouteInvalidBackendRefUnknownKind',
    source: 'httproute-invalid-backendref-unknown-kind.go',
    manifests: ['httproute-invalid-backendref-unknown-kind.yaml'],
    phases: [{
      title: 'a backendRef of an unknown kind: ResolvedRefs False InvalidKind, requests answered 500',
      checks: [
        gatewayAndRoutesAccepted(SAME_NAMESPACE, infra('invalid-backend-ref-unknown-kind')),
        routeCondition(infra('invalid-backend-ref-unknown-kind'), SAME_NAMESPACE, { type: 'ResolvedRefs', status: 'False', reason: 'InvalidKind' }),
      ],
      requests: [{ case: '0', gateway: SAME_NAMESPACE, request: { method: 'GET', path: '/v2' }, response: { statusCodes: [500] } }],
    }],
  },
  {
    shortName: 'HTTPRouteInvalidCrossNamespaceBackendRef',
    source: 'httproute-invalid-cross-namespace-backend-ref.go',
    manifests: ['httproute-invalid-cross-namespace-backend-ref.yaml'],
    phases: [{
      title: 'a cross-namespace backendRef without ReferenceGrant: RefNotPermitted, 500',
      checks: [
        gatewayAndRoutesAccepted(SAME_NAMESPACE, infra('invalid-cross-namespace-backend-ref')),
        routeCondition(infra('invalid-cross-namespace-backend-ref'), SAME_NAMESPACE, { type: 'ResolvedRefs', status: 'False', reason: 'RefNotPermitted' }),
      ],
      requests: [{ case: '0', gateway: SAME_NAMESPACE, request: { method: 'GET', path: '/' }, response: { statusCodes: [500] } }],
    }],
  },
  {
    shortName: 'HTTPRouteInvalidCrossNamespaceParentRef',
    source: 'httproute-invalid-cross-namespace-parent-ref.go',
    manifests: ['httproute-invalid-cross-namespace-parent-ref.yaml'],
    phases: [{
      title: 'a route in another namespace than a from: Same listener allows',
      checks: [
        resolvedRefsTrue(`${WEB_NS}/invalid-cross-namespace-parent-ref`, SAME_NAMESPACE),
        ...notAttached(`${WEB_NS}/invalid-cross-namespace-parent-ref`, SAME_NAMESPACE, 'NotAllowedByListeners'),
      ],
      requests: [],
    }],
  },
  {
    shortName: 'HTTPRouteInvalidNonExistentBackendRef',
    source: 'httproute-invalid-nonexistent-backendref.go',
    manifests: ['httproute-invalid-nonexistent-backendref.yaml'],
    phases: [{
      title: 'a backendRef to a missing Service: BackendNotFound, 500',
      checks: [
        gatewayAndRoutesAccepted(SAME_NAMESPACE, infra('invalid-nonexistent-backend-ref')),
        routeCondition(infra('invalid-nonexistent-backend-ref'), SAME_NAMESPACE, { type: 'ResolvedRefs', status: 'False', reason: 'BackendNotFound' }),
      ],
      requests: [{ case: '0', gateway: SAME_NAMESPACE, request: { method: 'GET', path: '/' }, response: { statusCodes: [500] } }],
    }],
  },
  {
    shortName: 'HTTPRouteInvalidParentRefNotMatchingListenerPort',
    source: 'httproute-invalid-parentref-not-matching-listener-port.go',
    manifests: ['httproute-invalid-parentref-not-matching-listener-port.yaml'],
    phases: [{
      title: 'a parentRef port no listener has',
      checks: [
        resolvedRefsTrue(infra('httproute-listener-not-matching-route-port'), SAME_NAMESPACE),
        ...notAttached(infra('httproute-listener-not-matching-route-port'), SAME_NAMESPACE, 'NoMatchingParent'),
      ],
      requests: [],
    }],
  },
  {
    shortName: 'HTTPRouteInvalidParentRefNotMatchingSectionName',
    source: 'httproute-invalid-parentref-not-matching-section-name.go',
    manifests: ['httproute-invalid-parentref-not-matching-section-name.yaml'],
    phases: [{
      title: 'a parentRef sectionName no listener has',
      checks: notAttached(infra('httproute-listener-not-matching-section-name'), SAME_NAMESPACE, 'NoMatchingParent'),
      requests: [],
    }],
  },
  {
    shortName: 'HTTPRouteInvalidParentRefSectionNameNotMatchingPort',
    source: 'httproute-invalid-parentref-section-name-not-matching-port.go',
    manifests: ['httproute-invalid-parentref-section-name-not-matching-port.yaml'],
    phases: [{
      title: 'a parentRef whose sectionName and port name different listeners',
      checks: notAttached(infra('httproute-listener-section-name-not-matching-port'),
        infra('gateway-with-one-not-matching-port-and-section-name-route'), 'NoMatchingParent'),
      requests: [],
    }],
  },
  {
    shortName: 'HTTPRouteInvalidReferenceGrant',
    source: 'httproute-invalid-reference-grant.go',
    manifests: ['httproute-invalid-reference-grant.yaml'],
    phases: [{
      title: 'ReferenceGrants that do not cover the backendRef',
      checks: [
        gatewayAndRoutesAccepted(SAME_NAMESPACE, infra('reference-grant')),
        routeCondition(infra('reference-grant'), SAME_NAMESPACE, { type: 'ResolvedRefs', status: 'False', reason: 'RefNotPermitted' }),
      ],
      // Upstream also names Backend web-backend and its namespace; the suite compares those only on a 200.
      requests: [{ case: '0', gateway: SAME_NAMESPACE, request: { method: 'GET', path: '/' }, response: { statusCodes: [500] }, backend: 'web-backend', namespace: WEB_NS }],
    }],
  },
  {
    shortName: 'HTTPRouteReferenceGrant',
    source: 'httproute-reference-grant.go',
    manifests: ['httproute-reference-grant.yaml'],
    phases: [{
      title: 'Simple HTTP request should reach web-backend',
      checks: acceptedAndResolved(SAME_NAMESPACE, infra('reference-grant')),
      requests: [{ case: 'granted', gateway: SAME_NAMESPACE, request: { method: 'GET', path: '/' }, response: { statusCodes: [200] }, backend: 'web-backend', namespace: WEB_NS }],
    }, {
      title: 'Simple HTTP request should return 500 after deleting the relevant reference grant',
      edits: [{ kind: 'delete', object: { kind: 'ReferenceGrant', namespace: WEB_NS, name: 'reference-grant' } }],
      checks: [],
      requests: [{ case: 'grant-deleted', gateway: SAME_NAMESPACE, request: { method: 'GET', path: '/' }, response: { statusCodes: [500] } }],
    }],
  },
  {
    shortName: 'HTTPRoutePartiallyInvalidViaInvalidReferenceGrant',
    source: 'httproute-partially-invalid-via-invalid-reference-grant.go',
    manifests: ['httproute-partially-invalid-via-invalid-reference-grant.yaml'],
    phases: [{
      title: 'a ReferenceGrant for one Service of the namespace but not the other',
      checks: [
        gatewayAndRoutesAccepted(SAME_NAMESPACE, infra('invalid-reference-grant')),
        routeCondition(infra('invalid-reference-grant'), SAME_NAMESPACE, { type: 'ResolvedRefs', status: 'False', reason: 'RefNotPermitted' }),
      ],
      requests: [
        { case: 'invalid-backend', gateway: SAME_NAMESPACE, request: { method: 'GET', path: '/v2' }, response: { statusCodes: [500] } },
        { case: 'valid-sibling', gateway: SAME_NAMESPACE, request: { method: 'GET', path: '/' }, response: { statusCodes: [200] }, backend: 'app-backend-v1', namespace: APP_NS },
      ],
    }],
  },
  {
    shortName: 'HTTPRouteDisallowedKind',
    source: 'httproute-disallowed-kind.go',
    manifests: ['httproute-disallowed-kind.yaml'],
    notRun: 'its NamespacesMustBeReady: the tlsroutes-only Gateway (a TLS Passthrough listener for TLSRoute) must be Programmed, which needs TLSRoute support (the test lists SupportTLSRoute among its features; the studio routes HTTPRoutes only)',
    phases: [{
      title: 'a Gateway whose only listener allows TLSRoute',
      checks: [
        resolvedRefsTrue(infra('disallowed-kind'), infra('tlsroutes-only')),
        ...notAttached(infra('disallowed-kind'), infra('tlsroutes-only'), 'NotAllowedByListeners'),
      ],
      requests: [],
    }],
  },
]

