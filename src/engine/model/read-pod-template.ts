/**
 * A Deployment's pod template: labels, containers (name, image, pull policy, ports, probes, hooks) and the
 * grace period, with the API defaults and the pod validation rules that matter for routing and rollouts.
 */
import { checkKnownFields, knownFields } from './check-known-fields'
import { msg } from '../messages/message'
import { duplicateValue, invalidValue, requiredValue, unsupportedValue } from './field-errors'
import type { ReadContext } from './read-context'
import { asMap, asString, fieldOf, itemsOf, readInt, readMap, readSeq, readString, readStringMap, toRecord, type MapView } from './read-node'
import { checkLabels, metadataFields } from './read-meta'
import { derivePreStopDuration } from './prestop-duration'
import { readLifecycleHandler, readProbe } from './read-probe'
import { readProtocol } from './build-service'
import type { Container, ContainerPort, PodTemplate } from './types'
import { checkDns1123Label, checkPortName, checkPortNumber } from './validate-names'

const containerFields = knownFields(['name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env',
  'resources', 'resizePolicy', 'restartPolicy', 'restartPolicyRules', 'volumeMounts', 'volumeDevices', 'livenessProbe',
  'readinessProbe', 'startupProbe', 'lifecycle', 'terminationMessagePath', 'terminationMessagePolicy',
  'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty'])
const portFields = knownFields(['name', 'hostPort', 'containerPort', 'protocol', 'hostIP'])
const pullPolicies = ['Always', 'IfNotPresent', 'Never'] as const
type PullPolicy = Container['imagePullPolicy']

/** Reads `spec.template`; reports a missing template or container list. */
export function readPodTemplate(ctx: ReadContext, spec: MapView): PodTemplate | undefined {
  const template = readMap(ctx, spec, 'template', true)
  if (!template) return undefined
  const metadata = readMap(ctx, template, 'metadata')
  checkKnownFields(ctx, metadata, metadataFields)
  const labels = readStringMap(ctx, metadata, 'labels')
  if (labels) checkLabels(ctx, labels.entries, labels.view.path)
  const annotations = readStringMap(ctx, metadata, 'annotations')
  const podSpec = readMap(ctx, template, 'spec')
  if (!podSpec) {
    ctx.report('required', 'error', requiredValue([...template.path, 'spec', 'containers']), template.anchor)
  }
  const restart = readString(ctx, podSpec, 'restartPolicy')
  if (restart && restart.value !== 'Always' && restart.value !== '') {
    ctx.report('invalid-value', 'error', unsupportedValue(restart.path, restart.value, ['Always']), restart.span)
  }
  const grace = readInt(ctx, podSpec, 'terminationGracePeriodSeconds')
  if (grace && grace.value < 0) {
    ctx.report('invalid-value', 'error', invalidValue(grace.path, grace.value, msg('api-greater-or-equal-zero')), grace.span)
  }
  const containers = podSpec ? readContainers(ctx, podSpec) : []
  return {
    labels: labels ? toRecord(labels.entries) : {},
    annotations: annotations ? toRecord(annotations.entries) : {},
    containers,
    terminationGracePeriodSeconds: grace && grace.value >= 0 ? grace.value : 30,
    at: template.path,
  }
}

