/** Deployment manifests for fixtures: the pod template, containers, probes, lifecycle hooks and rollout fields. */
import type { IntOrString } from '../model/types'
import { metadataYaml } from './metadata-yaml'
import { indentLines, plainMap, scalar } from './yaml-text'

/** A probe or lifecycle handler as written; `scheme` is left to the API default unless given. */
export type HandlerSpec =
  | { readonly type: 'httpGet'; readonly path: string; readonly port: IntOrString; readonly scheme?: 'HTTP' | 'HTTPS' }
  | { readonly type: 'tcpSocket'; readonly port: IntOrString }
  | { readonly type: 'grpc'; readonly port: number }
  | { readonly type: 'exec'; readonly command: readonly string[] }
  | { readonly type: 'sleep'; readonly seconds: number }

/** A probe: the handler and only the timing fields given (the rest are the model's defaults). */
export interface ProbeSpec {
  readonly handler: HandlerSpec
  readonly initialDelaySeconds?: number
  readonly periodSeconds?: number
  readonly timeoutSeconds?: number
  readonly successThreshold?: number
  readonly failureThreshold?: number
  readonly terminationGracePeriodSeconds?: number
}

export interface ContainerPortSpec {
  readonly name?: string
  readonly containerPort: number
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP'
}

export interface ContainerSpec {
  /** Default: app. */
  readonly name?: string
  /** Default: example/<deployment name>:1. */
  readonly image?: string
  readonly imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never'
  /** Default: one port, 8080. */
  readonly ports?: readonly ContainerPortSpec[]
  readonly readinessProbe?: ProbeSpec
  readonly livenessProbe?: ProbeSpec
  readonly startupProbe?: ProbeSpec
  readonly preStop?: HandlerSpec
  /** Raw YAML under the container (written at its indentation), for fields the options do not cover. */
  readonly lines?: string
}

export type StrategySpec =
  | { readonly type: 'Recreate' }
  | { readonly type: 'RollingUpdate'; readonly maxSurge?: IntOrString; readonly maxUnavailable?: IntOrString }

export interface DeploymentSpec {
  /** Default: apps/v1. */
  readonly apiVersion?: string
  readonly namespace?: string
  /** Labels of the Deployment itself. */
  readonly labels?: Readonly<Record<string, string>>
  /** What the selector matches and the pod template carries. Default: `{app: <name>}`. */
  readonly podLabels?: Readonly<Record<string, string>>
  readonly replicas?: number
  readonly strategy?: StrategySpec
  readonly minReadySeconds?: number
  readonly progressDeadlineSeconds?: number
  readonly revisionHistoryLimit?: number
  readonly paused?: boolean
  /** terminationGracePeriodSeconds of the pod. */
  readonly grace?: number
  /** Default: one container with the defaults of `ContainerSpec`. */
  readonly containers?: readonly ContainerSpec[]
  /** Raw YAML under `spec` (after the selector and the options above). */
  readonly specLines?: string
  /** Raw YAML under the pod template's `spec` (before `containers`). */
  readonly podLines?: string
}

/** A Deployment named `name`. */
export function deploymentYaml(name: string, spec: DeploymentSpec = {}): string {
  const podLabels = spec.podLabels ?? { app: name }
  return `apiVersion: ${spec.apiVersion ?? 'apps/v1'}
kind: Deployment
${metadataYaml(name, spec)}spec:
${spec.replicas !== undefined ? `  replicas: ${spec.replicas}\n` : ''}  selector:
    matchLabels:
${plainMap(podLabels, 6)}${rolloutFields(spec)}${spec.specLines ? indentLines(spec.specLines, 2) : ''}  template:
    metadata:
      labels:
${plainMap(podLabels, 8)}    spec:
${spec.grace !== undefined ? `      terminationGracePeriodSeconds: ${spec.grace}\n` : ''}${spec.podLines ? indentLines(spec.podLines, 6) : ''}      containers:
${(spec.containers ?? [{}]).map((container) => containerYaml(name, container)).join('')}`
}

