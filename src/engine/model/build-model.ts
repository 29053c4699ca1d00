/**
 * The model stage: YAML documents → the typed, defaulted, validated `ClusterModel`. Dispatches each object to
 * its kind's builder, unpacks `kind: List`, keeps unknown kinds, flags old API versions and duplicates.
 */
import { isMap, isScalar, type YAMLMap } from 'yaml'
import { shiftSpan, type Severity, type Span } from '../diagnostics'
import { MAX_ALIAS_COUNT } from '../limits'
import { msg, type Message } from '../messages/message'
import { lineColAt } from '../source/line-index'
import type { DiagnosticSink } from '../source/make-diagnostic'
import type { ParsedDocument, ParsedFile, ParsedSources } from '../source/parse-sources'
import { kindVersions, modelledKindOf, type ModelledKind } from './api-versions'
import { buildKnownObject } from './build-known-object'
import { checkDuplicates, type DuplicateCandidate } from './check-duplicates'
import type { ObjectInput } from './object-input'
import { effectiveSeverity, type RuleSettings } from '../checks/rule-settings'
import { createReadContext, type ReadContext } from './read-context'
import { describe, fieldOf, itemsOf, readSeq, readString, resolve, rootView, spanOf, type MapView } from './read-node'
import { readMeta, type ReadMeta } from './read-meta'
import type { ClusterModel, FieldPath, KnownObject, UnknownObject } from './types'

/** Model-stage limits. `maxAliasCount` — alias dereferences allowed in each document; default: `MAX_ALIAS_COUNT` (100). */
export interface ModelOptions {
  readonly maxAliasCount?: number
  /**
   * The Kubernetes release to check against (`1.NN`, as `kubectl version` and pluto's `--target-versions` name
   * it): an API version that release no longer serves is an error (`removed-api-version`), as its API server
   * would refuse it; one it still serves but has deprecated stays a warning. Absent: every removed version warns.
   */
  readonly kubernetesVersion?: string
  /** Rule settings: `removed-api-version` is a rule like the lints (off, or another severity). Default: all on. */
  readonly rules?: RuleSettings
}

/** `1.NN` → NN, or null for anything else (the CLI checks the form before it asks). */
export function kubernetesMinor(version: string): number | null {
  const match = /^v?1\.(\d{1,3})(?:\.\d+)?$/.exec(version.trim())
  return match ? Number(match[1]) : null
}

/** One YAML document as the document list of the UI shows it. */
export interface DocumentSummary {
  readonly file: string
  /** 0-based index of the document in its file. */
  readonly index: number
  readonly kind?: string
  readonly apiVersion?: string
  readonly name?: string
  readonly namespace?: string
  readonly span: Span
  /** 1-based first and last line of the document's content. */
  readonly startLine: number
  readonly endLine: number
}

interface Collected {
  readonly ingresses: ClusterModel['ingresses'][number][]
  readonly ingressClasses: ClusterModel['ingressClasses'][number][]
  readonly services: ClusterModel['services'][number][]
  readonly deployments: ClusterModel['deployments'][number][]
  readonly secrets: ClusterModel['secrets'][number][]
  readonly configMaps: ClusterModel['configMaps'][number][]
  readonly gatewayClasses: ClusterModel['gatewayClasses'][number][]
  readonly gateways: ClusterModel['gateways'][number][]
  readonly httpRoutes: ClusterModel['httpRoutes'][number][]
  readonly referenceGrants: ClusterModel['referenceGrants'][number][]
  readonly unknown: UnknownObject[]
}

/** An object a document adds to the model, with the span of its name (for the duplicate check). */
export interface BuiltObject {
  readonly object: KnownObject | UnknownObject
  readonly nameSpan: Span
}

/**
 * What one document adds to the model, with the offsets and document index it was built at: its head (for the
 * document list) and its objects in order (`order` counted within the document). `assembleModel` places it.
 */
export interface DocumentModel {
  readonly head: Head
  readonly objects: readonly BuiltObject[]
}

/** A document model where it stands now: `shift` is added to its offsets, `doc` its position in `file`. */
export interface PlacedDocument {
  readonly file: ParsedFile
  readonly doc: ParsedDocument
  readonly built: DocumentModel
  readonly shift: number
}

/** Builds the cluster model of every document of `parsed`, reporting into each file's sink. */
export function buildModel(parsed: ParsedSources, options: ModelOptions = {}): { model: ClusterModel; documents: DocumentSummary[] } {
  const placed: PlacedDocument[] = []
  for (const file of parsed.files) {
    for (const doc of file.documents) placed.push({ file, doc, built: buildDocumentModel(file.sink, doc, options), shift: 0 })
  }
  return assembleModel(placed)
}

