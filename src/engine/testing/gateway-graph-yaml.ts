/**
 * Gateway API manifests for graph and table tests: a GatewayClass, a Gateway with an HTTP and an HTTPS listener
 * (routes from every namespace), an HTTPRoute `shop/store` with a weighted rule and a rule whose backendRef
 * points into another namespace without a ReferenceGrant, and the Services and a Deployment behind them.
 */
import { deploymentYaml } from './manifests'

export const GATEWAY_CLASS_YAML = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: studio
spec:
  controllerName: example.com/gateway-controller`

export const GATEWAY_YAML = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: web
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
  - name: https
    port: 443
    protocol: HTTPS
    hostname: "*.example.com"
    tls:
      certificateRefs:
      - name: example-cert
    allowedRoutes:
      namespaces:
        from: All`

export const STORE_ROUTE_YAML = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: store
  namespace: shop
spec:
  parentRefs:
  - name: web
    namespace: infra
  hostnames: ["store.example.com"]
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /api
      method: GET
    backendRefs:
    - name: api
      port: 8080
      weight: 90
    - name: api-v2
      port: 8080
      weight: 10
  - matches:
    - path:
        type: Exact
        value: /legacy
    backendRefs:
    - name: legacy
      namespace: other
      port: 80`

/** A Service `name` in `namespace` selecting `app: name` on `port`. */
export function gatewayServiceYaml(namespace: string, name: string, port: number): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  selector:
    app: ${name}
  ports:
  - port: ${port}`
}

/** The Services behind STORE_ROUTE_YAML and a Deployment for `shop/api`. */
export const STORE_BACKENDS_YAML = [
  gatewayServiceYaml('shop', 'api', 8080),
  gatewayServiceYaml('shop', 'api-v2', 8080),
  gatewayServiceYaml('other', 'legacy', 80),
  deploymentYaml('api', { namespace: 'shop', replicas: 2 }),
].join('\n---\n')

/** The ReferenceGrant that lets HTTPRoutes of `shop` refer to Services of `other`. */
export const GRANT_YAML = `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata:
  name: shop-to-other
  namespace: other
spec:
  from:
  - group: gateway.networking.k8s.io
    kind: HTTPRoute
    namespace: shop
  to:
  - group: ""
    kind: Service`

/** The whole scenario: class, Gateway, the store route and its backends. */
export const STORE_SCENARIO = [GATEWAY_CLASS_YAML, GATEWAY_YAML, STORE_ROUTE_YAML, STORE_BACKENDS_YAML].join('\n---\n')

/**
 * A Gateway and `routes` HTTPRoutes for benches: one HTTP listener admitting every namespace; route `r<i>` in
 * namespace `team<i % 10>` answers `h<i>.example.com` with two rules (an Exact path and a prefix split 90/10
 * between two Services), each Service with a Deployment of 2 replicas.
 */
export function httpRouteFleetManifest(routes: number): string {
  const docs = [GATEWAY_CLASS_YAML, GATEWAY_YAML]
  for (let i = 0; i < routes; i++) {
    const namespace = `team${i % 10}`
    docs.push(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: r${i}
  namespace: ${namespace}
spec:
  parentRefs:
  - name: web
    namespace: infra
  hostnames: ["h${i}.example.com"]
  rules:
  - matches:
    - path:
        type: Exact
        value: /login
    backendRefs:
    - name: r${i}-a
      port: 80
  - matches:
    - path:
        type: PathPrefix
        value: /
    backendRefs:
    - name: r${i}-a
      port: 80
      weight: 90
    - name: r${i}-b
      port: 80
      weight: 10`)
    for (const suffix of ['a', 'b']) {
      docs.push(gatewayServiceYaml(namespace, `r${i}-${suffix}`, 80))
      docs.push(deploymentYaml(`r${i}-${suffix}`, { namespace, replicas: 2 }))
    }
  }
  return docs.join('\n---\n')
}
