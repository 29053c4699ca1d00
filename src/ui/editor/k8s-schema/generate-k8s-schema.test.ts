import { beforeAll, describe, expect, it } from 'vitest'
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
    expect(schema.properties?.kind?.enum).toEqual(['ConfigMap', 'Deployment', 'Ingress', 'IngressClass', 'List', 'Secret', 'Service'])
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