/** The model of one parsed document, its problems reported into `sink` (the model stage's per-document work). */
export function buildDocumentModel(sink: DiagnosticSink, parsedDoc: ParsedDocument, options: ModelOptions): DocumentModel {
  const ctx = createReadContext(sink, parsedDoc, options.maxAliasCount ?? MAX_ALIAS_COUNT, options.kubernetesVersion ?? null, options.rules)
  const errorsAt = parsedDoc.yaml.errors.map((error) => error.pos[0])
  const objects: BuiltObject[] = []
  const head = buildDocument(ctx, parsedDoc.yaml.contents, objects, errorsAt)
  return { head, objects }
}

/**
 * The cluster model of documents built one by one, in input order: each object moved to where its document
 * stands now (`order` across the input, `source.doc`, offsets), then the cross-object duplicate check, reported
 * into each object's file.
 */
export function assembleModel(placed: readonly PlacedDocument[]): { model: ClusterModel; documents: DocumentSummary[] } {
  const model: Collected = { ingresses: [], ingressClasses: [], services: [], deployments: [], secrets: [], configMaps: [], gatewayClasses: [], gateways: [], httpRoutes: [], referenceGrants: [], unknown: [] }
  const all: DuplicateCandidate[] = []
  const documents: DocumentSummary[] = []
  for (const { file, doc, built, shift } of placed) {
    for (const entry of built.objects) {
      const object = placeObject(entry.object, doc.index, shift, all.length)
      if ('known' in object) model.unknown.push(object)
      else pushObject(model, object)
      all.push({ object, nameSpan: shiftSpan(entry.nameSpan, shift), report: file.sink.report.bind(file.sink) })
    }
    documents.push(summarize(file, doc.index, doc.span, built.head))
  }
  checkDuplicates(all)
  return { model, documents }
}

/** The object as it stands at document `doc`, `shift` further on, `order`-th in the input (itself when unchanged). */
function placeObject<T extends KnownObject | UnknownObject>(object: T, doc: number, shift: number, order: number): T {
  const { source } = object
  if (source.doc === doc && shift === 0 && object.order === order) return object
  return { ...object, order, source: { ...source, doc, span: shiftSpan(source.span, shift) } }
}

interface Head {
  readonly kind?: string
  readonly apiVersion?: string
  readonly name?: string
  readonly namespace?: string
}

function summarize(file: ParsedFile, index: number, span: Span, head: Head): DocumentSummary {
  const lines = file.lines()
  return {
    file: file.name,
    index,
    ...head,
    span,
    startLine: lineColAt(lines, span.start).line,
    endLine: lineColAt(lines, Math.max(span.start, span.end - 1)).line,
  }
}

/** `errorsAt`: the offsets of the document's YAML errors (an object whose metadata holds one is left out). */
function buildDocument(ctx: ReadContext, contents: unknown, into: BuiltObject[], errorsAt: readonly number[]): Head {
  const node = resolve(ctx, contents)
  if (node === null) return {}
  if (!isMap(node)) {
    ctx.report('not-an-object', 'error', msg('not-an-object', { got: describe(node) }), spanOf(node))
    return {}
  }
  const root = rootView(node, [], headSpan(node))
  const kind = readString(ctx, root, 'kind')?.value
  if (kind !== undefined && kind.endsWith('List') && fieldOf(ctx, root, 'items')) {
    const apiVersion = readString(ctx, root, 'apiVersion')?.value
    const items = readSeq(ctx, root, 'items')
    for (const item of items ? itemsOf(ctx, items) : []) {
      if (item.node !== null && isMap(item.node)) buildObject(ctx, item.node, item.path, into, errorsAt)
      else if (item.node !== null) {
        ctx.report('not-an-object', 'error', msg('list-item-not-an-object', { index: item.path[1] as number, got: describe(item.node) }), item.span)
      }
    }
    return { kind, ...(apiVersion !== undefined ? { apiVersion } : {}) }
  }
  return buildObject(ctx, node, [], into, errorsAt)
}

/** Where errors about a whole object point: its `kind` entry, else its first key. */
function headSpan(node: YAMLMap): Span {
  for (const pair of node.items) {
    if (isScalar(pair.key) && pair.key.value === 'kind') return spanOf(pair.key)
  }
  const first = node.items[0]?.key
  return first && isScalar(first) ? spanOf(first) : spanOf(node)
}

