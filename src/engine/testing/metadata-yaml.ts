/** The `metadata:` block every fixture builder writes: name, and namespace, timestamp, labels, annotations when given. */
import { plainMap, quotedMap, scalar } from './yaml-text'

export interface MetadataSpec {
  readonly namespace?: string
  readonly labels?: Readonly<Record<string, string>>
  readonly annotations?: Readonly<Record<string, string>>
  readonly timestamp?: string
}

export function metadataYaml(name: string, meta: MetadataSpec): string {
  return `metadata:
  name: ${scalar(name)}
${meta.namespace !== undefined ? `  namespace: ${scalar(meta.namespace)}\n` : ''}${
  meta.timestamp !== undefined ? `  creationTimestamp: ${JSON.stringify(meta.timestamp)}\n` : ''}${
  meta.labels ? `  labels:\n${plainMap(meta.labels, 4)}` : ''}${
  meta.annotations && Object.keys(meta.annotations).length > 0 ? `  annotations:\n${quotedMap(meta.annotations, 4)}` : ''}`
}
