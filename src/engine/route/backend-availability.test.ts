/**
 * The Service rule (docs/routing.md#assumptions) and the default-backend annotation
 * (docs/routing.md#default-backend-annotation): a spec table of manifests → the answer ingress-nginx gives, with
 * the upstream source of each row; then the same fact as the trace, the route table and the lints say it.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { formatMessage } from '../messages/render'
import { analyzeText } from '../testing/analyze-text'
import { deploymentYaml } from '../testing/manifests'
import { modelOf } from '../testing/models'
import { compileRoutes } from './compile-routes'
import { buildRouteTable } from './route-table'
import { routeRequest } from './route-request'
import type { RouteResult } from './types'

const INGRESS = (backend: string, port: string, annotations = ''): string => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
${annotations ? `  annotations:\n${annotations}\n` : ''}spec:
  rules:
  - host: shop.test
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: ${backend}
            port:
              ${port}
`

const SERVICE = (name: string, body = `  selector:\n    app: ${name}\n  ports:\n  - name: http\n    port: 80\n    targetPort: 8080`): string => `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: shop
spec:
${body}
`

const DEPLOYMENT = (name: string, replicas = 2, portName = 'web'): string =>
  '---\n' + deploymentYaml(name, { namespace: 'shop', replicas, containers: [{ ports: [{ name: portName, containerPort: 8080 }] }] })

function route(text: string, url = 'http://shop.test/a/b'): RouteResult {
  return routeRequest(compileRoutes(modelOf(text)), { url })
}

const english = (result: RouteResult): string => result.trace.map((step) => formatMessage(step)).join('\n')

/** Each row: manifests, the answer for GET http://shop.test/a/b, and where ingress-nginx decides it. */
const ROWS: readonly { name: string; text: string; status: number; upstream: string | null; reason: string; source: string }[] = [
  {
    name: 'no Service in the manifests: every Service is assumed to exist with ready endpoints',
    text: INGRESS('web', 'number: 80'), status: 200, upstream: 'shop-web-80', reason: 'assumed-no-services',
    source: 'the studio\'s assumption (docs/routing.md#assumptions); the issue 14 rule',
  },
  {
    name: 'the Service exists and selects running pods',
    text: INGRESS('web', 'number: 80') + SERVICE('web') + DEPLOYMENT('web'), status: 200, upstream: 'shop-web-80', reason: 'selects-pods',
    source: 'controller.go serviceEndpoints → endpointslices.go getEndpointsFromSlices',
  },
  {
    name: 'a Service the manifests (which hold Services) lack: upstream without endpoints, 503',
    text: INGRESS('api', 'number: 80') + SERVICE('web') + DEPLOYMENT('web'), status: 503, upstream: null, reason: 'service-missing',
    source: 'controller.go createUpstreams (serviceEndpoints error: continue, no endpoints); balancer.lua sync_backend / _M.rewrite → 503',
  },
  {
    name: 'a port number the Service lacks',
    text: INGRESS('web', 'number: 81') + SERVICE('web') + DEPLOYMENT('web'), status: 503, upstream: null, reason: 'port-missing',
    source: 'controller.go serviceEndpoints: no Service port matches by number, targetPort or name',
  },
  {
    name: 'a port number equal to the Service\'s targetPort still matches',
    text: INGRESS('web', 'number: 8080') + SERVICE('web') + DEPLOYMENT('web'), status: 200, upstream: 'shop-web-8080', reason: 'selects-pods',
    source: 'controller.go serviceEndpoints: servicePort.TargetPort.String() == backendPort',
  },
  {
    name: 'a port name the Service lacks',
    text: INGRESS('web', 'name: https') + SERVICE('web') + DEPLOYMENT('web'), status: 503, upstream: null, reason: 'port-missing',
    source: 'controller.go serviceEndpoints: servicePort.Name == backendPort fails for every port',
  },
  {
    name: 'a port name the Service has',
    text: INGRESS('web', 'name: http') + SERVICE('web') + DEPLOYMENT('web'), status: 200, upstream: 'shop-web-http', reason: 'selects-pods',
    source: 'controller.go serviceEndpoints',
  },
  {
    name: 'an ExternalName Service: proxied to the external name (resolved in Lua)',
    text: INGRESS('ext', 'number: 443') + SERVICE('ext', '  type: ExternalName\n  externalName: api.example.com'), status: 200, upstream: 'shop-ext-443', reason: 'external-name',
    source: 'controller.go serviceEndpoints (ExternalName before the ports) → getEndpointsFromSlices; balancer.lua resolve_external_names',
  },
  {
    name: 'an ExternalName Service for localhost: refused, 503',
    text: INGRESS('ext', 'number: 80') + SERVICE('ext', '  type: ExternalName\n  externalName: localhost'), status: 503, upstream: null, reason: 'external-name-refused',
    source: 'endpointslices.go getEndpointsFromSlices: "Invalid attempt to use localhost name"',
  },
  {
    name: 'an ExternalName Service for a loopback IP: refused, 503',
    text: INGRESS('ext', 'number: 80') + SERVICE('ext', '  type: ExternalName\n  externalName: 127.0.0.1'), status: 503, upstream: null, reason: 'external-name-refused',
    source: 'endpointslices.go getEndpointsFromSlices: ip.IsLoopback()',
  },
  {
    name: 'an ExternalName Service for an IP address: used as is',
    text: INGRESS('ext', 'number: 80') + SERVICE('ext', '  type: ExternalName\n  externalName: 10.0.0.5'), status: 200, upstream: 'shop-ext-80', reason: 'external-name',
    source: 'endpointslices.go getEndpointsFromSlices: an IP needs no DNS validation',
  },
  {
    name: 'a selector that matches no Deployment while the namespace holds a StatefulSet: assumed',
    text: INGRESS('web', 'number: 80') + SERVICE('web', '  selector:\n    app: db\n  ports:\n  - port: 80') + DEPLOYMENT('other') + '---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n  namespace: shop\nspec: {}\n',
    status: 200, upstream: 'shop-web-80', reason: 'unmodelled-workloads',
    source: 'the studio\'s assumption (docs/routing.md#assumptions): it does not read StatefulSet pods',
  },
  {
    name: 'a selector that matches no pod template while the namespace has Deployments',
    text: INGRESS('web', 'number: 80') + SERVICE('web', '  selector:\n    app: nope\n  ports:\n  - port: 80') + DEPLOYMENT('web'), status: 503, upstream: null, reason: 'selects-nothing',
    source: 'no pods → no EndpointSlice endpoints (getEndpointsFromSlices returns none) → balancer.lua 503',
  },
  {
    name: 'a selector whose Deployments are scaled to 0',
    text: INGRESS('web', 'number: 80') + SERVICE('web') + DEPLOYMENT('web', 0), status: 503, upstream: null, reason: 'zero-replicas',
    source: 'replicas: 0 → no pods → no endpoints → balancer.lua 503',
  },
  {
    name: 'a named targetPort no selected container defines',
    text: INGRESS('web', 'number: 80') + SERVICE('web', '  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: http') + DEPLOYMENT('web', 2, 'web'), status: 503, upstream: null, reason: 'target-port-unresolved',
    source: 'EndpointSlices carry no port for the name; getEndpointsFromSlices: a named targetPort with no port → no endpoint',
  },
  {
    name: 'Services but no Deployment in the namespace: the pods are assumed',
    text: INGRESS('web', 'number: 80') + SERVICE('web'), status: 200, upstream: 'shop-web-80', reason: 'no-workloads',
    source: 'the studio\'s assumption (docs/routing.md#assumptions): pods may come from elsewhere',
  },
  {
    name: 'a Service without selector: endpoints managed by hand, assumed',
    text: INGRESS('web', 'number: 80') + SERVICE('web', '  ports:\n  - port: 80') + DEPLOYMENT('other'), status: 200, upstream: 'shop-web-80', reason: 'no-selector',
    source: 'EndpointSlices written by hand (not read by the studio)',
  },
]

