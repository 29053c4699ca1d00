/**
 * The chapter's routes written as Gateway API: the seed's three Ingresses become one Gateway (an HTTP listener,
 * and an HTTPS listener for kube-book.com with the seed's TLS Secret) and HTTPRoutes that answer as the Ingresses
 * did, in front of the seed's own Secret, Services and Deployments (cut out of it unchanged). Where Gateway API
 * answers differently (a path prefix matches whole segments), a guided step shows it. Facts: docs/gateway-api.md.
 */
import { SEED_MANIFEST } from './seed'
import type { Preset, StepEffect } from './types'

const documents = SEED_MANIFEST.split('\n---\n')

// Seed document order: 2 Secret kube-book-secret · 3–4 Services s1, s2 · 5–6 Deployments s1, s2 ·
// 7 Deployment websample · 8 Service websample (0, 1 and 9 are the Ingresses this preset rewrites).
const SEED_OBJECTS = [2, 3, 4, 5, 6, 7, 8].map((i) => documents[i] as string).join('\n---\n').replace(/\n*$/, '\n')

export const GATEWAY_ROUTES = `# The chapter's Ingresses as Gateway API: one Gateway, its listeners, and HTTPRoutes
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: example
spec:
  controllerName: example.com/gateway-controller
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: chapter
spec:
  gatewayClassName: example
  listeners:
  - name: http
    protocol: HTTP
    port: 80
  - name: https
    protocol: HTTPS
    port: 443
    hostname: kube-book.com
    tls:
      certificateRefs:
      - name: kube-book-secret
---
# Ingress test, host foo.bar.com: rewrite-target / sends every request to the app as /
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: test-foo
spec:
  parentRefs:
  - name: chapter
    sectionName: http
  hostnames:
  - foo.bar.com
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /foos1
    filters:
    - type: URLRewrite
      urlRewrite:
        path:
          type: ReplaceFullPath
          replaceFullPath: /
    backendRefs:
    - name: s1
      port: 80
  - matches:
    - path:
        type: PathPrefix
        value: /bars2
    filters:
    - type: URLRewrite
      urlRewrite:
        path:
          type: ReplaceFullPath
          replaceFullPath: /
    backendRefs:
    - name: s2
      port: 80
---
# Ingress test, host bar.foo.com: every path to s2 as sent (rewrite-target / equals the path /, so nginx keeps it)
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: test-bar
spec:
  parentRefs:
  - name: chapter
    sectionName: http
  hostnames:
  - bar.foo.com
  rules:
  - backendRefs:
    - name: s2
      port: 80
---
# Ingress ingress-ssl: kube-book.com over HTTPS on the listener that holds its certificate
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ingress-ssl
spec:
  parentRefs:
  - name: chapter
    sectionName: https
  hostnames:
  - kube-book.com
  rules:
  - backendRefs:
    - name: s1
      port: 80
---
# ingress-nginx's ssl-redirect, written out: plain HTTP for kube-book.com answers 308 to https
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ingress-ssl-redirect
spec:
  parentRefs:
  - name: chapter
    sectionName: http
  hostnames:
  - kube-book.com
  rules:
  - filters:
    - type: RequestRedirect
      requestRedirect:
        scheme: https
        statusCode: 308
---
# Ingress websample-ing
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: websample
spec:
  parentRefs:
  - name: chapter
    sectionName: http
  hostnames:
  - 127.0.0.1.xip.io
  rules:
  - backendRefs:
    - name: websample
      port: 5000
`

/** A step that tests `url` through the Gateway (the only one, so also the default: named for a reader and for safety). */
const test = (url: string): StepEffect => ({ view: 'graph', tester: { requests: [{ url }], gateway: 'default/chapter' } })

export const GATEWAY_API: Preset = {
  id: 'gateway-api',
  group: 'chapter',
  manifest: `${GATEWAY_ROUTES}---\n${SEED_OBJECTS}`,
  start: { view: 'graph' },
  steps: [
    { effect: { view: 'graph' } },
    { effect: test('http://foo.bar.com/foos1') },
    { effect: test('http://foo.bar.com/foos1/page?id=7') },
    { effect: test('http://foo.bar.com/foos1abc') },
    { effect: test('http://bar.foo.com/anything/at/all') },
    { effect: test('http://kube-book.com/') },
    { effect: test('https://kube-book.com/') },
    { effect: { view: 'routes' } },
  ],
}
