/**
 * The official converter's own expectations, as data: kubernetes-sigs/ingress2gateway's end-to-end test
 * `e2e/provider_ingressnginx_test.go` (and the ingress-nginx rows of `e2e/provider_test.go`) applies Ingresses to
 * a real ingress-nginx (Helm chart 4.14.3), converts them, applies the result to a real Gateway (Istio), and sends
 * the same requests to both, asserting each answer (status, Location, which app answered, what it received).
 * Each case below is one upstream subtest: its Ingresses written as YAML from the builder calls, the Services
 * and Deployments its framework deploys, and every request with the answer upstream asserts. The facts are
 * upstream's; the text is ours. Read by `i2g-e2e-cases.test.ts` (docs/migration.md#parity).
 *
 * What the framework deploys (e2e/framework): `BasicIngress()` is an Ingress `foo` of class `nginx` with one rule,
 * path `/` of type Prefix, to Service `dummy-app1` port 80. A rule without host gets `<ingress>.<random>.i2gw.test`
 * before it is applied, and a verifier without Host uses the first rule's host. Backends default to `dummy-app1`
 * only; each is an agnhost `netexec` Deployment (container port `http` 8080) behind a Service of the same name,
 * port `http` 80 → 8080. netexec answers 200 on every path; `/hostname` answers the pod's name (so a body
 * `^dummy-app2` means the Service dummy-app2 answered) and `/header` answers the request's headers as JSON.
 * The random suffixes of hosts and names are fixed here to `e2e`. TLS Secrets are self-signed certificates for
 * their host, as upstream's `GenerateSelfSignedTLSSecret` makes them (made for these cases with openssl; their keys
 * protect nothing).
 *
 * Not repeated: e2e/implementation_test.go runs "basic conversion" and "multiple ingresses" of ingress-nginx against
 * the other Gateway implementations, and e2e/multiprovider_test.go runs the same two Ingresses beside Kong's; the
 * requests and answers are those of the two TestProviders rows below.
 *
 * Out of scope (not routing, or modelled by neither router), every upstream subtest named:
 * - TestIngressNGINXBackendTLS ("valid backend tls produces BackendTLSPolicy", "unsupported annotations emit
 *   warnings but policy still generated", "valid backend tls with body verification"): TLS from the proxy to the
 *   Pod (backend-protocol HTTPS, proxy-ssl-*); the routers end at the Service and do not model the upstream
 *   connection's TLS.
 * - TestIngressNGINXCORS ("typical cors annotations", "cors defaults", "cors denied origin", "cors denied method
 *   and header"): CORS response headers and preflight answers are a response policy, not a routing decision.
 * - TestIngressNGINXTimeouts ("slow response allowed", "short timeout"): proxy timeouts against a slow app; the
 *   routers do not model time.
 * - TestIngressNGINXSSLPassthrough ("basic ssl passthrough creates TLSRoute", "mixed termination: passthrough host
 *   and normal HTTPS host on same gateway", "multiple passthrough hosts on same gateway", "shared host preserves
 *   multiple non-passthrough paths"): ssl-passthrough routes the TLS connection by SNI before HTTP (a TLSRoute on
 *   the Gateway side); neither router models layer-4 passthrough.
 */

/** The answer a verifier asserts (every field it leaves unchecked is absent). */
export interface ExpectedAnswer {
  /** The verifier's AllowedCodes (200 when it names none). */
  readonly status: readonly number[]
  /** The Service whose Pod answered: from a `/hostname` body, or the only app deployed behind a 200. */
  readonly service?: string
  /** The verifier's pattern for the `Location` header (Go RE2 syntax that means the same in JavaScript). */
  readonly location?: string
  /** The path the app received (a `/header` body proves it reached the `/header` handler). */
  readonly upstreamPath?: string
  /** Request headers the app received (a `/header` body lists them). */
  readonly upstreamHeaders?: Readonly<Record<string, string>>
}

/**
 * Where the studio answers otherwise than upstream's expectation and the upstream case depends on a detail of
 * the implementation it ran on (or on something the studio leaves out), the answer the studio gives and why.
 */