describe('the Service rule, per upstream (spec table)', () => {
  test.each(ROWS)('$name ($source)', ({ text, status, upstream, reason }) => {
    const result = route(text)
    expect(result.status).toBe(status)
    expect(result.upstream).toBe(upstream)
    const compiled = compileRoutes(modelOf(text))
    const own = compiled.upstreams.find((u) => u.ingress?.name === 'web')
    expect(own?.availability.reason).toBe(reason)
    if (status === 503) {
      expect(result.unavailable).toMatchObject({ reason, customDefaultBackend: null })
      expect(result.service).not.toBeNull()
      expect(english(result)).toMatch(/has no endpoints: .*balancer\.lua.*503/)
      expect(english(result)).toMatch(/Answer: 503 Service Unavailable/)
    } else {
      expect(result.unavailable).toBeUndefined()
    }
  })

  test('with no Service in the manifests the trace says the Service is assumed', () => {
    expect(english(route(INGRESS('web', 'number: 80')))).toContain('the manifests contain no Service, so the studio assumes Service shop/web exists and has ready endpoints')
  })

  test('the 503 comes after the redirects: a permanent-redirect still answers (nginx runs return before the Lua balancer)', () => {
    const text = INGRESS('api', 'number: 80', '    nginx.ingress.kubernetes.io/permanent-redirect: https://elsewhere.test/') + SERVICE('web')
    expect(route(text)).toMatchObject({ status: 301, location: 'https://elsewhere.test/' })
  })
})

