/**
 * `convertToGatewayApi`: Ingresses → a Gateway (or the one of the input the caller names) and HTTPRoutes, with a
 * finding wherever the converted routes will not answer as ingress-nginx did (docs/migration.md#conversion).
 * The input is read with the engine's own stages — source, model, then `compileRoutes` for what ingress-nginx
 * serves and where — never by reading the YAML again; the structure is `convert-structure.ts`, what annotations
 * make of a rule `map-annotations.ts`, the YAML `write-manifests.ts`.
 */
import { msg, type Message } from '../../messages/message'
import { buildModel } from '../../model/build-model'
import { checkDns1123Label, checkDns1123Subdomain } from '../../model/validate-names'
import { compileRoutes } from '../../route/compile-routes'
import { createLocator } from '../../source/locate'
import { parseSources, type SourceFile } from '../../source/parse-sources'
import { convertStructure, type AnnotationMapping } from './convert-structure'
import { ANNOTATION_CONVERSION_CODES, mapIngressAnnotations, mapPathAnnotations, unconvertedAnnotationFindings } from './map-annotations'
import { STRUCTURE_CODES } from './structure-findings'
import { DEFAULT_GATEWAY_CLASS, DEFAULT_GATEWAY_NAME, type GatewayConversion, type GatewayConversionOptions } from './types'
import { writeManifests } from './write-manifests'

/** Every code a `ConversionFinding` of the conversion may carry (kebab-case, a closed list). */
export const CONVERSION_CODES: readonly string[] = [...STRUCTURE_CODES, ...ANNOTATION_CONVERSION_CODES]

/** What ingress-nginx's annotations make of the converted rules (`map-annotations.ts`). */
const ANNOTATION_MAPPING: AnnotationMapping = {
  mapPath: mapPathAnnotations,
  mapIngress: mapIngressAnnotations,
  unconverted: unconvertedAnnotationFindings,
}

type ResolvedOptions = { gatewayNamespace: string | null; gatewayName: string; gatewayClass: string }

/** The options checked: `gateway` must be `namespace/name`, `gatewayClass` an object name. */
function resolveOptions(options: GatewayConversionOptions): ResolvedOptions | { problem: Message } {
  const gatewayClass = options.gatewayClass ?? DEFAULT_GATEWAY_CLASS
  const classProblem = checkDns1123Subdomain(gatewayClass)
  if (classProblem) return { problem: msg('mg-option-gateway-class', { value: gatewayClass, why: classProblem }) }
  if (options.gateway === undefined) return { gatewayNamespace: null, gatewayName: DEFAULT_GATEWAY_NAME, gatewayClass }
  const parts = options.gateway.split('/')
  if (parts.length !== 2) return { problem: msg('mg-option-gateway-shape', { value: options.gateway }) }
  const [namespace, name] = parts as [string, string]
  const why = checkDns1123Label(namespace) ?? checkDns1123Subdomain(name)
  if (why) return { problem: msg('mg-option-gateway-name', { value: options.gateway, why }) }
  return { gatewayNamespace: namespace, gatewayName: name, gatewayClass }
}

/** The conversion with a given annotation mapping (the entry point passes `map-annotations.ts`'s). */
export function convertWithMapping(files: readonly SourceFile[], options: GatewayConversionOptions, mapping: AnnotationMapping): GatewayConversion | { problem: Message } {
  const resolved = resolveOptions(options)
  if ('problem' in resolved) return resolved
  const parsed = parseSources(files, options.source)
  const { model } = buildModel(parsed)
  const draft = convertStructure({ parsed, model, locate: createLocator(parsed.files), compiled: compileRoutes(model) }, resolved, mapping)
  const { text, objects } = writeManifests(draft)
  return { text, objects, findings: draft.findings, gateway: `${draft.gateway.namespace}/${draft.gateway.name}` }
}

/**
 * Converts every Ingress of `files` that ingress-nginx serves (any API version) into Gateway API objects: a
 * Gateway (`options.gateway`, default `<the Ingresses' namespace, else default>/ingress-nginx`, written unless
 * the input has it), HTTPRoutes, ReferenceGrants, one YAML stream; `findings` say where requests will be answered
 * differently, per Ingress and annotation. `problem` only for unusable options. Never throws.
 */
export function convertToGatewayApi(files: readonly SourceFile[], options: GatewayConversionOptions = {}): GatewayConversion | { problem: Message } {
  return convertWithMapping(files, options, ANNOTATION_MAPPING)
}
