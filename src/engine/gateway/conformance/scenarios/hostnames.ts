/**
 * Listener selection and hostname tests of the Gateway API conformance suite (kubernetes-sigs/gateway-api
 * v1.6.1, conformance/tests/<source>): hostname intersection, listener hostnames and ports, HTTPS listeners,
 * listener isolation. `case` is the index in the test's `testCases` (per subtest where it has several).
 */
import type { ConformanceScenario, RequestCase } from '../scenario-types'
import { acceptedAndResolved, gatewayAndRoutesAccepted, infra, INFRA_NS, INFRA_READY, readyListener, SAME_NAMESPACE_HTTPS, V1, V2, V3 } from './suite-names'

/** Cases of one subtest, each `[Host, path, backend in gateway-conformance-infra | status]`. */
function hostCases(gateway: string, rows: readonly (readonly [host: string, path: string, answer: string | number])[], scheme?: 'https'): RequestCase[] {
  return rows.map(([host, path, answer], index) => ({
    case: String(index),
    gateway,
    ...(scheme ? { scheme } : {}),
    request: { host, path },
    ...(typeof answer === 'number' ? { response: { statusCodes: [answer] } } : { backend: answer, namespace: INFRA_NS }),
  }))
}

const INTERSECTION = infra('httproute-hostname-intersection')
const INTERSECTION_ALL = infra('httproute-hostname-intersection-all')
const HOSTNAME_MATCHING = infra('httproute-listener-hostname-matching')
const PORT_MATCHING = infra('httproute-listener-port-matching')
const ISOLATION = infra('http-listener-isolation')
const ISOLATION_INTERSECTION = infra('http-listener-isolation-with-hostname-intersection')

/** GatewayHTTPListenerIsolation's `testCases`, sent to both of its Gateways. */
const ISOLATION_ROWS: readonly (readonly [string, string, string | number])[] = [
  // Requests to the empty-hostname listener
  ['bar.com', '/empty-hostname', V1], ['bar.com', '/wildcard-example-com', 404],
  ['bar.com', '/wildcard-foo-example-com', 404], ['bar.com', '/abc-foo-example-com', 404],
  // Requests to the wildcard-example-com listener
  ['bar.example.com', '/empty-hostname', 404], ['bar.example.com', '/wildcard-example-com', V1],
  ['bar.example.com', '/wildcard-foo-example-com', 404], ['bar.example.com', '/abc-foo-example-com', 404],
  // Requests to the foo-wildcard-example-com listener
  ['bar.foo.example.com', '/empty-hostname', 404], ['bar.foo.example.com', '/wildcard-example-com', 404],
  ['bar.foo.example.com', '/wildcard-foo-example-com', V1], ['bar.foo.example.com', '/abc-foo-example-com', 404],
  // Requests to the abc-foo-example-com listener
  ['abc.foo.example.com', '/empty-hostname', 404], ['abc.foo.example.com', '/wildcard-example-com', 404],
  ['abc.foo.example.com', '/wildcard-foo-example-com', 404], ['abc.foo.example.com', '/abc-foo-example-com', V1],
]

