import { describe, expect, it } from 'vitest'
import { formatMessage } from '../messages/render'
import { analyzeText } from '../testing/analyze-text'
import { graphOf } from '../testing/route-graph'

const backend = '{service: {name: web, port: {number: 80}}}'
const ingress = (metadata: string): string =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n${metadata}\nspec:\n  rules:\n  - host: a.example.com\n    http:\n      paths:\n      - {path: /, pathType: Prefix, backend: ${backend}}\n`
const service = (metadata: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n${metadata}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n`
const deployment = (metadata: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n${metadata}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: nginx:1.27}]}\n`

describe('model stage: an object without a usable name is left out', () => {
  it('does not route an Ingress whose metadata did not parse (name: test: bad), and says why at its line', () => {
    const text = ingress('  name: test: bad')
    const result = analyzeText(text)
    expect(result.model.ingresses).toEqual([])
    const [leftOut, ...more] = result.diagnostics.filter((d) => d.code === 'object-left-out')
    expect(more).toEqual([])
    expect(leftOut).toMatchObject({ severity: 'warning', start: { line: 4 } })
    expect(leftOut?.message).toBe('This Ingress is left out: its metadata did not parse as YAML, so its name and namespace cannot be trusted; the studio does not route, check or simulate it.')
    expect(formatMessage(leftOut!.text, 'ko')).toContain('이 Ingress 오브젝트는 제외했습니다')
    // The reasons stay beside it: the YAML error and the API server's word on the name.
    expect(result.found.filter((d) => d.line === 4).map((d) => d.code).sort()).toEqual(['object-left-out', 'required', 'wrong-type', 'yaml-syntax'])
    // No path of it in the route graph (an Ingress is drawn as its paths, under their hosts).
    expect(graphOf(text).graph.nodes.filter((node) => node.kind === 'path' || node.kind === 'host')).toEqual([])
  })

  it.each([
    ['an Ingress', ingress('  namespace: team'), 'ingresses', 'object-left-out-no-name'],
    ['an Ingress with name ""', ingress('  name: ""'), 'ingresses', 'object-left-out-no-name'],
    ['a Service', service('  labels: {app: web}'), 'services', 'object-left-out-no-name'],
    ['a Deployment whose name is a map', deployment('  name: {first: web}'), 'deployments', 'object-left-out-unreadable-name'],
    ['a Service whose metadata is a string', service('  just text'), 'services', 'object-left-out-unreadable-name'],
    ['a Service with a YAML error inside its metadata', service('  name: web\n  namespace: team: a'), 'services', 'object-left-out-broken-metadata'],
    ['a ConfigMap', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\ndata: {a: b}\n', 'configMaps', 'object-left-out-no-name'],
    ['a Secret', 'apiVersion: v1\nkind: Secret\nmetadata: {name: [tls]}\nstringData: {a: b}\n', 'secrets', 'object-left-out-unreadable-name'],
    ['an IngressClass', 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {labels: {a: b}}\nspec: {controller: k8s.io/ingress-nginx}\n', 'ingressClasses', 'object-left-out-no-name'],
  ] as const)('leaves out %s and reports why', (_, text, list, id) => {
    const result = analyzeText(text)
    expect(result.model[list]).toEqual([])
    expect(result.diagnostics.filter((d) => d.code === 'object-left-out').map((d) => d.text.id)).toEqual([id])
  })

  it('keeps an object named by generateName, and one whose YAML error is outside its metadata', () => {
    expect(analyzeText(service('  generateName: web-')).model.services.map((s) => s.meta.name)).toEqual(['web-'])
    const broken = service('  name: web').replace('ports: [{port: 80}]', 'ports: [{port: 80}')
    const result = analyzeText(broken)
    expect(result.of('yaml-syntax').length).toBeGreaterThan(0)
    expect(result.model.services.map((s) => s.meta.name)).toEqual(['web'])
    expect(result.of('object-left-out')).toEqual([])
  })

  it('routes the named objects of the same text', () => {
    const text = [ingress('  name: test: bad'), ingress('  name: good'), service('  name: web'), deployment('  name: web')].join('---\n')
    const result = analyzeText(text)
    expect(result.model.ingresses.map((i) => i.meta.name)).toEqual(['good'])
    expect(graphOf(text).graph.nodes.filter((node) => node.kind === 'path').map((node) => node.sub)).toEqual(['good'])
  })
})
