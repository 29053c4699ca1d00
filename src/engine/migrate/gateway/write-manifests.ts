/**
 * The conversion's draft written out as one YAML stream (docs/migration.md#conversion): the Gateway (when the
 * conversion writes one), the ReferenceGrants, then each HTTPRoute (its https redirect route after it), one
 * document each, separated by `---`. Keys in the order kubectl writes them (apiVersion, kind, metadata, spec),
 * sequences unindented as kubectl writes them; comments through the `yaml` Document API. Same draft, same bytes.
 */
import { Document, isNode } from 'yaml'
import { GATEWAY_API_GROUP } from '../../model/gateway-types'
import type { ConversionDraft, DraftReferenceGrant, DraftRoute } from './convert-structure'
import type { DraftFilter, DraftListener, DraftRule } from './draft'
import type { ConvertedObject } from './types'

/** Every kind written is served as v1 (gateway-api v1.6.1 standard channel; ReferenceGrant since v1.5). */
const API_VERSION = `${GATEWAY_API_GROUP}/v1`

type Plain = string | number | boolean | Plain[] | { [key: string]: Plain }

function listener(draft: DraftListener): Plain {
  const out: { [key: string]: Plain } = { name: draft.name }
  if (draft.hostname !== undefined) out.hostname = draft.hostname
  out.port = draft.port
  out.protocol = draft.protocol
  if (draft.certificateRefs) {
    out.tls = {
      mode: 'Terminate',
      certificateRefs: draft.certificateRefs.map((ref) => ({ kind: 'Secret', name: ref.name, ...(ref.namespace !== undefined ? { namespace: ref.namespace } : {}) })),
    }
  }
  if (draft.allowedRoutesFromAll) out.allowedRoutes = { namespaces: { from: 'All' } }
  return out
}

function filter(draft: DraftFilter): Plain {
  // The draft's field names are the API's: a plain copy, with undefined fields left out.
  return JSON.parse(JSON.stringify(draft)) as Plain
}

function rule(draft: DraftRule): Plain {
  const out: { [key: string]: Plain } = {
    matches: draft.matches.map((match) => ({
      path: { type: match.path.type, value: match.path.value },
      ...(match.headers && match.headers.length > 0
        ? { headers: match.headers.map((header) => ({ ...(header.type ? { type: header.type } : {}), name: header.name, value: header.value })) }
        : {}),
    })),
  }
  if (draft.filters && draft.filters.length > 0) out.filters = draft.filters.map(filter)
  if (draft.backendRefs.length > 0) {
    out.backendRefs = draft.backendRefs.map((backend) => ({
      name: backend.name,
      ...(backend.namespace !== undefined ? { namespace: backend.namespace } : {}),
      port: backend.port,
      ...(backend.weight !== undefined ? { weight: backend.weight } : {}),
    }))
  }
  return out
}

/** Comment text as `yaml` writes it (`#` + the line): a space after the `#` unless the line has one. */
function commentText(comment: string): string {
  return comment.split('\n').map((line) => (line === '' || line.startsWith(' ') ? line : ' ' + line)).join('\n')
}

function routeDocument(route: DraftRoute): Document {
  const doc = new Document({
    apiVersion: API_VERSION,
    kind: 'HTTPRoute',
    metadata: { name: route.name, namespace: route.namespace },
    spec: {
      parentRefs: route.parentRefs.map((ref) => ({ name: ref.name, ...(ref.namespace !== undefined ? { namespace: ref.namespace } : {}), sectionName: ref.sectionName })),
      ...(route.hostnames.length > 0 ? { hostnames: [...route.hostnames] } : {}),
      rules: route.rules.map(rule),
    } as Plain,
  })
  // On the object's map, so the comment sits right above `apiVersion` (on the document it gets a blank line).
  if (isNode(doc.contents)) doc.contents.commentBefore = commentText(route.comment)
  route.rules.forEach((draft, i) => {
    const node = doc.getIn(['spec', 'rules', i], true)
    if (draft.comment && isNode(node)) node.commentBefore = commentText(draft.comment)
  })
  return doc
}

function grantDocument(grant: DraftReferenceGrant): Document {
  return new Document({
    apiVersion: API_VERSION,
    kind: 'ReferenceGrant',
    metadata: { name: grant.name, namespace: grant.namespace },
    spec: {
      from: [{ group: GATEWAY_API_GROUP, kind: grant.fromKind, namespace: grant.fromNamespace }],
      to: grant.toNames.map((name) => ({ group: '', kind: grant.toKind, name })),
    },
  })
}

/** The YAML stream and the list of objects of `draft`. */
export function writeManifests(draft: ConversionDraft): { text: string; objects: ConvertedObject[] } {
  const docs: Document[] = []
  const objects: ConvertedObject[] = []
  const { gateway } = draft
  if (!gateway.existing) {
    docs.push(new Document({
      apiVersion: API_VERSION,
      kind: 'Gateway',
      metadata: { name: gateway.name, namespace: gateway.namespace },
      spec: { gatewayClassName: gateway.gatewayClass, listeners: gateway.listeners.map(listener) },
    }))
    objects.push({ kind: 'Gateway', namespace: gateway.namespace, name: gateway.name, from: draft.gatewayFrom })
  }
  for (const grant of draft.grants) {
    docs.push(grantDocument(grant))
    objects.push({ kind: 'ReferenceGrant', namespace: grant.namespace, name: grant.name, from: [] })
  }
  for (const route of draft.routes) {
    docs.push(routeDocument(route))
    objects.push({ kind: 'HTTPRoute', namespace: route.namespace, name: route.name, from: [route.from] })
  }
  const text = docs.map((doc) => doc.toString({ indentSeq: false, lineWidth: 0 })).join('---\n')
  return { text, objects }
}