const ANNOTATED = (backend: string, fallback: string): string =>
  INGRESS(backend, 'number: 80', `    nginx.ingress.kubernetes.io/default-backend: ${fallback}`)

describe('the default-backend annotation (spec table)', () => {
  const rows = [
    {
      name: 'the Ingress\'s Service is missing: the request goes to the annotation\'s Service with X-Code 503',
      text: ANNOTATED('invalid', 'errors') + SERVICE('errors') + DEPLOYMENT('errors'),
      status: 200, upstream: 'custom-default-backend-shop-errors', service: 'errors', port: 80,
      source: 'test/e2e/annotations/default_backend.go "should use a custom default backend as upstream" (Service "invalid", 200 with x-code=503)',
    },
    {
      name: 'the Ingress\'s Service has endpoints: the annotation is not used',
      text: ANNOTATED('web', 'errors') + SERVICE('web') + SERVICE('errors') + DEPLOYMENT('web') + DEPLOYMENT('errors'),
      status: 200, upstream: 'shop-web-80', service: 'web', port: 80,
      source: 'controller.go shouldCreateUpstreamForLocationDefaultBackend (only with no endpoints or custom-http-errors)',
    },
    {
      name: 'the annotation\'s own Service is missing: the annotation is dropped, 503',
      text: ANNOTATED('invalid', 'errors') + SERVICE('web') + DEPLOYMENT('web'),
      status: 503, upstream: null, service: 'invalid', port: 80,
      source: 'annotations/defaultbackend/main.go Parse: GetService error → not a validation error, the annotation is skipped (annotations.go Extract)',
    },
    {
      name: 'the annotation\'s Service has no endpoints itself: 503',
      text: ANNOTATED('invalid', 'errors') + SERVICE('errors') + DEPLOYMENT('errors', 0),
      status: 503, upstream: null, service: 'invalid', port: 80,
      source: 'controller.go getBackendServers: "custom backend is valid only if contains at least one endpoint"',
    },
    {
      name: 'the annotation\'s Service has no ports: ignored, 503',
      text: ANNOTATED('invalid', 'errors') + SERVICE('errors', '  type: ExternalName\n  externalName: errors.example.com'),
      status: 503, upstream: null, service: 'invalid', port: 80,
      source: 'controller.go getBackendServers: "Custom default backend service … has no ports. Ignoring"',
    },
    {
      name: 'the annotation\'s Service has several ports: the first one receives the traffic',
      text: ANNOTATED('invalid', 'errors') + SERVICE('errors', '  selector:\n    app: errors\n  ports:\n  - name: b\n    port: 8081\n  - name: a\n    port: 8080') + DEPLOYMENT('errors'),
      status: 200, upstream: 'custom-default-backend-shop-errors', service: 'errors', port: 8081,
      source: 'annotations.md "Default Backend": the first port; controller.go: DefaultBackend.Spec.Ports[0]',
    },
  ]
  test.each(rows)('$name ($source)', ({ text, status, upstream, service, port }) => {
    const result = route(text)
    expect(result).toMatchObject({ status, upstream, service, port })
    if (upstream?.startsWith('custom-')) {
      expect(result.unavailable?.customDefaultBackend).toBe(upstream)
      expect(english(result)).toContain('X-Code: 503')
    }
  })

  test('a rewrite still applies: the default backend receives the rewritten URI (the rewrite runs in the location before the Lua balancer)', () => {
    const text = INGRESS('invalid', 'number: 80', '    nginx.ingress.kubernetes.io/default-backend: errors\n    nginx.ingress.kubernetes.io/rewrite-target: /x/$1\n    nginx.ingress.kubernetes.io/use-regex: "true"').replace('path: /', 'path: /a/(.*)').replace('pathType: Prefix', 'pathType: ImplementationSpecific') + SERVICE('errors') + DEPLOYMENT('errors')
    expect(route(text)).toMatchObject({ status: 200, upstream: 'custom-default-backend-shop-errors', upstreamUri: '/x/b' })
  })

  test('a name that is no DNS-1035 label: with validation on (v1.12+) the Ingress is rejected; with it off the annotation is dropped (defaultbackend/main.go ValidateServiceName; annotations.go Extract)', () => {
    const text = ANNOTATED('invalid', 'Error_Pages') + SERVICE('errors') + DEPLOYMENT('errors')
    const rejected = compileRoutes(modelOf(text))
    expect(rejected.ingresses[0]?.served).toBe(false)
    expect(routeRequest(rejected, { url: 'http://shop.test/' }).status).toBe(404)
    const off = compileRoutes(modelOf(text), { annotationValidation: false })
    expect(off.defaultBackendAnnotations[0]).toMatchObject({ usable: false, upstream: null })
    expect(routeRequest(off, { url: 'http://shop.test/' }).status).toBe(503)
  })

  test('with no Service in the manifests the annotation is never used (every Service is assumed to have endpoints)', () => {
    expect(route(ANNOTATED('web', 'errors'))).toMatchObject({ status: 200, upstream: 'shop-web-80' })
  })
})

