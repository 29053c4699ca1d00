/**
 * RequestRedirect tests of the Gateway API conformance suite (kubernetes-sigs/gateway-api v1.6.1,
 * conformance/tests/<source>). All requests use `UnfollowRedirect`; the suite compares the Location's scheme,
 * host, port and path, an empty expectation taking http.go `setRedirectRequestDefaults`' default (host: any;
 * scheme and path: the request's; port: the scheme's default or none). `case` is the index in `testCases`.
 */
import type { ConformanceScenario, ExpectedRedirect, RequestCase } from '../scenario-types'
import { acceptedAndResolved, infra, INFRA_NS, SAME_NAMESPACE, SAME_NAMESPACE_HTTPS } from './suite-names'

/** Redirect cases `[path, status, expected Location parts]`, sent to `gateway`. */
function redirects(gateway: string, rows: readonly (readonly [path: string, status: number, redirect: ExpectedRedirect, method?: string])[], options: {
  readonly scheme?: 'https'; readonly port?: number; readonly host?: string; readonly prefix?: string
} = {}): RequestCase[] {
  return rows.map(([path, status, redirect, method], index) => ({
    case: `${options.prefix ?? ''}${index}`,
    gateway,
    ...(options.scheme ? { scheme: options.scheme } : {}),
    ...(options.port ? { port: options.port } : {}),
    request: { path, ...(options.host ? { host: options.host } : {}), ...(method ? { method } : {}) },
    response: { statusCodes: [status] },
    redirectRequest: redirect,
    namespace: INFRA_NS,
  }))
}

const HTTP_8080 = infra('same-namespace-with-http-listener-on-8080')

