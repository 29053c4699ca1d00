import { describe, expect, it } from 'vitest'
import { analyzeText } from '../testing/analyze-text'

function service(spec: string[]): string {
  return ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', ...spec.map((line) => `  ${line}`), ''].join('\n')
}

describe('Service', () => {
  it('defaults type, protocol and targetPort', () => {
    const result = analyzeText(service(['selector: {app: web}', 'ports:', '- port: 80', '- {name: https, port: 443, targetPort: https}']))
    // Two ports need names: the first has none.
    expect(result.of('required')).toEqual([expect.objectContaining({ text: 'port', line: 8 })])
    expect(result.model.services[0]).toMatchObject({
      type: 'ClusterIP',
      selector: { app: 'web' },
      ports: [
        { port: 80, targetPort: 80, protocol: 'TCP', at: ['spec', 'ports', 0] },
        { name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' },
      ],
    })
  })

  it('models a Service without selector and an ExternalName Service without ports', () => {
    expect(analyzeText(service(['ports: [{port: 80}]'])).model.services[0]?.selector).toBeUndefined()
    const external = analyzeText(service(['type: ExternalName', 'externalName: db.example.com']))
    expect(external.problems()).toEqual([])
    expect(external.model.services[0]).toMatchObject({ type: 'ExternalName', externalName: 'db.example.com', ports: [] })
  })

  it('uses a DNS-1035 label for the name', () => {
    const text = service(['ports: [{port: 80}]']).replace('name: web', 'name: 1web')
    expect(analyzeText(text).of('invalid-name')).toEqual([expect.objectContaining({ text: '1web', line: 4 })])
  })

  it.each([
    ['port 0', ['ports: [{port: 0}]'], 'invalid-port', '0'],
    ['port 65536', ['ports: [{port: 65536}]'], 'invalid-port', '65536'],
    ['targetPort out of range', ['ports: [{port: 80, targetPort: 70000}]'], 'invalid-port', '70000'],
    ['a bad targetPort name', ['ports: [{port: 80, targetPort: my_port}]'], 'invalid-port', 'my_port'],
    ['a missing port', ['ports: [{targetPort: 80}]'], 'required', 'targetPort'],
    ['a port as text', ['ports: [{port: "80"}]'], 'wrong-type', '"80"'],
    ['duplicate port names', ['ports: [{name: a, port: 80}, {name: a, port: 81}]'], 'invalid-port', 'a'],
    ['a bad port name', ['ports: [{name: Web, port: 80}]'], 'invalid-name', 'Web'],
    ['an unknown protocol', ['ports: [{port: 80, protocol: HTTP}]'], 'invalid-value', 'HTTP'],
    ['an unknown type', ['type: Internal', 'ports: [{port: 80}]'], 'invalid-value', 'Internal'],
    ['nodePort on ClusterIP', ['ports: [{port: 80, nodePort: 30080}]'], 'invalid-port', '30080'],
    ['no ports', ['selector: {app: web}'], 'required', 'spec'],
    ['ExternalName without externalName', ['type: ExternalName'], 'required', 'spec'],
    ['a bad selector label', ['selector: {app: "a b"}', 'ports: [{port: 80}]'], 'invalid-label', '"a b"'],
  ])('rejects %s', (_, spec, code, text) => {
    expect(analyzeText(service(spec)).of(code as 'invalid-port')).toEqual([expect.objectContaining({ severity: 'error', text })])
  })

  it('allows nodePort on NodePort Services and no ports on headless ones', () => {
    expect(analyzeText(service(['type: NodePort', 'ports: [{port: 80, nodePort: 30080}]'])).model.services[0]?.ports[0]?.nodePort).toBe(30080)
    expect(analyzeText(service(['clusterIP: None', 'selector: {app: web}'])).problems()).toEqual([])
  })
})
