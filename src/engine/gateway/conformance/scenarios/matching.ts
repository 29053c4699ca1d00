/**
 * Matching and precedence tests of the Gateway API conformance suite (kubernetes-sigs/gateway-api v1.6.1,
 * conformance/tests/<source>), transcribed case by case: `case` is the index in the test's `testCases`.
 */
import type { ConformanceScenario, RequestCase } from '../scenario-types'
import { acceptedAndResolved, ALL_NAMESPACES, BACKEND_NAMESPACES, gatewayAndRoutesAccepted, infra, INFRA_NS, SAME_NAMESPACE, V1, V2, V3, WEB_NS } from './suite-names'

/** Cases sent to same-namespace, `http://<gateway address>/…`, each answered by `backend` in gateway-conformance-infra or by `status`. */
function toSameNamespace(rows: readonly (readonly [path: string, backend: string | number, headers?: Record<string, string>, method?: string])[]): RequestCase[] {
  return rows.map(([path, answer, headers, method], index) => ({
    case: String(index),
    gateway: SAME_NAMESPACE,
    request: { path, ...(headers ? { headers } : {}), ...(method ? { method } : {}) },
    ...(typeof answer === 'number' ? { response: { statusCodes: [answer] } } : { backend: answer, namespace: INFRA_NS }),
  }))
}