export const redirectScenarios: readonly ConformanceScenario[] = [
  {
    shortName: 'HTTPRouteRedirectHostAndStatus',
    source: 'httproute-redirect-host-and-status.go',
    manifests: ['httproute-redirect-host-and-status.yaml'],
    phases: [{
      title: 'hostname and statusCode redirects',
      checks: acceptedAndResolved(SAME_NAMESPACE, infra('redirect-host-and-status')),
      requests: redirects(SAME_NAMESPACE, [
        ['/hostname-redirect', 302, { host: 'example.org' }],
        ['/host-and-status', 301, { host: 'example.org' }],
      ]),
    }],
  },
  {
    shortName: 'HTTPRouteRedirectPath',
    source: 'httproute-redirect-path.go',
    manifests: ['httproute-redirect-path.yaml'],
    phases: [{
      title: 'path redirects',
      checks: acceptedAndResolved(SAME_NAMESPACE, infra('redirect-path')),
      requests: redirects(SAME_NAMESPACE, [
        ['/original-prefix/lemon', 302, { path: '/replacement-prefix/lemon' }],
        ['/full/path/original', 302, { path: '/full-path-replacement' }],
        ['/path-and-host', 302, { host: 'example.org', path: '/replacement-prefix' }],
        ['/path-and-status', 301, { path: '/replacement-prefix' }],
        ['/full-path-and-host', 302, { host: 'example.org', path: '/replacement-full' }],
        ['/full-path-and-status', 301, { path: '/replacement-full' }],
      ]),
    }],
  },
  {
    shortName: 'HTTPRouteRedirectPort',
    source: 'httproute-redirect-port.go',
    manifests: ['httproute-redirect-port.yaml'],
    phases: [{
      title: 'port redirects',
      checks: acceptedAndResolved(SAME_NAMESPACE, infra('redirect-port')),
      requests: redirects(SAME_NAMESPACE, [
        ['/port', 302, { port: '8083' }],
        ['/port-and-host', 302, { host: 'example.org', port: '8083' }],
        ['/port-and-status', 301, { port: '8083' }],
        ['/port-and-host-and-status', 302, { port: '8083', host: 'example.org' }],
      ]),
    }],
  },
  {
    shortName: 'HTTPRouteRedirectScheme',
    source: 'httproute-redirect-scheme.go',
    manifests: ['httproute-redirect-scheme.yaml'],
    phases: [{
      title: 'scheme redirects',
      checks: acceptedAndResolved(SAME_NAMESPACE, infra('redirect-scheme')),
      requests: redirects(SAME_NAMESPACE, [
        ['/scheme', 302, { scheme: 'https' }],
        ['/scheme-and-host', 302, { host: 'example.org', scheme: 'https' }],
        ['/scheme-and-status', 301, { scheme: 'https' }],
        ['/scheme-and-host-and-status', 302, { scheme: 'https', host: 'example.org' }],
      ]),
    }],
  },
  {
    shortName: 'HTTPRouteRedirectPortAndScheme',
    source: 'httproute-redirect-port-and-scheme.go',
    manifests: ['httproute-redirect-port-and-scheme.yaml'],
    phases: [{
      title: 'port and scheme redirects from listeners on 80, 8080 and 443 (HTTPS, TLS server name example.org)',
      checks: [
        ...acceptedAndResolved(SAME_NAMESPACE, infra('http-route-for-listener-on-port-80')),
        ...acceptedAndResolved(HTTP_8080, infra('http-route-for-listener-on-port-8080')),
        ...acceptedAndResolved(SAME_NAMESPACE_HTTPS, infra('http-route-for-listener-on-port-443')),
      ],
      requests: [
        ...redirects(SAME_NAMESPACE, [
          ['/scheme-nil-and-port-nil', 302, { scheme: 'http', host: 'example.org' }],
          ['/scheme-nil-and-port-80', 302, { scheme: 'http', host: 'example.org' }],
          ['/scheme-nil-and-port-8080', 302, { scheme: 'http', port: '8080', host: 'example.org' }],
          ['/scheme-https-and-port-nil', 302, { scheme: 'https', host: 'example.org' }],
          ['/scheme-https-and-port-443', 302, { scheme: 'https', host: 'example.org' }],
          ['/scheme-https-and-port-8443', 302, { scheme: 'https', port: '8443', host: 'example.org' }],
        ], { prefix: 'http-listener-on-80/' }),
        ...redirects(HTTP_8080, [
          ['/scheme-nil-and-port-nil', 302, { scheme: 'http', port: '8080', host: 'example.org' }],
          ['/scheme-nil-and-port-80', 302, { scheme: 'http', host: 'example.org' }],
          ['/scheme-https-and-port-nil', 302, { scheme: 'https', host: 'example.org' }],
        ], { prefix: 'http-listener-on-8080/', port: 8080 }),
        ...redirects(SAME_NAMESPACE_HTTPS, [
          ['/scheme-nil-and-port-nil', 302, { scheme: 'https', host: 'example.org' }],
          ['/scheme-nil-and-port-443', 302, { scheme: 'https', host: 'example.org' }],
          ['/scheme-nil-and-port-8443', 302, { scheme: 'https', port: '8443', host: 'example.org' }],
          ['/scheme-http-and-port-nil', 302, { scheme: 'http', host: 'example.org' }],
          ['/scheme-http-and-port-80', 302, { scheme: 'http', host: 'example.org' }],
          ['/scheme-http-and-port-8080', 302, { scheme: 'http', port: '8080', host: 'example.org' }],
        ], { prefix: 'https-listener-on-443/', scheme: 'https', host: 'example.org' }),
      ],
    }],
  },
  ...([
    ['HTTPRoute303Redirect', '303', '/see-other', 303, 'POST'],
    ['HTTPRoute307Redirect', '307', '/temporary', 307, undefined],
    ['HTTPRoute308Redirect', '308', '/permanent', 308, undefined],
  ] as const).map(([shortName, code, path, status, method]): ConformanceScenario => ({
    shortName,
    source: `httproute-${code}-redirect.go`,
    manifests: [`httproute-${code}-redirect.yaml`],
    phases: [{
      title: `a ${code} redirect`,
      checks: acceptedAndResolved(SAME_NAMESPACE, infra(`${code}-redirect`)),
      requests: redirects(SAME_NAMESPACE, [[path, status, { path }, method]]),
    }],
  })),
]
