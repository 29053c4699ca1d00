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

/** The words of the summaries, so the view can supply them in the UI's language. */
export interface SummaryWords {
  readonly paths: (n: number) => string
  readonly keys: (n: number) => string
  readonly replicas: (n: number) => string
  readonly controller: (name: string) => string
  readonly noRules: string
  readonly noPorts: string
  readonly tls: string
  readonly default: string
  readonly notModelled: string
}

const plural = (word: string) => (n: number) => `${n} ${word}${n === 1 ? '' : 's'}`

export const ENGLISH_SUMMARY_WORDS: SummaryWords = {
  paths: plural('path'),
  keys: plural('key'),
  replicas: plural('replica'),
  controller: (name) => `controller ${name}`,
  noRules: 'no rules',
  noPorts: 'no ports',
  tls: 'TLS',
  default: 'default',
  notModelled: 'not modelled by the studio',
}

/** Rows for every object (document order) with their diagnostics counted; `positionOf` maps offsets to positions. */
export function summarizeObjects(
  model: ClusterModel,
  diagnostics: readonly Diagnostic[],
  positionOf: (offset: number) => LineCol,
  words: SummaryWords = ENGLISH_SUMMARY_WORDS,
): ObjectRow[] {
  const objects = [
    ...model.ingresses.map((o) => ({ o, summary: summarizeIngress(o, words) })),
    ...model.ingressClasses.map((o) => ({ o, summary: `${words.controller(o.controller)}${o.isDefault ? ` · ${words.default}` : ''}` })),
    ...model.services.map((o) => ({ o, summary: summarizeService(o, words) })),
    ...model.deployments.map((o) => ({ o, summary: summarizeDeployment(o, words) })),
    ...model.secrets.map((o) => ({ o, summary: `${o.type} · ${words.keys(Object.keys(o.data).length)}` })),
    ...model.configMaps.map((o) => ({ o, summary: words.keys(Object.keys(o.data).length) })),
    ...model.unknown.map((o) => ({ o, summary: words.notModelled })),
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

function summarizeIngress(ingress: Ingress, words: SummaryWords): string {
  const hosts = [...new Set(ingress.rules.map((rule) => rule.host || '*'))]
  const paths = ingress.rules.reduce((n, rule) => n + rule.paths.length, 0)
  const tls = ingress.tls.length > 0 ? ` · ${words.tls}` : ''
  return `${hosts.join(', ') || words.noRules} · ${words.paths(paths)}${tls}`
}

function summarizeService(service: Service, words: SummaryWords): string {
  const ports = service.ports.map((p) => (String(p.port) === String(p.targetPort) ? `${p.port}` : `${p.port}→${p.targetPort}`))
  return `${service.type} · ${ports.join(', ') || words.noPorts}`
}

function summarizeDeployment(deployment: Deployment, words: SummaryWords): string {
  const strategy = deployment.strategy.type === 'RollingUpdate'
    ? `RollingUpdate ${deployment.strategy.maxSurge}/${deployment.strategy.maxUnavailable}`
    : 'Recreate'
  return `${words.replicas(deployment.replicas)} · ${strategy}`
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
