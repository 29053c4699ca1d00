import { beforeAll, describe, expect, it } from 'vitest'
import { GATEWAY_API_OMITTED } from './gateway-api-roots'
import { generateK8sSchema, SCHEMA_ROOTS, type JsonSchema } from './generate-k8s-schema'

let schema: JsonSchema
beforeAll(() => {
  schema = generateK8sSchema()
}, 30_000)

function definition(ref: string | undefined): JsonSchema {
  const key = ref?.replace('#/definitions/', '') ?? ''
  const found = schema.definitions?.[key]
  if (!found) throw new Error(`no definition ${ref}`)
  return found
}

function branchFor(apiVersion: string, kind: string): JsonSchema {
  const branch = schema.allOf?.find(
    (b) => b.if?.properties?.apiVersion?.enum?.[0] === apiVersion && b.if?.properties?.kind?.enum?.[0] === kind,
  )
  if (!branch) throw new Error(`no branch for ${apiVersion} ${kind}`)
  return branch
}

/** Follows properties from a definition, through arrays and $refs. */
function at(start: JsonSchema, ...path: string[]): JsonSchema {
  let node = start
  for (const key of path) {
    while (node.$ref || node.items) node = node.$ref ? definition(node.$ref) : node.items!
    const next = node.properties?.[key]
    if (!next) throw new Error(`no property ${key} in ${path.join('.')}`)
    node = next
  }
  return node
}