function readContainers(ctx: ReadContext, podSpec: MapView): Container[] {
  const seq = readSeq(ctx, podSpec, 'containers')
  const items = seq ? itemsOf(ctx, seq) : []
  if (items.length === 0) {
    ctx.report('required', 'error', requiredValue([...podSpec.path, 'containers']), fieldOf(ctx, podSpec, 'containers')?.keySpan ?? podSpec.anchor)
  }
  const names = new Set<string>()
  const out: Container[] = []
  for (const item of items) {
    const entry = asMap(ctx, item)
    if (!entry) continue
    checkKnownFields(ctx, entry, containerFields)
    const name = readString(ctx, entry, 'name', true)
    if (name) {
      const bad = checkDns1123Label(name.value)
      if (bad) ctx.report('invalid-name', 'error', invalidValue(name.path, name.value, bad), name.span)
      if (names.has(name.value)) ctx.report('invalid-name', 'error', duplicateValue(name.path, name.value), name.span)
      names.add(name.value)
    }
    const image = readString(ctx, entry, 'image', true)
    const policy = readString(ctx, entry, 'imagePullPolicy')
    let imagePullPolicy: PullPolicy = defaultPullPolicy(image?.value ?? '')
    if (policy && (pullPolicies as readonly string[]).includes(policy.value)) imagePullPolicy = policy.value as PullPolicy
    else if (policy && policy.value !== '') {
      ctx.report('invalid-value', 'error', unsupportedValue(policy.path, policy.value, pullPolicies), policy.span)
    }
    const lifecycle = readMap(ctx, entry, 'lifecycle')
    const readinessProbe = readProbe(ctx, entry, 'readinessProbe')
    const livenessProbe = readProbe(ctx, entry, 'livenessProbe')
    const startupProbe = readProbe(ctx, entry, 'startupProbe')
    const preStop = readLifecycleHandler(ctx, lifecycle, 'preStop')
    const postStart = readLifecycleHandler(ctx, lifecycle, 'postStart')
    const words = (key: 'command' | 'args'): string[] => {
      const seq = readSeq(ctx, entry, key)
      return (seq ? itemsOf(ctx, seq) : []).map((item) => asString(ctx, item)?.value ?? '')
    }
    out.push({
      name: name?.value ?? '',
      image: image?.value ?? '',
      imagePullPolicy,
      command: words('command'),
      args: words('args'),
      ports: readContainerPorts(ctx, entry),
      ...(readinessProbe ? { readinessProbe } : {}),
      ...(livenessProbe ? { livenessProbe } : {}),
      ...(startupProbe ? { startupProbe } : {}),
      ...(preStop ? { preStop } : {}),
      preStopDuration: derivePreStopDuration(preStop),
      ...(postStart ? { postStart } : {}),
      at: entry.path,
    })
  }
  return out
}

/** The API default: Always for `:latest` or an untagged image without digest, else IfNotPresent. */
export function defaultPullPolicy(image: string): PullPolicy {
  if (image.includes('@')) return 'IfNotPresent'
  const lastSlash = image.lastIndexOf('/')
  const colon = image.indexOf(':', lastSlash + 1)
  const tag = colon === -1 ? '' : image.slice(colon + 1)
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent'
}

function readContainerPorts(ctx: ReadContext, container: MapView): ContainerPort[] {
  const seq = readSeq(ctx, container, 'ports')
  const out: ContainerPort[] = []
  const names = new Set<string>()
  for (const item of seq ? itemsOf(ctx, seq) : []) {
    const entry = asMap(ctx, item)
    if (!entry) continue
    checkKnownFields(ctx, entry, portFields)
    const name = readString(ctx, entry, 'name')
    if (name && name.value !== '') {
      const bad = checkPortName(name.value)
      if (bad) ctx.report('invalid-port', 'error', invalidValue(name.path, name.value, bad), name.span)
      if (names.has(name.value)) ctx.report('invalid-port', 'error', duplicateValue(name.path, name.value), name.span)
      names.add(name.value)
    }
    const port = readInt(ctx, entry, 'containerPort', true)
    if (port) {
      const bad = checkPortNumber(port.value)
      if (bad) ctx.report('invalid-port', 'error', invalidValue(port.path, port.value, bad), port.span)
    }
    const hostPort = readInt(ctx, entry, 'hostPort')
    if (hostPort && hostPort.value !== 0 && checkPortNumber(hostPort.value)) {
      ctx.report('invalid-port', 'error', invalidValue(hostPort.path, hostPort.value, msg('api-port-range')), hostPort.span)
    }
    const protocol = readProtocol(ctx, entry)
    if (port) out.push({ ...(name && name.value !== '' ? { name: name.value } : {}), containerPort: port.value, protocol })
  }
  return out
}
