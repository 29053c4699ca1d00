/**
 * The field path of an Ingress's path, `spec.rules[rule].http.paths[path]`: every location, rule view and canary
 * alternative names one. Field paths are read-only, so each position's array is made once and shared (a compile of
 * 10,000 Ingresses made some 200,000 of them).
 */
import type { FieldPath } from '../model/types'

const FIELDS: FieldPath[][] = []

export function ingressPathField(rule: number, path: number): FieldPath {
  const row = (FIELDS[rule] ??= [])
  return (row[path] ??= ['spec', 'rules', rule, 'http', 'paths', path])
}
