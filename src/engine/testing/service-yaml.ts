/** Service manifests for fixtures. */
import type { IntOrString } from '../model/types'
import { metadataYaml } from './metadata-yaml'
import { plainMap, scalar } from './yaml-text'

export interface ServicePortSpec {
  readonly name?: string
  readonly port: number
  readonly targetPort?: IntOrString
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP'
}

export interface ServiceSpec {
  readonly namespace?: string
  readonly labels?: Readonly<Record<string, string>>
  readonly type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'
  /** Default: `{app: <name>}`; null writes no selector. */
  readonly selector?: Readonly<Record<string, string>> | null
  /** Default: port 80 to target port 8080. */
  readonly ports?: readonly ServicePortSpec[]
}

/** A Service named `name`. */
export function serviceYaml(name: string, spec: ServiceSpec = {}): string {
  const selector = spec.selector === undefined ? { app: name } : spec.selector
  const ports = spec.ports ?? [{ port: 80, targetPort: 8080 }]
  const portLines = ports.map((port) => {
    const lines = [
      ...(port.name !== undefined ? [`name: ${scalar(port.name)}`] : []),
      `port: ${port.port}`,
      ...(port.targetPort !== undefined ? [`targetPort: ${scalar(port.targetPort)}`] : []),
      ...(port.protocol ? [`protocol: ${port.protocol}`] : []),
    ]
    return lines.map((line, i) => `  ${i === 0 ? '- ' : '  '}${line}\n`).join('')
  })
  return `apiVersion: v1
kind: Service
${metadataYaml(name, spec)}spec:
${spec.type ? `  type: ${spec.type}\n` : ''}${selector ? `  selector:\n${plainMap(selector, 4)}` : ''}  ports:
${portLines.join('')}`
}