function rolloutFields(spec: DeploymentSpec): string {
  let out = ''
  const strategy = spec.strategy
  if (strategy?.type === 'Recreate') out += '  strategy:\n    type: Recreate\n'
  if (strategy?.type === 'RollingUpdate') {
    out += '  strategy:\n    type: RollingUpdate\n'
    if (strategy.maxSurge !== undefined || strategy.maxUnavailable !== undefined) out += '    rollingUpdate:\n'
    if (strategy.maxSurge !== undefined) out += `      maxSurge: ${scalar(strategy.maxSurge)}\n`
    if (strategy.maxUnavailable !== undefined) out += `      maxUnavailable: ${scalar(strategy.maxUnavailable)}\n`
  }
  if (spec.minReadySeconds !== undefined) out += `  minReadySeconds: ${spec.minReadySeconds}\n`
  if (spec.progressDeadlineSeconds !== undefined) out += `  progressDeadlineSeconds: ${spec.progressDeadlineSeconds}\n`
  if (spec.revisionHistoryLimit !== undefined) out += `  revisionHistoryLimit: ${spec.revisionHistoryLimit}\n`
  if (spec.paused !== undefined) out += `  paused: ${spec.paused}\n`
  return out
}

function containerYaml(deployment: string, c: ContainerSpec): string {
  const ports = c.ports ?? [{ containerPort: 8080 }]
  let out = `      - name: ${scalar(c.name ?? 'app')}
        image: ${scalar(c.image ?? `example/${deployment}:1`)}
`
  if (c.imagePullPolicy) out += `        imagePullPolicy: ${c.imagePullPolicy}\n`
  if (ports.length > 0) {
    out += '        ports:\n'
    for (const port of ports) {
      const lines = [
        ...(port.name !== undefined ? [`name: ${scalar(port.name)}`] : []),
        `containerPort: ${port.containerPort}`,
        ...(port.protocol ? [`protocol: ${port.protocol}`] : []),
      ]
      out += lines.map((line, i) => `        ${i === 0 ? '- ' : '  '}${line}\n`).join('')
    }
  }
  if (c.readinessProbe) out += probeYaml('readinessProbe', c.readinessProbe)
  if (c.livenessProbe) out += probeYaml('livenessProbe', c.livenessProbe)
  if (c.startupProbe) out += probeYaml('startupProbe', c.startupProbe)
  if (c.preStop) out += `        lifecycle:\n          preStop:\n${handlerYaml(c.preStop, 12)}`
  if (c.lines) out += indentLines(c.lines, 8)
  return out
}

const probeTimings = ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds'] as const

function probeYaml(key: string, probe: ProbeSpec): string {
  const timings = probeTimings.filter((field) => probe[field] !== undefined).map((field) => `          ${field}: ${probe[field]}\n`)
  return `        ${key}:\n${handlerYaml(probe.handler, 10)}${timings.join('')}`
}

/** A handler as the `httpGet:`/`exec:`/… block at `by` spaces. */
function handlerYaml(handler: HandlerSpec, by: number): string {
  const pad = ' '.repeat(by)
  const inner = `${pad}  `
  switch (handler.type) {
    case 'httpGet':
      return `${pad}httpGet:\n${inner}path: ${scalar(handler.path)}\n${inner}port: ${scalar(handler.port)}\n` +
        (handler.scheme ? `${inner}scheme: ${handler.scheme}\n` : '')
    case 'tcpSocket':
      return `${pad}tcpSocket:\n${inner}port: ${scalar(handler.port)}\n`
    case 'grpc':
      return `${pad}grpc:\n${inner}port: ${handler.port}\n`
    case 'exec':
      return `${pad}exec:\n${inner}command: ${JSON.stringify(handler.command)}\n`
    case 'sleep':
      return `${pad}sleep:\n${inner}seconds: ${handler.seconds}\n`
  }
}