export interface StudioDeviation {
  readonly router: 'ingress-nginx' | 'gateway-api'
  readonly answer: ExpectedAnswer
  readonly why: string
  /**
   * Where the difference is the converter's choice: the Gateway and routes ingress2gateway writes for the case
   * (as its source says), which the studio's Gateway router must answer as upstream expects.
   */
  readonly upstreamRoutes?: string
  /** The conversion's finding that warns of this answer (its code, on the Ingress named). */
  readonly reportedAs?: { readonly code: string; readonly ingress: string }
}

/** One request of a verifier. */
export interface UpstreamRequest {
  /** What the verifier checks, in a few words. */
  readonly verifier: string
  /** Scheme, the verifier's Host, and its Path. */
  readonly url: string
  readonly headers?: Readonly<Record<string, string>>
  readonly expected: ExpectedAnswer
  /**
   * A CanaryVerifier: the request is sent `runs` times and the share answered as `expected` must lie strictly
   * between `min` and `max`.
   */
  readonly share?: { readonly runs: number; readonly min: number; readonly max: number }
  readonly deviations?: readonly StudioDeviation[]
}

export interface UpstreamCase {
  /** `TestName/subtest name` in e2e/provider_ingressnginx_test.go (or e2e/provider_test.go). */
  readonly upstream: string
  /** The Ingresses, the apps and the Secrets, as applied. */
  readonly manifest: string
  readonly requests: readonly UpstreamRequest[]
}

const APP1 = 'dummy-app1'
const APP2 = 'dummy-app2'

