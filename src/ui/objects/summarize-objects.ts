/**
 * The rows of the Objects view: every object of the model in document order, with a one-line summary and the
 * diagnostics that fall inside it. Display only; the meaning comes from the engine's model.
 */
import type { Diagnostic, LineCol, Severity } from '../../engine/diagnostics'
import type { ClusterModel, Deployment, Ingress, Service } from '../../engine/model/types'

export interface ObjectRow {
  /** Unique within the model: kind, namespace, name and document order. */
  readonly key: string
  readonly kind: string
  readonly name: string
  readonly namespace: string
  readonly apiVersion: string
  readonly summary: string
  /** Where the object starts (1-based), for revealing it in the editor. */
  readonly line: number
  readonly column: number
  /** The worst severity among the diagnostics inside the object, if any. */
  readonly worst: Severity | null
  readonly issues: number
}

const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Rows for every object (document order) with their diagnostics counted; `positionOf` maps offsets to positions. */
export function summarizeObjects(model: ClusterModel, diagnostics: readonly Diagnostic[], positionOf: (offset: number) => LineCol): ObjectRow[] {
  const objects = [
    ...model.ingresses.map((o) => ({ o, summary: summarizeIngress(o) })),
    ...model.ingressClasses.map((o) => ({ o, summary: `controller ${o.controller}${o.isDefault ? ' · default' : ''}` })),
    ...model.services.map((o) => ({ o, summary: summarizeService(o) })),
    ...model.deployments.map((o) => ({ o, summary: summarizeDeployment(o) })),
    ...model.secrets.map((o) => ({ o, summary: `${o.type} · ${plural(Object.keys(o.data).length, 'key')}` })),
    ...model.configMaps.map((o) => ({ o, summary: plural(Object.keys(o.data).length, 'key') })),
    ...model.unknown.map((o) => ({ o, summary: 'not modelled by the studio' })),
  ].sort((a, b) => a.o.order - b.o.order)

  return objects.map(({ o, summary }) => {
    const { start, end } = o.source.span
    let worst: Severity | null = null
    let issues = 0
    for (const d of diagnostics) {
      if (d.file !== o.source.file || d.span.start < start || d.span.start >= end) continue
      issues++
      if (worst === null || rank[d.severity] < rank[worst]) worst = d.severity
    }
    return {
      key: `${o.kind}/${o.meta.namespace}/${o.meta.name}#${o.order}`,
      kind: o.kind,
      name: o.meta.name,
      namespace: o.meta.namespace,
      apiVersion: o.apiVersion,
      summary,
      ...positionOf(start),
      worst,
      issues,
    }
  })
}

/** Counts per kind, in the order kinds first appear. */
export function countKinds(rows: readonly ObjectRow[]): [kind: string, count: number][] {
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(row.kind, (counts.get(row.kind) ?? 0) + 1)
  return [...counts]
}

function summarizeIngress(ingress: Ingress): string {
  const hosts = [...new Set(ingress.rules.map((rule) => rule.host || '*'))]
  const paths = ingress.rules.reduce((n, rule) => n + rule.paths.length, 0)
  const tls = ingress.tls.length > 0 ? ' · TLS' : ''
  return `${hosts.join(', ') || 'no rules'} · ${plural(paths, 'path')}${tls}`
}

function summarizeService(service: Service): string {
  const ports = service.ports.map((p) => (String(p.port) === String(p.targetPort) ? `${p.port}` : `${p.port}→${p.targetPort}`))
  return `${service.type} · ${ports.join(', ') || 'no ports'}`
}

function summarizeDeployment(deployment: Deployment): string {
  const strategy = deployment.strategy.type === 'RollingUpdate'
    ? `RollingUpdate ${deployment.strategy.maxSurge}/${deployment.strategy.maxUnavailable}`
    : 'Recreate'
  return `${plural(deployment.replicas, 'replica')} · ${strategy}`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** Offset → 1-based line and column for a text: builds the line-start table once, then answers by binary search. */
export function createLineIndex(text: string): (offset: number) => LineCol {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1)
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 }
  }
}