export const hostnameScenarios: readonly ConformanceScenario[] = [
  {
    shortName: 'HTTPRouteHostnameIntersection',
    source: 'httproute-hostname-intersection.go',
    manifests: ['httproute-hostname-intersection.yaml'],
    phases: [{
      title: 'HTTPRoutes that do intersect with listener hostnames',
      checks: [INFRA_READY, ...acceptedAndResolved(INTERSECTION,
        infra('specific-host-matches-listener-specific-host'), infra('specific-host-matches-listener-wildcard-host'),
        infra('wildcard-host-matches-listener-specific-host'), infra('wildcard-host-matches-listener-wildcard-host'))],
      requests: hostCases(INTERSECTION, [
        // specific-host-matches-listener-specific-host; the port in the Host header must not be considered.
        ['very.specific.com', '/s1', V1], ['very.specific.com:1234', '/s1', V1], ['non.matching.com', '/s1', 404],
        ['foo.nonmatchingwildcard.io', '/s1', 404], ['foo.wildcard.io', '/s1', 404], ['very.specific.com', '/non-matching-prefix', 404],
        // specific-host-matches-listener-wildcard-host
        ['foo.wildcard.io', '/s2', V2], ['bar.wildcard.io', '/s2', V2], ['foo.bar.wildcard.io', '/s2', V2],
        ['non.matching.com', '/s2', 404], ['wildcard.io', '/s2', 404], ['very.specific.com', '/s2', 404],
        ['foo.wildcard.io', '/non-matching-prefix', 404],
        // wildcard-host-matches-listener-specific-host
        ['very.specific.com', '/s3', V3], ['non.matching.com', '/s3', 404], ['foo.specific.com', '/s3', 404],
        ['foo.wildcard.io', '/s3', 404], ['very.specific.com', '/non-matching-prefix', 404],
        // wildcard-host-matches-listener-wildcard-host
        ['foo.anotherwildcard.io', '/s4', V1], ['bar.anotherwildcard.io', '/s4', V1], ['foo.bar.anotherwildcard.io', '/s4', V1],
        ['anotherwildcard.io', '/s4', 404], ['foo.wildcard.io', '/s4', 404], ['very.specific.com', '/s4', 404],
        ['foo.anotherwildcard.io', '/non-matching-prefix', 404],
      ]).map((row) => ({ ...row, case: `intersect/${row.case}` })),
    }, {
      title: 'HTTPRoutes that do not intersect with listener hostnames',
      checks: [
        gatewayAndRoutesAccepted(INTERSECTION),
        {
          kind: 'route-parents',
          route: infra('no-intersecting-hosts'),
          parents: [{ gateway: INTERSECTION, conditions: [{ type: 'Accepted', status: 'False', reason: 'NoMatchingListenerHostname' }] }],
        },
      ],
      requests: hostCases(INTERSECTION, [['specific.but.wrong.com', '/s5', 404], ['wildcard.io', '/s5', 404]])
        .map((row) => ({ ...row, case: `no-intersection/${row.case}` })),
    }, {
      title: 'HTTPRoutes have to be counted in AttachedRoutes only if they are Accepted',
      checks: [{
        kind: 'gateway-listeners',
        gateway: INTERSECTION,
        listeners: [readyListener('listener-1', 2), readyListener('listener-2', 1), readyListener('listener-3', 1)],
      }],
      requests: [],
    }, {
      title: 'HTTPRoutes intersects with an unspecified hostname listener',
      checks: acceptedAndResolved(INTERSECTION_ALL, infra('httproute-hostname-intersection-all')),
      requests: hostCases(INTERSECTION_ALL, [
        ['first.com', '/', V2], ['sub.first.com', '/', V2], ['second.com', '/', V2], ['sub.second.com', '/', V2],
        // Not among the HTTPRoute's hostnames.
        ['third.com', '/', 404], ['sub.third.com', '/', 404],
      ]).map((row) => ({ ...row, case: `unspecified-listener-hostname/${row.case}` })),
    }],
  },
  {
    shortName: 'HTTPRouteListenerHostnameMatching',
    source: 'httproute-listener-hostname-matching.go',
    manifests: ['httproute-listener-hostname-matching.yaml'],
    phases: [{
      title: 'listeners on one port with different hostnames',
      checks: [INFRA_READY, ...acceptedAndResolved(HOSTNAME_MATCHING, infra('backend-v1'), infra('backend-v2'), infra('backend-v3'))],
      requests: hostCases(HOSTNAME_MATCHING, [
        ['bar.com', '/', V1], ['foo.bar.com', '/', V2], ['baz.bar.com', '/', V3], ['boo.bar.com', '/', V3],
        ['multiple.prefixes.bar.com', '/', V3], ['multiple.prefixes.foo.com', '/', V3], ['foo.com', '/', 404],
        ['no.matching.host', '/', 404],
      ]),
    }],
  },
  {
    shortName: 'HTTPRouteListenerPortMatching',
    source: 'httproute-listener-port-matching.go',
    manifests: ['httproute-listener-port-matching.yaml'],
    phases: [{
      title: 'listeners on different ports, each with a route',
      checks: [INFRA_READY, ...acceptedAndResolved(PORT_MATCHING, infra('backend-v1'), infra('backend-v2'), infra('backend-v3'))],
      // The suite sends a Host with port 8080 / 8090 to that port of the Gateway's address, any other to port 80.
      requests: hostCases(PORT_MATCHING, [
        ['foo.com', '/', V1], ['foo.com:8080', '/', V2], ['bar.com:8080', '/', V2], ['foo.com:8090', '/', V3], ['bar.com:8090', '/', 404],
      ]).map((row) => ({ ...row, port: Number(/:(\d+)$/.exec(row.request.host ?? '')?.[1] ?? 80) })),
    }],
  },
  {
    shortName: 'HTTPRouteHTTPSListener',
    source: 'httproute-https-listener.go',
    manifests: ['httproute-https-listener.yaml'],
    phases: [{
      title: 'HTTPS requests (TLS handshake with SNI = Host) choose the listener by hostname',
      checks: acceptedAndResolved(SAME_NAMESPACE_HTTPS, infra('httproute-https-test'), infra('httproute-https-test-no-hostname')),
      requests: hostCases(SAME_NAMESPACE_HTTPS, [
        ['example.org', '/', V1], ['unknown-example.org', '/', 404], ['second-example.org', '/', V2],
      ], 'https'),
    }],
  },
  {
    shortName: 'HTTPRouteHTTPSListenerDetectMisdirectedRequests',
    source: 'httproute-https-listener-detect-misdirected-requests.go',
    manifests: ['httproute-https-listener-detect-misdirected-requests.yaml'],
    phases: [{
      title: 'HTTPS listeners on one port: a Host another listener serves than the TLS server name chose answers 421',
      checks: acceptedAndResolved(SAME_NAMESPACE_HTTPS,
        infra('https-listener-detect-misdirected-requests-test-1'), infra('https-listener-detect-misdirected-requests-test-2'),
        infra('https-listener-detect-misdirected-requests-test-3'), infra('https-listener-detect-misdirected-requests-test-4')),
      requests: ([
        ['example.org', 'example.org', V1], ['example.org', 'second-example.org', 421], ['example.org', 'unknown-example.org', 404],
        ['second-example.org', 'second-example.org', V2], ['second-example.org', 'example.org', 421],
        ['second-example.org', 'unknown-example.org', 421],
        ['third-example.wildcard.org', 'third-example.wildcard.org', V3], ['third-example.wildcard.org', 'fith-example.wildcard.org', V3],
        ['third-example.wildcard.org', 'fourth-example.wildcard.org', 421], ['third-example.wildcard.org', 'second-example.org', 421],
        ['third-example.wildcard.org', 'unknown-example.org', 421],
        // Since infra-backend-v4 does not exist, infra-backend-v1 is reused for the fourth HTTPRoute.
        ['fourth-example.wildcard.org', 'fourth-example.wildcard.org', V1], ['fourth-example.wildcard.org', 'fith-example.wildcard.org', 421],
        ['unknown-example.org', 'example.org', V1], ['unknown-example.org', 'unknown-example.org', 404],
      ] as const).map(([serverName, host, answer], index): RequestCase => ({
        case: String(index),
        gateway: SAME_NAMESPACE_HTTPS,
        scheme: 'https',
        serverName,
        request: { host, path: '/detect-misdirected-requests' },
        response: { statusCodes: [typeof answer === 'number' ? answer : 200] },
        ...(typeof answer === 'number' ? {} : { backend: answer }),
        namespace: INFRA_NS,
      })),
    }],
  },
  {
    shortName: 'GatewayHTTPListenerIsolation',
    source: 'gateway-http-listener-isolation.go',
    manifests: ['gateway-http-listener-isolation.yaml', 'gateway-http-listener-isolation-with-hostname-intersection.yaml'],
    phases: [{
      title: 'hostnames are configured only in listeners',
      checks: [INFRA_READY, ...acceptedAndResolved(ISOLATION,
        infra('attaches-to-empty-hostname'), infra('attaches-to-wildcard-example-com'),
        infra('attaches-to-wildcard-foo-example-com'), infra('attaches-to-abc-foo-example-com'))],
      requests: hostCases(ISOLATION, ISOLATION_ROWS).map((row) => ({ ...row, case: `listeners-only/${row.case}` })),
    }, {
      title: 'intersecting hostnames are configured in listeners and HTTPRoutes',
      checks: acceptedAndResolved(ISOLATION_INTERSECTION,
        infra('attaches-to-empty-hostname-with-hostname-intersection'), infra('attaches-to-wildcard-example-com-with-hostname-intersection'),
        infra('attaches-to-wildcard-foo-example-com-with-hostname-intersection'), infra('attaches-to-abc-foo-example-com-with-hostname-intersection')),
      requests: hostCases(ISOLATION_INTERSECTION, ISOLATION_ROWS).map((row) => ({ ...row, case: `with-intersection/${row.case}` })),
    }],
  },
]