/** One agnhost netexec app: its Deployment and its Service (e2e/framework/dummy_app.go). */
function dummyApp(name: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: ${name}
        image: registry.k8s.io/e2e-test-images/agnhost:2.39
        args: ["netexec", "--http-port=8080"]
        ports:
        - name: http
          containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
  - name: http
    port: 80
    targetPort: 8080
`
}

/** Self-signed certificates for the TLS cases' hosts. */
const CERTIFICATES: Readonly<Record<string, { readonly crt: string; readonly key: string }>> = {
  'tls-e2e.example.com': {
    crt: `-----BEGIN CERTIFICATE-----
MIIBhjCCASygAwIBAgIBATAKBggqhkjOPQQDAjASMRAwDgYDVQQKDAdBY21lIENv
MB4XDTI2MTIwNDA0MjA1N1oXDTM2MTIwMTA0MjA1N1owEjEQMA4GA1UECgwHQWNt
ZSBDbzBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABBeavKJmNvcJ7NLEPtMQUJzM
sbpYfLn55YJxmuemfyboINTQR4Y77nTeNGkQ+QKyRQKAgVAtbFrNJJlW7xdtUayj
czBxMB0GA1UdDgQWBBSUkeTywdxsDzlraDFmLVayaplpnzAfBgNVHSMEGDAWgBSU
keTywdxsDzlraDFmLVayaplpnzAPBgNVHRMBAf8EBTADAQH/MB4GA1UdEQQXMBWC
E3Rscy1lMmUuZXhhbXBsZS5jb20wCgYIKoZIzj0EAwIDSAAwRQIhALStDzmgj1n5
nPL5eO/QB5o1S+ZvfO/2FfvVdnfXufFxAiB5Sd9SRK4S1tWIC3DxD6cyOx2cQExr
MrVF8mIGmKMS0w==
-----END CERTIFICATE-----`,
    key: `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgHkLlDH3aeemzqgbj
CrWSw39iGR/5o9AkIqHPEZT4qvKhRANCAAQXmryiZjb3CezSxD7TEFCczLG6WHy5
+eWCcZrnpn8m6CDU0EeGO+503jRpEPkCskUCgIFQLWxazSSZVu8XbVGs
-----END PRIVATE KEY-----`,
  },
  'tls-redirect-e2e.example.com': {
    crt: `-----BEGIN CERTIFICATE-----
MIIBjjCCATWgAwIBAgIBATAKBggqhkjOPQQDAjASMRAwDgYDVQQKDAdBY21lIENv
MB4XDTI2MTIwNDA0MjA1N1oXDTM2MTIwMTA0MjA1N1owEjEQMA4GA1UECgwHQWNt
ZSBDbzBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABKSN88StzpVH9BGl/UyLn4mt
yPeJ4zN8SqsSGGWL1W/vu4MdRKg0ThuroBtru0gOzNmKbBq24QwQzsB+/GQ5i6Gj
fDB6MB0GA1UdDgQWBBSLffFg1brBEreXCwGT9vhM5cIAyTAfBgNVHSMEGDAWgBSL
ffFg1brBEreXCwGT9vhM5cIAyTAPBgNVHRMBAf8EBTADAQH/MCcGA1UdEQQgMB6C
HHRscy1yZWRpcmVjdC1lMmUuZXhhbXBsZS5jb20wCgYIKoZIzj0EAwIDRwAwRAIg
U8HM5WfcDRuFy18Y8eFCswEucVkFX4DJQRpdwRuVZKoCIAiMBbr/dBZH/NXc8Lor
WK6htKfB/gzHnLUIgNIBeW8V
-----END CERTIFICATE-----`,
    key: `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgaE2JnPmnHGeKixgR
RED2cPL7CgIwYdx4+Cy7HpSCs/KhRANCAASkjfPErc6VR/QRpf1Mi5+Jrcj3ieMz
fEqrEhhli9Vv77uDHUSoNE4bq6Aba7tIDszZimwatuEMEM7AfvxkOYuh
-----END PRIVATE KEY-----`,
  },
  'tls-noredirect-e2e.example.com': {
    crt: `-----BEGIN CERTIFICATE-----
MIIBkjCCATegAwIBAgIBATAKBggqhkjOPQQDAjASMRAwDgYDVQQKDAdBY21lIENv
MB4XDTI2MTIwNDA0MjA1N1oXDTM2MTIwMTA0MjA1N1owEjEQMA4GA1UECgwHQWNt
ZSBDbzBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABE3kIAYWtvbjqlddJSKtrZTV
4rvPQSlqawYv/mZGWYH8L7la18gFYcFRw250WSVuCW4R61Cf3wc37Bncexqj+n6j
fjB8MB0GA1UdDgQWBBRvjSwg8jinH7n9sI+9vGD4gTXp4DAfBgNVHSMEGDAWgBRv
jSwg8jinH7n9sI+9vGD4gTXp4DAPBgNVHRMBAf8EBTADAQH/MCkGA1UdEQQiMCCC
HnRscy1ub3JlZGlyZWN0LWUyZS5leGFtcGxlLmNvbTAKBggqhkjOPQQDAgNJADBG
AiEA+Bsykph0b3gP0hzoOSPmAQZQuThKERKM1bggXQ3WVsgCIQCsei40P/PrsSkN
InCrBS0f3cT5kb1tmURBBEOJ80BPpw==
-----END CERTIFICATE-----`,
    key: `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgHBgx7FOxJmJFGY6V
D6DCFV6qkfXGlNTZKzjCpXd3KZWhRANCAARN5CAGFrb246pXXSUira2U1eK7z0Ep
amsGL/5mRlmB/C+5WtfIBWHBUcNudFklbgluEetQn98HN+wZ3Hsao/p+
-----END PRIVATE KEY-----`,
  },
}

const indent = (text: string, spaces: number) => text.split('\n').map((line) => `${' '.repeat(spaces)}${line}`).join('\n')

function tlsSecret(name: string, host: string): string {
  const certificate = CERTIFICATES[host]
  if (!certificate) throw new Error(`no certificate for ${host}`)
  return `apiVersion: v1
kind: Secret
metadata:
  name: ${name}
type: kubernetes.io/tls
stringData:
  tls.crt: |
${indent(certificate.crt, 4)}
  tls.key: |
${indent(certificate.key, 4)}
`
}

/** What the builder calls change from `BasicIngress()` (e2e/framework/testcase.go). */
interface Basic {
  readonly name: string
  /** WithHost; without it the framework writes `<name>.e2e.i2gw.test`. */
  readonly host?: string
  /** WithPath (default `/`). */
  readonly path?: string
  /** The path type, where the test sets it by hand (default Prefix). */
  readonly pathType?: 'Prefix' | 'Exact' | 'ImplementationSpecific'
  /** WithBackend (default dummy-app1). */
  readonly backend?: string
  /** WithAnnotation, in call order. */
  readonly annotations?: Readonly<Record<string, string>>
  /** WithTLSSecret(secret, host). */
  readonly tlsSecret?: string
}

const hostOf = (ingress: Basic) => ingress.host ?? `${ingress.name}.e2e.i2gw.test`

function basicIngress(ingress: Basic): string {
  const annotations = Object.entries(ingress.annotations ?? {})
  const metadata = annotations.length === 0 ? '' : `\n  annotations:\n${annotations.map(([key, value]) => `    ${key}: ${JSON.stringify(value)}`).join('\n')}`
  const tls = ingress.tlsSecret ? `\n  tls:\n  - hosts:\n    - ${hostOf(ingress)}\n    secretName: ${ingress.tlsSecret}` : ''
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${ingress.name}${metadata}
spec:
  ingressClassName: nginx${tls}
  rules:
  - host: ${hostOf(ingress)}
    http:
      paths:
      - path: ${ingress.path ?? '/'}
        pathType: ${ingress.pathType ?? 'Prefix'}
        backend:
          service:
            name: ${ingress.backend ?? APP1}
            port:
              number: 80
`
}