const CANARY = (backend: string): string => `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web-canary
  namespace: shop
  annotations:
    nginx.ingress.kubernetes.io/canary: "true"
    nginx.ingress.kubernetes.io/canary-by-header: X-Canary
spec:
  rules:
  - host: shop.test
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: ${backend}
            port:
              number: 80
`

describe('canaries and upstreams without endpoints (balancer.lua get_balancer / route_to_alternative_balancer)', () => {
  const always = { url: 'http://shop.test/', headers: { 'X-Canary': 'always' } }
  test('a canary without endpoints keeps the primary ("no alternative balancer"), before its rules are read', () => {
    const routes = compileRoutes(modelOf(INGRESS('web', 'number: 80') + CANARY('next') + SERVICE('web') + DEPLOYMENT('web')))
    const result = routeRequest(routes, always)
    expect(result).toMatchObject({ status: 200, upstream: 'shop-web-80', canary: false })
    expect(english(result)).toContain('Canary upstream shop-next-80 has no endpoints')
  })
  test('a primary without endpoints answers 503 even for a request the canary would take (get_balancer stops first)', () => {
    const routes = compileRoutes(modelOf(INGRESS('gone', 'number: 80') + CANARY('web') + SERVICE('web') + DEPLOYMENT('web')))
    expect(routeRequest(routes, always)).toMatchObject({ status: 503, canary: false })
  })
  test('the custom default backend is a copy of the primary\'s upstream, canary included (controller.go DeepCopy)', () => {
    const text = ANNOTATED('gone', 'errors') + CANARY('web') + SERVICE('web') + DEPLOYMENT('web') + SERVICE('errors') + DEPLOYMENT('errors')
    const routes = compileRoutes(modelOf(text))
    const canary = routeRequest(routes, always)
    expect(canary).toMatchObject({ status: 200, upstream: 'shop-web-80', canary: true })
    // The canary's own Service answered: the result and its closing step do not speak of the default backend.
    expect(canary.unavailable).toBeUndefined()
    expect(formatMessage(canary.trace.at(-1)!)).toMatch(/^Answer: proxied to web:/)
    expect(routeRequest(routes, { url: 'http://shop.test/' })).toMatchObject({ status: 200, upstream: 'custom-default-backend-shop-errors', canary: false })
  })
})

