import { describe, expect, it } from 'vitest'
import { SEED_MANIFEST } from '../presets/seed'
import { answerEngineRequest } from './handle-request'
import { PROTOCOL_VERSION, type MigrationResponse, type MigrationTracedResponse } from './protocol'

const files = [{ name: 'manifest.yaml', text: SEED_MANIFEST }]

async function migrate(text: string, conversion = {}): Promise<MigrationResponse> {
  const response = await answerEngineRequest({ v: PROTOCOL_VERSION, type: 'migration', id: 1, files: [{ name: 'manifest.yaml', text }], conversion })
  if (response.type !== 'migration-checked') throw new Error(JSON.stringify(response))
  return response
}

describe('the migration request', () => {
  it('converts the seed, checks parity against the conversion and draws both in one graph', async () => {
    const { answer } = await migrate(SEED_MANIFEST)
    if (answer.kind !== 'done') throw new Error(answer.kind)
    expect(answer.conversion.gateway).toBe('default/ingress-nginx')
    expect(answer.conversion.text).toContain('kind: HTTPRoute')
    // Each finding points at its annotation's line in the user's text.
    const lines = SEED_MANIFEST.split('\n')
    answer.conversion.findings.forEach((finding, index) => {
      const place = answer.findingPlaces[index]
      expect(place, finding.code).not.toBeNull()
      if (finding.annotation) expect(lines[place!.line - 1]).toContain(finding.annotation)
    })
    if ('problem' in answer.parity) throw new Error('parity refused')
    expect(answer.parity.equivalent).toBe(false)
    // rewrite-target `/` converted to ReplaceFullPath: /foos1/abc reaches s1 as `/` on both sides, no difference.
    expect(answer.parity.differences.map((d) => d.request.url)).not.toContain('http://foo.bar.com/foos1/abc')
    const kinds = new Set(answer.view.graph.nodes.map((node) => node.kind))
    expect(kinds).toContain('controller')
    expect(kinds).toContain('httpRoute')
    expect(Object.keys(answer.layout.positions).length).toBeGreaterThan(0)
  }, 60_000)

  it('lights both routes of a difference in the combined graph', async () => {
    const { answer } = await migrate(SEED_MANIFEST)
    if (answer.kind !== 'done' || 'problem' in answer.parity) throw new Error('no parity')
    const index = answer.parity.differences.findIndex((d) => d.ingressNginx.status === 200 && d.gatewayApi.status === 404)
    expect(index).toBeGreaterThanOrEqual(0)
    const traced = (await answerEngineRequest({ v: PROTOCOL_VERSION, type: 'migration-trace', id: 2, files, conversion: {}, difference: index })) as MigrationTracedResponse
    const kindOf = new Map(answer.view.graph.nodes.map((node) => [node.id, node.kind]))
    expect(traced.ingressNginx?.nodes.map((id) => kindOf.get(id))).toContain('service')
    expect(traced.gatewayApi?.nodes.map((id) => kindOf.get(id))).toContain('gateway')
    expect(traced.ingressNginx?.edges.length).toBeGreaterThan(0)
    expect(traced.gatewayApi?.edges.length).toBeGreaterThan(0)
    const gone = (await answerEngineRequest({ v: PROTOCOL_VERSION, type: 'migration-trace', id: 3, files, conversion: {}, difference: 999 })) as MigrationTracedResponse
    expect(gone).toMatchObject({ ingressNginx: null, gatewayApi: null })
  }, 60_000)

  it('refuses input the API server rejects, with its lines, and unusable options with the converter\'s problem', async () => {
    const rejected = await migrate('apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: Bad_Name\nspec: {}\n')
    expect(rejected.answer.kind).toBe('rejected')
    if (rejected.answer.kind === 'rejected') expect(rejected.answer.diagnostics[0]?.start.line).toBeGreaterThan(0)
    const problem = await migrate(SEED_MANIFEST, { gateway: 'not a gateway name' })
    expect(problem.answer.kind).toBe('problem')
  })
})
