/**
 * Typed model objects for tests, made the way users' objects are: fixture YAML through the real model stage
 * (`analyze`, lints off), so defaults and normalisation come from the model, never from a copy in a test.
 * A fixture that does not model cleanly (any error diagnostic) throws with the diagnostics and the text, so the
 * test that wrote it fails at the fixture rather than somewhere downstream.
 */
import { analyze, type SourceFile } from '../analyze'
import type { DiagnosticCode } from '../diagnostics'
import type { ClusterModel, ConfigMap, Deployment, Ingress, IngressClass, Secret, Service } from '../model/types'
import { configMapYaml, ingressClassYaml, ingressYaml, joinDocuments, type IngressSpec } from './manifests'

export interface FixtureOptions {
  /** Default: test.yaml. */
  readonly file?: string
  /** Error codes the fixture is written to have (input the API server rejects but the studio still reads). */
  readonly allowErrors?: readonly DiagnosticCode[]
}

/** The cluster model of `text`; throws when the model stage reports an error not in `allowErrors`. */
export function modelOf(text: string, options: FixtureOptions = {}): ClusterModel {
  return modelOfFiles([{ name: options.file ?? 'test.yaml', text }], options.allowErrors)
}

/**
 * The cluster model of several files (objects in file order), for inputs above one file's size cap (benches);
 * throws when the model stage reports an error.
 */
export function modelOfFiles(files: readonly SourceFile[], allowErrors: readonly DiagnosticCode[] = []): ClusterModel {
  const analysis = analyze(files, { checks: false })
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error' && !allowErrors.includes(d.code))
  if (errors.length > 0) {
    const listed = errors.slice(0, 20).map((d) => `  ${d.file}:${d.start.line}:${d.start.column} ${d.code}: ${d.message}`).join('\n')
    const text = files.length === 1 ? `\n--- fixture ---\n${files[0]?.text}` : ''
    throw new Error(`the fixture does not model cleanly (${errors.length} errors):\n${listed}${text}`)
  }
  return analysis.model
}

function single<T>(objects: readonly T[], kind: string, text: string): T {
  if (objects.length !== 1) throw new Error(`expected one ${kind} in the fixture, found ${objects.length}:\n${text}`)
  return objects[0] as T
}

/** The one Deployment of `text`. */
export const deploymentOf = (text: string, options?: FixtureOptions): Deployment => single(modelOf(text, options).deployments, 'Deployment', text)
/** The one Service of `text`. */
export const serviceOf = (text: string, options?: FixtureOptions): Service => single(modelOf(text, options).services, 'Service', text)
/** The one Ingress of `text`. */
export const ingressOf = (text: string, options?: FixtureOptions): Ingress => single(modelOf(text, options).ingresses, 'Ingress', text)
/** The one Secret of `text`. */
export const secretOf = (text: string, options?: FixtureOptions): Secret => single(modelOf(text, options).secrets, 'Secret', text)

// Objects made by the builders below remember their YAML, so `clusterModel` can model them together: document
// order, spans and duplicates then come from the model stage as they would for a user's file.
const yamlOf = new WeakMap<object, string>()

function remembered<T extends object>(object: T, text: string): T {
  yamlOf.set(object, text)
  return object
}

/** An Ingress modelled from `ingressYaml(name, spec)`. */
export function ingress(name: string, spec: IngressSpec = {}): Ingress {
  const text = ingressYaml(name, spec)
  return remembered(ingressOf(text), text)
}

/** An IngressClass modelled from `ingressClassYaml`. */
export function ingressClass(name: string, controller: string, isDefault = false): IngressClass {
  const text = ingressClassYaml(name, controller, isDefault)
  return remembered(single(modelOf(text).ingressClasses, 'IngressClass', text), text)
}

/** A ConfigMap modelled from `configMapYaml` (namespace ingress-nginx, where the controller reads its own). */
export function configMap(name: string, data: Readonly<Record<string, string>>, namespace = 'ingress-nginx'): ConfigMap {
  const text = configMapYaml(name, data, namespace)
  return remembered(single(modelOf(text).configMaps, 'ConfigMap', text), text)
}

/** The model of the builders' objects written one after another, in argument order. */
export function clusterModel(...objects: readonly (Ingress | IngressClass | ConfigMap)[]): ClusterModel {
  const texts = objects.map((object) => {
    const text = yamlOf.get(object)
    if (text === undefined) throw new Error(`clusterModel takes objects made by the testing builders; ${object.kind} ${object.meta.name} was not`)
    return text
  })
  return modelOf(joinDocuments(...texts))
}