describe('one fact: the route table and the lints say what routing answers', () => {
  test('the route table notes the 503 and the lint says 503', () => {
    const text = INGRESS('api', 'number: 80') + SERVICE('web') + DEPLOYMENT('web')
    const notes = buildRouteTable(compileRoutes(modelOf(text)))[0]?.notes.map((n) => formatMessage(n)) ?? []
    expect(notes.join('\n')).toContain('no endpoints: Service shop/api is not in the manifests')
    expect(notes.join('\n')).toContain('ingress-nginx answers 503 for this backend')
    const lint = analyzeText(text).of('ingress-service-missing')
    expect(lint.map((f) => f.message)).toEqual(['Service api is not in namespace shop; ingress-nginx answers 503 for this backend. Services there: web.'])
  })

  test('with a usable default-backend annotation the lint names the Service that answers instead', () => {
    const text = ANNOTATED('invalid', 'errors') + SERVICE('errors') + DEPLOYMENT('errors')
    expect(analyzeText(text).of('ingress-service-missing').map((f) => f.message)).toEqual([
      'Service invalid is not in namespace shop; ingress-nginx sends its requests to Service errors, the default-backend annotation of Ingress shop/web, with X-Code: 503. Services there: errors.',
    ])
    const notes = buildRouteTable(compileRoutes(modelOf(text)))[0]?.notes.map((n) => formatMessage(n)).join('\n') ?? ''
    expect(notes).toContain('default-backend annotation: Service errors receives this path\'s requests only while its own Service has no endpoints')
    expect(notes).toContain("unmatched paths still go to the controller's 404")
  })

  test('a spec.defaultBackend whose Service is missing answers 503, and its route-table row says so', () => {
    const text = INGRESS('web', 'number: 80').replace('path: /\n', 'path: /app\n').replace('spec:\n', 'spec:\n  defaultBackend:\n    service:\n      name: fallback\n      port:\n        number: 80\n') + SERVICE('web') + DEPLOYMENT('web')
    const routes = compileRoutes(modelOf(text))
    expect(routeRequest(routes, { url: 'http://shop.test/app' }).status).toBe(200)
    expect(routeRequest(routes, { url: 'http://shop.test/other' })).toMatchObject({ status: 503, unavailable: { upstream: 'shop-fallback-80', reason: 'service-missing' } })
    const fallback = buildRouteTable(routes).find((row) => row.pathType === 'defaultBackend')
    expect(fallback?.notes.map((n) => formatMessage(n)).join('\n')).toContain('no endpoints: Service shop/fallback is not in the manifests')
  })

  test('the annotation naming a missing Service is a lint at the annotation', () => {
    const text = ANNOTATED('web', 'error') + SERVICE('web') + SERVICE('errors') + DEPLOYMENT('web')
    const found = analyzeText(text).of('ingress-service-missing')
    expect(found.map((f) => f.text)).toEqual(['error'])
    expect(found[0]?.message).toContain('Did you mean errors?')
  })

  test('a port equal to the targetPort is no lint (ingress-nginx serves it)', () => {
    expect(analyzeText(INGRESS('web', 'number: 8080') + SERVICE('web') + DEPLOYMENT('web')).of('ingress-service-port-missing')).toEqual([])
    expect(analyzeText(INGRESS('web', 'number: 81') + SERVICE('web') + DEPLOYMENT('web')).of('ingress-service-port-missing').map((f) => f.message)).toEqual([
      "Service web has no port 81, neither as port nor as targetPort (its ports: http (80)); ingress-nginx answers 503 for this backend. Use one of the Service's ports.",
    ])
  })

  test('a Service scaled to 0 behind an Ingress: routing 503, lint says so', () => {
    const text = INGRESS('web', 'number: 80') + SERVICE('web') + DEPLOYMENT('web', 0)
    expect(route(text).status).toBe(503)
    expect(analyzeText(text).of('service-selects-nothing').map((f) => f.message)).toEqual([
      'Service web selects only Deployments scaled to 0 replicas (web), so it has no endpoints; ingress-nginx answers 503 for the paths that route to it.',
    ])
  })
})