describe('generateK8sSchema', () => {
  it('has one if/then branch per apiVersion and kind of issue 2, plus kind: List', () => {
    const pairs = SCHEMA_ROOTS.map((r) => `${r.apiVersion} ${r.kind}`)
    expect(pairs).toEqual(expect.arrayContaining([
      'extensions/v1beta1 Ingress', 'networking.k8s.io/v1beta1 Ingress', 'networking.k8s.io/v1 Ingress',
      'networking.k8s.io/v1 IngressClass', 'v1 Service', 'extensions/v1beta1 Deployment', 'apps/v1beta1 Deployment',
      'apps/v1beta2 Deployment', 'apps/v1 Deployment', 'v1 Secret', 'v1 ConfigMap',
    ]))
    for (const root of SCHEMA_ROOTS) {
      const then = branchFor(root.apiVersion, root.kind).then!
      expect(at(definition(then.$ref), 'kind').enum).toEqual([root.kind])
      expect(at(definition(then.$ref), 'apiVersion').enum).toEqual([root.apiVersion])
    }
    const list = schema.allOf!.find((b) => b.if?.properties?.kind?.enum?.[0] === 'List')!
    expect(list.then?.properties?.items).toMatchObject({ type: 'array', items: { $ref: '#' } })
  })

  it('completes apiVersion and kind from the known values', () => {
    expect(schema.properties?.kind?.enum).toEqual([
      'ConfigMap', 'Deployment', 'Gateway', 'GatewayClass', 'HTTPRoute', 'Ingress', 'IngressClass', 'List', 'ReferenceGrant', 'Secret', 'Service',
    ])
    expect(schema.properties?.apiVersion?.enum).toEqual(expect.arrayContaining(['gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1beta1']))
    expect(schema.properties?.apiVersion?.enum).toContain('extensions/v1beta1')
    expect(schema.required).toEqual(['apiVersion', 'kind'])
  })

  it('keeps each version\'s own shape: serviceName/servicePort in v1beta1, service.port in v1', () => {
    const old = definition(branchFor('extensions/v1beta1', 'Ingress').then!.$ref)
    const backend = at(old, 'spec', 'rules', 'http', 'paths', 'backend')
    expect(at(backend, 'serviceName')).toMatchObject({ type: 'string', description: expect.stringContaining('name of the referenced service') })
    expect(at(backend, 'servicePort').type).toEqual(['number', 'string'])
    const v1 = definition(branchFor('networking.k8s.io/v1', 'Ingress').then!.$ref)
    expect(at(v1, 'spec', 'rules', 'http', 'paths', 'pathType').description).toMatch(/Exact/)
    expect(at(v1, 'spec', 'rules', 'http', 'paths', 'backend', 'service', 'port', 'number').type).toBe('number')
    expect(() => at(v1, 'spec', 'rules', 'http', 'paths', 'backend', 'serviceName')).toThrow()
  })

  it('carries the API documentation for hovers and marks required fields', () => {
    const deployment = definition(branchFor('apps/v1', 'Deployment').then!.$ref)
    expect(at(deployment, 'spec', 'replicas').description).toMatch(/desired pods/)
    expect(at(deployment, 'spec', 'template', 'spec', 'containers', 'readinessProbe').description).toMatch(/readiness/)
    expect(definition(at(deployment, 'spec').$ref).required).toEqual(expect.arrayContaining(['selector', 'template']))
    expect(at(deployment, 'metadata', 'labels')).toMatchObject({ type: 'object', additionalProperties: { type: 'string' } })
    expect(at(deployment, 'spec', 'paused').type).toBe('boolean')
  })

  it('leaves out status, which people do not write', () => {
    for (const root of SCHEMA_ROOTS) {
      const then = branchFor(root.apiVersion, root.kind).then!
      expect(definition(then.$ref).properties).not.toHaveProperty('status')
    }
  })

  it('completes the Gateway API kinds of v1 and v1beta1 (issue 15) from @kubernetes-models/gateway-api, with their docs', () => {
    const pairs = SCHEMA_ROOTS.filter((r) => r.apiVersion.startsWith('gateway.networking.k8s.io/')).map((r) => `${r.apiVersion} ${r.kind}`)
    expect(pairs.sort()).toEqual(['v1', 'v1beta1'].flatMap((v) => ['Gateway', 'GatewayClass', 'HTTPRoute', 'ReferenceGrant'].map((k) => `gateway.networking.k8s.io/${v} ${k}`)).sort())
    const route = definition(branchFor('gateway.networking.k8s.io/v1', 'HTTPRoute').then!.$ref)
    expect(at(route, 'spec', 'rules', 'matches', 'path', 'type').description).toMatch(/PathPrefix/)
    expect(at(route, 'spec', 'rules', 'backendRefs', 'weight')).toMatchObject({ type: 'number', description: expect.stringMatching(/proportion/) })
    expect(at(route, 'spec', 'parentRefs', 'sectionName').description).toMatch(/listener/i)
    expect(at(route, 'spec', 'rules', 'filters', 'cors', 'allowOrigins').type).toBe('array')
    expect(at(route, 'spec', 'rules', 'timeouts', 'request').type).toBe('string')
    const gateway = definition(branchFor('gateway.networking.k8s.io/v1', 'Gateway').then!.$ref)
    expect(at(gateway, 'spec', 'listeners', 'allowedRoutes', 'namespaces', 'from').description).toMatch(/Same/)
    expect(at(gateway, 'spec', 'listeners', 'tls', 'certificateRefs', 'name').type).toBe('string')
    expect(definition(at(gateway, 'spec').$ref).required).toEqual(expect.arrayContaining(['gatewayClassName', 'listeners']))
    expect(at(definition(branchFor('gateway.networking.k8s.io/v1', 'ReferenceGrant').then!.$ref), 'spec', 'to', 'name').type).toBe('string')
    // v1beta1 is the same schema: the same spec definition.
    const beta = definition(branchFor('gateway.networking.k8s.io/v1beta1', 'HTTPRoute').then!.$ref)
    expect(at(beta, 'spec').$ref).toBe(at(route, 'spec').$ref)
  })

  it('offers only what the v1.6.1 standard CRDs have: the experimental channel\'s fields are left out', { timeout: 30_000 }, () => {
    const route = definition(branchFor('gateway.networking.k8s.io/v1', 'HTTPRoute').then!.$ref)
    expect(() => at(route, 'spec', 'rules', 'retry')).toThrow()
    expect(() => at(route, 'spec', 'rules', 'sessionPersistence')).toThrow()
    expect(() => at(route, 'spec', 'useDefaultGateways')).toThrow()
    expect(() => at(route, 'spec', 'rules', 'filters', 'externalAuth')).toThrow()
    expect(() => at(definition(branchFor('gateway.networking.k8s.io/v1', 'Gateway').then!.$ref), 'spec', 'defaultScope')).toThrow()
    // Each omitted field names a property the package really has (the list is not stale).
    const whole = generateK8sSchema(SCHEMA_ROOTS.filter((r) => r.kind === 'Gateway' || r.kind === 'HTTPRoute'), {})
    for (const [key, fields] of Object.entries(GATEWAY_API_OMITTED)) {
      for (const field of fields) {
        expect(whole.definitions?.[key]?.properties, `${key}.${field}`).toHaveProperty(field)
        expect(schema.definitions?.[key]?.properties, `${key}.${field}`).not.toHaveProperty(field)
      }
    }
  })

  it('has no dangling references', () => {
    const refs = new Set<string>()
    const walk = (node: unknown) => {
      if (!node || typeof node !== 'object') return
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') refs.add(value)
        else walk(value)
      }
    }
    walk(schema)
    for (const ref of refs) if (ref !== '#') expect(() => definition(ref)).not.toThrow()
    expect(refs.size).toBeGreaterThan(50)
  })
})
