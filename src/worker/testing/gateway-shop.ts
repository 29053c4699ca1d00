/**
 * A Gateway API scenario for the URL tester's tests (worker, state, e2e/gateway-api.spec.ts), imported by tests
 * only (the worker's and the store's tests may not import src/engine/testing). One Gateway in `infra` that lets every namespace attach, and two HTTPRoutes of `shop` — `store` (a header-match rule before
 * the plain `/cart` rule, and `/`) and `billing`, whose backendRef to the `payments` namespace no ReferenceGrant
 * permits (ResolvedRefs False, RefNotPermitted: a request there answers 500).
 */
export const SHOP_GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: studio
spec:
  controllerName: example.com/studio
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shop-gw
  namespace: infra
spec:
  gatewayClassName: studio
  listeners:
  - name: http
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: All
`

export const SHOP_ROUTES = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: store
  namespace: shop
spec:
  parentRefs:
  - name: shop-gw
    namespace: infra
  hostnames:
  - shop.example
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /cart
      headers:
      - name: x-canary
        value: "true"
    backendRefs:
    - name: cart-v2
      port: 8080
  - matches:
    - path:
        type: PathPrefix
        value: /cart
    backendRefs:
    - name: cart
      port: 8080
  - matches:
    - path:
        type: PathPrefix
        value: /
    backendRefs:
    - name: web
      port: 80
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: billing
  namespace: shop
spec:
  parentRefs:
  - name: shop-gw
    namespace: infra
  hostnames:
  - shop.example
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /billing
    backendRefs:
    - name: billing
      namespace: payments
      port: 80
`

/** A Service in `namespace` selecting `app: name` (no workloads: its endpoints are assumed ready). */
const service = (namespace: string, name: string, port: number): string => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  selector:
    app: ${name}
  ports:
  - port: ${port}
`

/** The Services the routes name, in their namespaces. */
export const SHOP_SERVICES = [service('shop', 'web', 80), service('shop', 'cart', 8080), service('shop', 'cart-v2', 8080), service('payments', 'billing', 80)].join('---\n')

/** An Ingress for shop.example and its Service: beside it, ingress-nginx is the tester's default. */
export const SHOP_INGRESS = `${service('default', 'legacy', 80)}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: legacy
spec:
  ingressClassName: nginx
  rules:
  - host: shop.example
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: legacy
            port:
              number: 80
`

/** The whole scenario: the Gateway, its two HTTPRoutes and the Services. */
export const SHOP_GATEWAY_SCENARIO = [SHOP_GATEWAY, SHOP_ROUTES, SHOP_SERVICES].join('---\n')