const nginx = (key: string) => `nginx.ingress.kubernetes.io/${key}`

function manifest(ingresses: readonly Basic[], apps: readonly string[] = [APP1], secrets: readonly { name: string; host: string }[] = []): string {
  return [...secrets.map((s) => tlsSecret(s.name, s.host)), ...apps.map(dummyApp), ...ingresses.map(basicIngress)].join('---\n')
}

/** Go's regexp.QuoteMeta for a URL (the characters a URL can hold that RE2 reads as special). */
const quoteMeta = (text: string) => text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')

const OK_APP1: ExpectedAnswer = { status: [200], service: APP1 }

/**
 * What ingress2gateway writes for a host ingress-nginx matches by regex (pkg/i2gw/providers/ingressnginx/regex.go,
 * `regexFeature`): every path of every route on a host where some non-canary Ingress has use-regex or a
 * rewrite-target becomes a `RegularExpression` match `(?i)<path>.*`; the Gateway is named after the ingress
 * class. Only the matches and backends are written here: the verifiers check which app answers, nothing more.
 */
function upstreamRegexRoutes(host: string, paths: readonly string[]): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: nginx
spec:
  gatewayClassName: nginx
  listeners:
  - name: http
    hostname: ${host}
    port: 80
    protocol: HTTP
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: regex-host
spec:
  parentRefs:
  - name: nginx
  hostnames:
  - ${host}
  rules:
${paths.map((path) => `  - matches:
    - path:
        type: RegularExpression
        value: ${JSON.stringify(`(?i)${path}.*`)}
    backendRefs:
    - name: ${APP1}
      port: 80`).join('\n')}