describe('property: the lints and routing are one fact', () => {
  test('for any Services, ports, replicas and default-backend annotation, a lint says 503 (or names the annotation\'s Service) exactly when routing answers so', () => {
    const arbitrary = fc.record({
      web: fc.boolean(), errors: fc.constantFrom(-1, 0, 1), lost: fc.boolean(),
      backend: fc.constantFrom('web', 'errors', 'lost', 'gone'),
      port: fc.constantFrom('number: 80', 'number: 8080', 'number: 81', 'name: http', 'name: nope'),
      annotation: fc.constantFrom(null, 'errors', 'gone', 'web'),
    })
    fc.assert(fc.property(arbitrary, ({ web, errors, lost, backend, port, annotation }) => {
      const text = INGRESS(backend, port, annotation ? `    nginx.ingress.kubernetes.io/default-backend: ${annotation}` : '')
        + (web ? SERVICE('web') + DEPLOYMENT('web') : '')
        + (errors >= 0 ? SERVICE('errors') + DEPLOYMENT('errors', errors) : '')
        + (lost ? SERVICE('lost', '  selector:\n    app: nobody\n  ports:\n  - name: http\n    port: 80') : '')
      const result = route(text, 'http://shop.test/')
      const analysis = analyzeText(text)
      const missing = analysis.of('ingress-service-missing').filter((f) => f.text === backend && !f.message.startsWith('The default-backend annotation'))
      const annotationLint = analysis.of('ingress-service-missing').filter((f) => f.message.startsWith('The default-backend annotation'))
      // The annotation lint ⇔ the annotation names a Service the manifests (which have Services) lack.
      const anyService = web || errors >= 0 || lost
      expect(annotationLint.length > 0).toBe(anyService && annotation !== null && !(annotation === 'web' ? web : annotation === 'errors' ? errors >= 0 : false))
      const port503 = analysis.of('ingress-service-port-missing')
      const selects = analysis.of('service-selects-nothing').filter((f) => f.message.includes(`Service ${backend} `))
      const reason = result.unavailable?.reason
      expect(missing.length > 0).toBe(reason === 'service-missing')
      expect(port503.length > 0).toBe(reason === 'port-missing')
      if (reason === 'selects-nothing' || reason === 'zero-replicas') expect(selects).toHaveLength(1)
      expect(result.status === 503 || result.unavailable?.customDefaultBackend != null).toBe(result.unavailable !== undefined)
      const said = [...missing, ...port503][0]?.message
      if (said !== undefined) {
        if (result.unavailable?.customDefaultBackend) expect(said).toContain(`sends its requests to Service ${annotation}`)
        else expect(said).toContain('ingress-nginx answers 503 for this backend')
      }
    }), { seed: 20261203, numRuns: 150 })
  })
})