export const matchingScenarios: readonly ConformanceScenario[] = [
  {
    shortName: 'HTTPRouteSimpleSameNamespace',
    source: 'httproute-simple-same-namespace.go',
    manifests: ['httproute-simple-same-namespace.yaml'],
    phases: [{
      title: 'Simple HTTP request should reach infra-backend',
      checks: acceptedAndResolved(SAME_NAMESPACE, infra('gateway-conformance-infra-test')),
      requests: [{ case: '0', gateway: SAME_NAMESPACE, request: { path: '/' }, response: { statusCodes: [200] }, backend: V1, namespace: INFRA_NS }],
    }],
  },
  {
    shortName: 'HTTPRouteCrossNamespace',
    source: 'httproute-cross-namespace.go',
    manifests: ['httproute-cross-namespace.yaml'],
    phases: [{
      title: 'Simple HTTP request should reach web-backend',
      checks: acceptedAndResolved(BACKEND_NAMESPACES, `${WEB_NS}/cross-namespace`),
      requests: [{ case: '0', gateway: BACKEND_NAMESPACES, request: { path: '/' }, response: { statusCodes: [200] }, backend: 'web-backend', namespace: WEB_NS }],
    }],
  },
  {
    shortName: 'HTTPRouteExactPathMatching',
    source: 'httproute-exact-path-matching.go',
    manifests: ['httproute-exact-path-matching.yaml'],
    phases: [{
      title: 'exact path matches',
      checks: acceptedAndResolved(SAME_NAMESPACE, infra('exact-matching')),
      requests: toSameNamespace([['/one', V1], ['/two', V2], ['/', 404], ['/one/example', 404], ['/two/', 404], ['/Two', 404]]),
    }],
  },
  {
    shortName: 'HTTPRoutePathMatchOrder',
    source: 'httproute-path-match-order.go',
    manifests: ['httproute-path-match-order.yaml'],
    phases: [{
      title: 'match order precedence',
      checks: acceptedAndResolved(SAME_NAMESPACE, infra('path-matching-order')),
      requests: toSameNamespace([
        ['/match/exact/one', V3], ['/match/exact', V2], ['/match', V1],
        ['/match/prefix/one/any', V2], ['/match/prefix/any', V1], ['/match/any', V3],
      ]),
    }],
  },
  {
    shortName: 'HTTPRouteMatching',
    source: 'httproute-matching.go',
    manifests: ['httproute-matching.yaml'],
    phases: [{
      title: 'path and header matching',
      checks: acceptedAndResolved(SAME_NAMESPACE, infra('matching')),
      requests: toSameNamespace([
        ['/', V1], ['/example', V1], ['/', V1, { Version: 'one' }], ['/v2', V2], ['/v2/example', V2],
        ['/', V2, { Version: 'two' }], ['/v2/', V2], ['/v2example', V1], ['/foo/v2/example', V1],
      ]),
    }],
  },
  {
    shortName: 'HTTPRouteMatchingAcrossRoutes',
    source: 'httproute-matching-across-routes.go',
    manifests: ['httproute-matching-across-routes.yaml'],
    phases: [{
      title: 'two routes with path matching',
      checks: acceptedAndResolved(SAME_NAMESPACE, infra('matching-part1'), infra('matching-part2')),
      requests: ([
        ['example.com', '/', V1], ['example.com', '/example', V1], ['example.net', '/example', V1],
        ['example.com', '/example', V1, { Version: 'one' }], ['example.com', '/v2', V2], ['example.net', '/v2', V1],
        ['example.com', '/v2/example', V2], ['example.com', '/', V2, { Version: 'two' }],
      ] as const).map(([host, path, backend, headers], index): RequestCase => ({
        case: String(index), gateway: SAME_NAMESPACE, request: { host, path, ...(headers ? { headers } : {}) }, backend, namespace: INFRA_NS,
      })),
    }],
  },
  {
    shortName: 'HTTPRouteHeaderMatching',
    source: 'httproute-header-matching.go',
    manifests: ['httproute-header-matching.yaml'],
    phases: [{
      title: 'header matching',
      checks: acceptedAndResolved(SAME_NAMESPACE, infra('header-matching')),
      requests: toSameNamespace([
        ['/', V1, { Version: 'one' }], ['/', V2, { Version: 'two' }], ['/', V1, { Version: 'two', Color: 'orange' }],
        ['/', V2, { Version: 'two', Color: 'blue' }], ['/', 404, { Color: 'orange' }], ['/', 404, { 'Some-Other-Header': 'one' }],
        ['/', V1, { Color: 'blue' }], ['/', V1, { Color: 'green' }], ['/', V2, { Color: 'red' }], ['/', V2, { Color: 'yellow' }],
        ['/', 404, { Color: 'purple' }],
      ]),
    }],
  },
  {
    shortName: 'HTTPRouteQueryParamMatching',
    source: 'httproute-query-param-matching.go',
    manifests: ['httproute-query-param-matching.yaml'],
    phases: [{
      title: 'query param matching',
      checks: acceptedAndResolved(SAME_NAMESPACE, infra('query-param-matching')),
      requests: toSameNamespace([
        ['/?animal=whale', V1], ['/?animal=dolphin', V2], ['/?animal=dolphin&color=blue', V3], ['/?ANIMAL=Whale', V3],
        ['/?animal=whale&otherparam=irrelevant', V1], ['/?animal=dolphin&color=yellow', V2], ['/?color=blue', 404],
        ['/?animal=dog', 404], ['/?animal=whaledolphin', 404], ['/', 404],
        // Combinations of query param matching with other core matches.
        ['/path1?animal=whale', V1], ['/?animal=whale', V2, { version: 'one' }], ['/path2?animal=whale', V3, { version: 'two' }],
        // Matches OR'd together match even if only one of them is used in the request.
        ['/path3?animal=shark', V1], ['/path4?animal=kraken', V1, { version: 'three' }],
        // Match types ANDed together do not match when only a subset is in the request.
        ['/?animal=shark', 404], ['/path4?animal=kraken', 404],
        // Requests satisfying several matches follow the spec's precedence.
        ['/path5?animal=hydra', V1], ['/?animal=hydra', V3, { version: 'four' }],
      ]),
    }],
  },
  {
    shortName: 'HTTPRouteMethodMatching',
    source: 'httproute-method-matching.go',
    manifests: ['httproute-method-matching.yaml'],
    phases: [{
      title: 'method matching',
      checks: acceptedAndResolved(SAME_NAMESPACE, infra('method-matching')),
      requests: toSameNamespace([
        ['/', V1, undefined, 'POST'], ['/', V2, undefined, 'GET'], ['/', 404, undefined, 'HEAD'],
        // Combinations of method matching with other core matches.
        ['/path1', V1, undefined, 'GET'], ['/', V2, { version: 'one' }, 'PUT'], ['/path2', V3, { version: 'two' }, 'POST'],
        // Matches OR'd together match even if only one of them is used in the request.
        ['/path3', V1, undefined, 'PATCH'], ['/path4', V1, { version: 'three' }, 'DELETE'],
        // Match types ANDed together do not match when only a subset is in the request.
        ['/', 404, undefined, 'PUT'], ['/path4', 404, undefined, 'DELETE'],
        // Requests satisfying several matches follow the spec's precedence.
        ['/path5', V1, undefined, 'PATCH'], ['/', V2, { version: 'four' }, 'PATCH'],
      ]),
    }],
  },
  {
    shortName: 'HTTPRouteMultipleGateways',
    source: 'httproute-multiple-gateways.go',
    manifests: ['httproute-multiple-gateways.yaml'],
    phases: [{
      title: 'Gateway same-namespace',
      checks: [gatewayAndRoutesAccepted(SAME_NAMESPACE, infra('multiple-gateways-shared-route'), infra('same-namespace-dedicated-route'))],
      requests: [
        { case: 'same-namespace/shared', gateway: SAME_NAMESPACE, request: { path: '/shared' }, response: { statusCodes: [200] }, backend: V1, namespace: INFRA_NS },
        { case: 'same-namespace/dedicated', gateway: SAME_NAMESPACE, request: { path: '/' }, response: { statusCodes: [200] }, backend: V2, namespace: INFRA_NS },
      ],
    }, {
      title: 'Gateway all-namespaces',
      checks: [gatewayAndRoutesAccepted(ALL_NAMESPACES, infra('multiple-gateways-shared-route'), infra('all-namespaces-dedicated-route'))],
      requests: [
        { case: 'all-namespaces/shared', gateway: ALL_NAMESPACES, request: { path: '/shared' }, response: { statusCodes: [200] }, backend: V1, namespace: INFRA_NS },
        { case: 'all-namespaces/dedicated', gateway: ALL_NAMESPACES, request: { path: '/' }, response: { statusCodes: [200] }, backend: V3, namespace: INFRA_NS },
      ],
    }],
  },
  {
    shortName: 'HTTPRouteNamedRule',
    source: 'httproute-named-rule.go',
    manifests: ['httproute-named-rule.yaml'],
    phases: [{
      title: 'named and unnamed rules route',
      checks: acceptedAndResolved(SAME_NAMESPACE, infra('http-named-rules')),
      // No Backend in the upstream cases: any pod answers (an empty prefix).
      requests: [
        { case: '0', gateway: SAME_NAMESPACE, request: { path: '/named' }, response: { statusCodes: [200] }, namespace: INFRA_NS },
        { case: '1', gateway: SAME_NAMESPACE, request: { path: '/unnamed' }, response: { statusCodes: [200] }, namespace: INFRA_NS },
      ],
    }],
  },
  {
    shortName: 'HTTPRouteNoBackendRefs',
    source: 'httproute-omitted-backendrefs.go',
    manifests: ['httproute-omitted-backendrefs.yaml'],
    phases: [{
      title: 'rules with omitted or empty backendRefs answer 500',
      checks: acceptedAndResolved(SAME_NAMESPACE, infra('omitted-backendrefs')),
      requests: toSameNamespace([['/forward', V1], ['/omitted-no-forward', 500], ['/empty-no-forward', 500]]),
    }],
  },
  {
    shortName: 'HTTPRouteServiceTypes',
    source: 'httproute-service-types.go',
    manifests: ['httproute-service-types.yaml'],
    notRun: 'cases 0 and 1 (manual-endpointslices, headless-manual-endpointslices): the test fills those EndpointSlices at run time with the live pod IPs of infra-backend-v1',
    phases: [{
      title: 'a headless Service routes to the pods it selects',
      checks: acceptedAndResolved(SAME_NAMESPACE, infra('service-types')),
      requests: [{ case: '2', gateway: SAME_NAMESPACE, request: { path: '/headless' }, response: { statusCodes: [200] }, backend: V1, namespace: INFRA_NS }],
    }],
  },
]