function buildObject(ctx: ReadContext, node: YAMLMap, docPath: FieldPath, into: BuiltObject[], errorsAt: readonly number[]): Head {
  const root: MapView = rootView(node, [], headSpan(node))
  const apiVersion = readString(ctx, root, 'apiVersion')
  const kind = readString(ctx, root, 'kind')
  if (!apiVersion && !fieldOf(ctx, root, 'apiVersion')) ctx.report('missing-api-version', 'error', msg('api-version-not-set'), root.anchor)
  if (!kind) {
    if (!fieldOf(ctx, root, 'kind')) ctx.report('missing-kind', 'error', msg('kind-not-set'), root.anchor)
    return apiVersion ? { apiVersion: apiVersion.value } : {}
  }
  const modelled = modelledKindOf(kind.value, apiVersion?.value)
  const metaRead = readMeta(ctx, root, modelled === 'Service' ? 'dns1035-label' : 'subdomain')
  const base = {
    apiVersion: apiVersion?.value ?? '',
    meta: metaRead.meta,
    source: { file: ctx.file, doc: ctx.doc, path: docPath, span: spanOf(node) },
    order: into.length,
  }
  const head: Head = { kind: kind.value, apiVersion: base.apiVersion, name: base.meta.name, namespace: base.meta.namespace }
  if (!modelled) {
    const object: UnknownObject = { kind: kind.value, ...base, known: false }
    into.push({ object, nameSpan: metaRead.nameSpan })
    ctx.report('unknown-kind', 'info', base.apiVersion
      ? msg('unknown-kind', { kind: kind.value, apiVersion: base.apiVersion })
      : msg('unknown-kind-no-version', { kind: kind.value }), kind.span)
    return head
  }
  const version = checkVersion(ctx, modelled, apiVersion?.value, apiVersion?.span ?? kind.span)
  const input: ObjectInput = { ctx, root, base, version, metaRead }
  const object = buildKnownObject(modelled, input)
  const leftOut = leftOutBecause(metaRead, metadataSpan(ctx, root), errorsAt)
  if (leftOut) {
    // Nothing downstream (routes, graph, checks, rollouts) may take it for an object named "" or half a name.
    ctx.report('object-left-out', 'warning', msg(leftOut, { kind: modelled }), metaRead.nameSpan)
    return head
  }
  into.push({ object, nameSpan: metaRead.nameSpan })
  return head
}

/** The range of the `metadata` entry (key and value), if the object has one. */
function metadataSpan(ctx: ReadContext, root: MapView): Span | undefined {
  const field = fieldOf(ctx, root, 'metadata')
  return field && { start: field.keySpan.start, end: Math.max(field.keySpan.end, field.span.end) }
}

/**
 * Why an object is left out of the model, or undefined when it is kept: it has no name, its name is not a
 * string, or a YAML error sits inside its metadata (the name and namespace read around it cannot be trusted).
 */
function leftOutBecause(meta: ReadMeta, metadata: Span | undefined, errorsAt: readonly number[]): Message['id'] | undefined {
  if (metadata && errorsAt.some((at) => at >= metadata.start && at < metadata.end)) return 'object-left-out-broken-metadata'
  if (meta.name === 'unreadable') return 'object-left-out-unreadable-name'
  if (meta.name === 'missing') return 'object-left-out-no-name'
  return undefined
}

function pushObject(into: Collected, object: KnownObject): void {
  switch (object.kind) {
    case 'Ingress': into.ingresses.push(object); break
    case 'IngressClass': into.ingressClasses.push(object); break
    case 'Service': into.services.push(object); break
    case 'Deployment': into.deployments.push(object); break
    case 'Secret': into.secrets.push(object); break
    case 'ConfigMap': into.configMaps.push(object); break
    case 'GatewayClass': into.gatewayClasses.push(object); break
    case 'Gateway': into.gateways.push(object); break
    case 'HTTPRoute': into.httpRoutes.push(object); break
    case 'ReferenceGrant': into.referenceGrants.push(object); break
  }
}

/** An error when the release checked against no longer serves the version (ModelOptions.kubernetesVersion), else a warning. */
function removedSeverity(removedIn: string, target: string | null): Severity {
  const targetMinor = target === null ? null : kubernetesMinor(target)
  const removedMinor = kubernetesMinor(removedIn)
  return targetMinor !== null && removedMinor !== null && targetMinor >= removedMinor ? 'error' : 'warning'
}

/** Warns about removed versions, rejects unknown ones, and returns the version whose shape applies. */
function checkVersion(ctx: ReadContext, kind: ModelledKind, written: string | undefined, span: Span): string {
  const table = kindVersions[kind]
  if (written === undefined) return table.current
  const status = table.versions[written]
  if (!status) {
    ctx.report('unknown-api-version', 'error', msg('unknown-api-version', { kind, written, current: table.current }), span)
    return table.current
  }
  if (status.status !== 'removed') return written
  const severity = effectiveSeverity(ctx.rules, 'removed-api-version', removedSeverity(status.removedIn, ctx.kubernetesVersion))
  if (severity !== null) {
    ctx.report('removed-api-version', severity, msg('removed-api-version', {
      kind, written, deprecatedIn: status.deprecatedIn, removedIn: status.removedIn, current: table.current, currentSince: table.currentSince,
    }), span)
  }
  return written
}