`
}

/**
 * The studio's conversion keeps each path's own type on a host ingress-nginx matches by regex and reports the
 * host-wide switch (docs/migration.md#conversion); ingress2gateway writes case-insensitive RegularExpression
 * matches instead, whose support and dialect Gateway API leaves to the implementation (httproute_types.go,
 * PathMatchRegularExpression: implementation-specific; Istio's RE2 reads `(?i)`).
 */
const REGEX_CHOICE = 'The regex switch came from another Ingress on the host: the studio converts this Ingress\'s path with its own type (Exact) and reports, on this Ingress, that ingress-nginx matched it as a case-insensitive regex prefix; upstream\'s converter rewrites every path of the host as a RegularExpression match `(?i)<path>.*`, which Gateway API leaves to the implementation (Istio honours it), so upstream\'s Gateway answers as ingress-nginx did.'

export const I2G_E2E_CASES: readonly UpstreamCase[] = [
  // e2e/provider_test.go, TestProviders, provider ingress-nginx, "to Istio".
  {
    upstream: 'TestProviders/ingress-nginx/to Istio/basic conversion',
    manifest: manifest([{ name: 'foo' }]),
    requests: [{ verifier: 'GET / reaches the app', url: 'http://foo.e2e.i2gw.test/', expected: OK_APP1 }],
  },
  {
    upstream: 'TestProviders/ingress-nginx/to Istio/multiple ingresses',
    manifest: manifest([{ name: 'foo' }, { name: 'bar' }]),
    requests: [
      { verifier: 'foo: GET / reaches the app', url: 'http://foo.e2e.i2gw.test/', expected: OK_APP1 },
      { verifier: 'bar: GET / reaches the app', url: 'http://bar.e2e.i2gw.test/', expected: OK_APP1 },
    ],
  },
  {
    upstream: 'TestIngressNGINXCanary/base canary',
    manifest: manifest([
      { name: 'foo1', host: 'canary-e2e.com' },
      { name: 'foo2', host: 'canary-e2e.com', backend: APP2, annotations: { [nginx('canary')]: 'true', [nginx('canary-weight')]: '20' } },
    ], [APP1, APP2]),
    requests: [
      { verifier: '200 runs of /hostname: 10–30% answered by the canary', url: 'http://canary-e2e.com/hostname', expected: { status: [200], service: APP2 }, share: { runs: 200, min: 0.1, max: 0.3 } },
    ],
  },
  {
    upstream: 'TestIngressNGINXCanary/canary by header at path',
    manifest: manifest([
      { name: 'main', host: 'canary-header-path-e2e.com', path: '/hostname', backend: APP1 },
      { name: 'canary-header', host: 'canary-header-path-e2e.com', path: '/hostname', backend: APP2, annotations: { [nginx('canary')]: 'true', [nginx('canary-by-header')]: 'X-Canary' } },
    ], [APP1, APP2]),
    requests: [
      { verifier: 'X-Canary: always goes to the canary', url: 'http://canary-header-path-e2e.com/hostname', headers: { 'X-Canary': 'always' }, expected: { status: [200], service: APP2 } },
      { verifier: 'without the header, the main backend', url: 'http://canary-header-path-e2e.com/hostname', expected: { status: [200], service: APP1 } },
    ],
  },
  {
    upstream: 'TestIngressNGINXCanary/canary weight and header combined',
    manifest: manifest([
      { name: 'prod', host: 'canary-combined-e2e.com', backend: APP1 },
      { name: 'canary-combined', host: 'canary-combined-e2e.com', backend: APP2, annotations: { [nginx('canary')]: 'true', [nginx('canary-weight')]: '20', [nginx('canary-by-header')]: 'X-Canary' } },
    ], [APP1, APP2]),
    requests: [
      { verifier: 'X-Canary: always, the canary whatever the weight', url: 'http://canary-combined-e2e.com/hostname', headers: { 'X-Canary': 'always' }, expected: { status: [200], service: APP2 } },
      { verifier: 'X-Canary: never, the main backend whatever the weight', url: 'http://canary-combined-e2e.com/hostname', headers: { 'X-Canary': 'never' }, expected: { status: [200], service: APP1 } },
      { verifier: 'no header: 200 runs, 10–30% answered by the canary', url: 'http://canary-combined-e2e.com/hostname', expected: { status: [200], service: APP2 }, share: { runs: 200, min: 0.1, max: 0.3 } },
    ],
  },
  {
    upstream: 'TestIngressNGINXPathRewrite/basic conversion',
    manifest: manifest([{ name: 'foo1', path: '/abc', annotations: { [nginx('rewrite-target')]: '/header', [nginx('x-forwarded-prefix')]: '/abc' } }]),
    requests: [
      {
        verifier: 'GET /abc reaches the app as /header with X-Forwarded-Prefix: /abc',
        url: 'http://foo1.e2e.i2gw.test/abc',
        expected: { status: [200], service: APP1, upstreamPath: '/header', upstreamHeaders: { 'X-Forwarded-Prefix': '/abc' } },
      },
    ],
  },
  {
    upstream: 'TestIngressNGINXTLS/tls ingress and gateway',
    manifest: manifest([{ name: 'foo', host: 'tls-e2e.example.com', tlsSecret: 'tls-cert-e2e' }], [APP1], [{ name: 'tls-cert-e2e', host: 'tls-e2e.example.com' }]),
    requests: [
      { verifier: 'HTTPS reaches the app', url: 'https://tls-e2e.example.com/', expected: OK_APP1 },
      { verifier: 'HTTP answers 308 to https', url: 'http://tls-e2e.example.com/', expected: { status: [308], location: '^https://tls-e2e.example.com/?$' } },
    ],
  },
  {
    upstream: 'TestIngressNGINXTLS/ssl-redirect annotation',
    manifest: manifest([
      { name: 'redirect', host: 'tls-redirect-e2e.example.com', tlsSecret: 'tls-redirect-e2e' },
      { name: 'no-redirect', host: 'tls-noredirect-e2e.example.com', tlsSecret: 'tls-noredirect-e2e', annotations: { [nginx('ssl-redirect')]: 'false' } },
    ], [APP1], [{ name: 'tls-redirect-e2e', host: 'tls-redirect-e2e.example.com' }, { name: 'tls-noredirect-e2e', host: 'tls-noredirect-e2e.example.com' }]),
    requests: [
      { verifier: 'redirect: HTTPS reaches the app', url: 'https://tls-redirect-e2e.example.com/', expected: OK_APP1 },
      { verifier: 'redirect: HTTP answers 308 to https', url: 'http://tls-redirect-e2e.example.com/', expected: { status: [308], location: '^https://tls-redirect-e2e.example.com/?$' } },
      { verifier: 'no-redirect: HTTPS reaches the app', url: 'https://tls-noredirect-e2e.example.com/', expected: OK_APP1 },
      { verifier: 'no-redirect: HTTP reaches the app too', url: 'http://tls-noredirect-e2e.example.com/', expected: OK_APP1 },
    ],
  },
  {
    upstream: 'TestIngressNGINXRedirect/permanent redirect',
    manifest: manifest([{ name: 'permanent-redirect', annotations: { [nginx('permanent-redirect')]: 'https://new-site-e2e.example.com/new-path/' } }]),
    requests: [
      { verifier: '301 to the URL as written', url: 'http://permanent-redirect.e2e.i2gw.test/', expected: { status: [301], location: `^${quoteMeta('https://new-site-e2e.example.com/new-path/')}$` } },
    ],
  },
  {
    upstream: 'TestIngressNGINXRedirect/from-to-www-redirect',
    manifest: manifest([{ name: 'from-to-www-redirect', host: 'example.com', annotations: { [nginx('from-to-www-redirect')]: 'true' } }]),
    requests: [
      { verifier: 'the bare host reaches the app', url: 'http://example.com/', expected: OK_APP1 },
      { verifier: 'www. answers 301 or 308 to the bare host', url: 'http://www.example.com/', expected: { status: [301, 308], location: '^https?://example\\.com(:80)?/?$' } },
    ],
  },
  {
    upstream: 'TestIngressNGINXRedirect/temporal redirect',
    manifest: manifest([{ name: 'temporal-redirect', annotations: { [nginx('temporal-redirect')]: 'https://temp-site-e2e.example.com/temp-path/' } }]),
    requests: [
      { verifier: '302 to the URL as written', url: 'http://temporal-redirect.e2e.i2gw.test/', expected: { status: [302], location: `^${quoteMeta('https://temp-site-e2e.example.com/temp-path/')}$` } },
    ],
  },
  {
    upstream: 'TestIngressNGINXRedirect/permanent redirect with supported custom code',
    manifest: manifest([{ name: 'permanent-redirect-301', annotations: { [nginx('permanent-redirect')]: 'https://custom-code-e2e.example.com/path/', [nginx('permanent-redirect-code')]: '301' } }]),
    requests: [
      { verifier: '301 to the URL as written', url: 'http://permanent-redirect-301.e2e.i2gw.test/', expected: { status: [301], location: `^${quoteMeta('https://custom-code-e2e.example.com/path/')}$` } },
    ],
  },
  {
    upstream: 'TestIngressNGINXRedirect/temporal redirect with supported custom code',
    manifest: manifest([{ name: 'temporal-redirect-302', annotations: { [nginx('temporal-redirect')]: 'https://custom-temp-e2e.example.com/path/', [nginx('temporal-redirect-code')]: '302' } }]),
    requests: [
      { verifier: '302 to the URL as written', url: 'http://temporal-redirect-302.e2e.i2gw.test/', expected: { status: [302], location: `^${quoteMeta('https://custom-temp-e2e.example.com/path/')}$` } },
    ],
  },
  {
    upstream: 'TestIngressNGINXRedirect/redirect with scheme and hostname only',
    manifest: manifest([{ name: 'redirect-hostname-only', annotations: { [nginx('permanent-redirect')]: 'https://another-domain.example.com/' } }]),
    requests: [
      { verifier: 'a deeper path: 301 to the URL as written, the path not appended', url: 'http://redirect-hostname-only.e2e.i2gw.test/some/path', expected: { status: [301], location: `^${quoteMeta('https://another-domain.example.com/')}$` } },
    ],
  },
  {
    upstream: 'TestIngressNGINXRedirect/redirect with port',
    manifest: manifest([{ name: 'redirect-with-port', annotations: { [nginx('temporal-redirect')]: 'https://custom-port-e2e.example.com:8443/secure/' } }]),
    requests: [
      { verifier: '302 to the URL as written, port kept', url: 'http://redirect-with-port.e2e.i2gw.test/', expected: { status: [302], location: `^${quoteMeta('https://custom-port-e2e.example.com:8443/secure/')}$` } },
    ],
  },
  {
    upstream: 'TestIngressNGINXRedirect/both redirect annotations - temporal takes priority',
    manifest: manifest([{ name: 'both-redirects', annotations: { [nginx('permanent-redirect')]: 'https://permanent-e2e.example.com/path/', [nginx('temporal-redirect')]: 'https://temporal-e2e.example.com/path/' } }]),
    requests: [
      { verifier: '302 to the temporal URL', url: 'http://both-redirects.e2e.i2gw.test/', expected: { status: [302], location: `^${quoteMeta('https://temporal-e2e.example.com/path/')}$` } },
    ],
  },
  {
    upstream: 'TestIngressNGINXRegex/host-level matching',
    manifest: manifest([
      { name: 'plain', host: 'regex-host-e2e.example.com', path: '/hoSTn', pathType: 'Exact' },
      { name: 'regex', host: 'regex-host-e2e.example.com', path: '/cliEnt.+', pathType: 'ImplementationSpecific', annotations: { [nginx('use-regex')]: 'true' } },
    ]),
    requests: [
      {
        verifier: 'plain: the Exact /hoSTn, a case-insensitive regex prefix on this host, takes /hostname',
        url: 'http://regex-host-e2e.example.com/hostname',
        expected: OK_APP1,
        deviations: [{ router: 'gateway-api', answer: { status: [404] }, why: REGEX_CHOICE, upstreamRoutes: upstreamRegexRoutes('regex-host-e2e.example.com', ['/hoSTn', '/cliEnt.+']), reportedAs: { code: 'regex-host', ingress: 'plain' } }],
      },
      { verifier: 'regex: /cliEnt.+ takes /clientip, case-insensitively', url: 'http://regex-host-e2e.example.com/clientip', expected: OK_APP1 },
    ],
  },
  {
    upstream: 'TestIngressNGINXRegex/rewrite-target implies host-level matching',
    manifest: manifest([
      { name: 'plain', host: 'rewrite-regex-host-e2e.example.com', path: '/hostn', pathType: 'Exact' },
      { name: 'rewrite-regex', host: 'rewrite-regex-host-e2e.example.com', path: '/client.+', pathType: 'ImplementationSpecific', annotations: { [nginx('rewrite-target')]: '/' } },
    ]),
    requests: [
      {
        verifier: 'plain: the Exact /hostn, a regex prefix on this host, takes /hostname',
        url: 'http://rewrite-regex-host-e2e.example.com/hostname',
        expected: OK_APP1,
        deviations: [{ router: 'gateway-api', answer: { status: [404] }, why: REGEX_CHOICE, upstreamRoutes: upstreamRegexRoutes('rewrite-regex-host-e2e.example.com', ['/hostn', '/client.+']), reportedAs: { code: 'regex-host', ingress: 'plain' } }],
      },
      { verifier: 'rewrite-regex: /client.+ takes /clientip', url: 'http://rewrite-regex-host-e2e.example.com/clientip', expected: OK_APP1 },
    ],
  },
  {
    upstream: 'TestIngressNGINXRegex/regex ending with dollar matches only exact path',
    manifest: manifest([{ name: 'dollar', host: 'regex-dollar-e2e.example.com', path: '/$', pathType: 'ImplementationSpecific', annotations: { [nginx('use-regex')]: 'true' } }]),
    requests: [
      { verifier: '/ matches /$', url: 'http://regex-dollar-e2e.example.com/', expected: OK_APP1 },
      { verifier: '/hostname does not', url: 'http://regex-dollar-e2e.example.com/hostname', expected: { status: [404] } },
      { verifier: '/hostname/ does not', url: 'http://regex-dollar-e2e.example.com/hostname/', expected: { status: [404] } },
    ],
  },
  {
    upstream: 'TestIngressNGINXAppRoot/root path redirects to app-root',
    manifest: manifest([{ name: 'approot', host: 'approot-e2e.example.com', annotations: { [nginx('app-root')]: '/dashboard' } }]),
    requests: [
      { verifier: '/ answers 302 to /dashboard', url: 'http://approot-e2e.example.com/', expected: { status: [302], location: '/dashboard$' } },
      { verifier: 'a sub-path reaches the app', url: 'http://approot-e2e.example.com/hostname', expected: OK_APP1 },
    ],
  },
  {
    upstream: 'TestIngressNGINXAppRoot/exact root path redirects to app-root',
    manifest: manifest([{ name: 'approot-exact', host: 'approot-exact-e2e.example.com', pathType: 'Exact', annotations: { [nginx('app-root')]: '/app1' } }]),
    requests: [{ verifier: '/ answers 302 to /app1', url: 'http://approot-exact-e2e.example.com/', expected: { status: [302], location: '/app1$' } }],
  },
  {
    upstream: 'TestIngressNGINXAppRoot/no root path still redirects to app-root',
    manifest: manifest([{ name: 'approot-noroot', host: 'approot-noroot-e2e.example.com', path: '/foo', annotations: { [nginx('app-root')]: '/app1' } }]),
    requests: [
      { verifier: '/ answers 302 to /app1 though no path is /', url: 'http://approot-noroot-e2e.example.com/', expected: { status: [302], location: '/app1$' } },
      { verifier: '/foo reaches the app', url: 'http://approot-noroot-e2e.example.com/foo', expected: OK_APP1 },
    ],
  },
  {
    upstream: 'TestIngressNGINXAppRoot/absolute URL app-root is ignored',
    manifest: manifest([{ name: 'approot-abs', host: 'approot-abs-e2e.example.com', annotations: { [nginx('app-root')]: 'https://example.com/landing' } }]),
    requests: [{ verifier: 'no redirect: / reaches the app', url: 'http://approot-abs-e2e.example.com/', expected: OK_APP1 }],
  },
  {
    upstream: 'TestIngressNGINXAppRoot/app-root with separate app1 backend',
    manifest: manifest([
      { name: 'approot-main', host: 'approot-multi-e2e.example.com', backend: APP1, annotations: { [nginx('app-root')]: '/app1' } },
      { name: 'approot-app1', host: 'approot-multi-e2e.example.com', path: '/app1', backend: APP2 },
    ], [APP1, APP2]),
    requests: [
      { verifier: '/ answers 302 to /app1', url: 'http://approot-multi-e2e.example.com/', expected: { status: [302], location: '/app1$' } },
      // The verifier checks 200 only; the test's comment says the second app answers, which the Ingress says too.
      { verifier: '/app1 reaches the second app', url: 'http://approot-multi-e2e.example.com/app1', expected: { status: [200], service: APP2 } },
    ],
  },
]
