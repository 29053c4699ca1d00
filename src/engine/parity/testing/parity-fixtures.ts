/**
 * Fixtures of the parity tests and bench: a Gateway with an HTTP and an HTTPS listener, HTTPRoutes in a compact
 * notation, and the check run on hand-written Gateway API objects (`against`).
 */
import type { SourceFile } from '../../analyze'
import { formatMessage } from '../../messages/render'
import type { ConversionFinding } from '../../migrate/gateway/types'
import { compileSides, runParity, type ParitySides } from '../run-parity'
import type { ParityReport, ParityRequest } from '../types'

/** Gateway `default/gw`: http on 80, and https on 443 (certificate Secret `default/tls`) unless `https` is false. */
export function gatewayYaml(options: { https?: boolean; http?: boolean } = {}): string {
  const listeners = [
    ...(options.http === false ? [] : ['  - {name: http, port: 80, protocol: HTTP}']),
    ...(options.https === false ? [] : ['  - {name: https, port: 443, protocol: HTTPS, tls: {mode: Terminate, certificateRefs: [{name: tls}]}}']),
  ]
  return `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: nginx
  listeners:
${listeners.join('\n')}
`
}

/** An HTTPRoute attached to `default/gw` (every listener, or `sectionName`), rules as YAML list items. */
export function httpRouteYaml(name: string, hostnames: readonly string[], rules: string, sectionName?: string): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: default}
spec:
  parentRefs: [{name: gw${sectionName ? `, sectionName: ${sectionName}` : ''}}]
  hostnames: [${hostnames.join(', ')}]
  rules:
${rules}`
}

/** One rule: a path match and backendRefs (`service:port[:weight]`). */
export function ruleYaml(type: 'Exact' | 'PathPrefix' | 'RegularExpression', value: string, backends: readonly string[], extra = ''): string {
  const refs = backends.map((b) => {
    const [name, port, weight] = b.split(':')
    return `{name: ${name}, port: ${port}${weight === undefined ? '' : `, weight: ${weight}`}}`
  })
  return `  - matches: [{path: {type: ${type}, value: '${value}'}}]
    backendRefs: [${refs.join(', ')}]
${extra}`
}

export function sidesOf(ingressText: string, gatewayText: string): ParitySides {
  const sides = compileSides([{ name: 'ingress.yaml', text: ingressText }], [{ name: 'gateway.yaml', text: gatewayText }], null)
  if ('problem' in sides) throw new Error(formatMessage(sides.problem))
  return sides
}

/** The report for Ingresses against hand-written Gateway API objects. */
export function parityOf(ingressText: string, gatewayText: string, requests: readonly ParityRequest[] = [], findings: readonly ConversionFinding[] | null = null): ParityReport {
  return runParity(sidesOf(ingressText, gatewayText), requests, findings)
}

export function files(text: string): SourceFile[] {
  return [{ name: 'ingress.yaml', text }]
}

/** `url → cause` of every difference. */
export function causesOf(report: ParityReport): Record<string, string> {
  return Object.fromEntries(report.differences.map((d) => [`${Object.keys(d.request.headers).length + Object.keys(d.request.cookies).length > 0 ? JSON.stringify({ ...d.request.headers, ...d.request.cookies }) + ' ' : ''}${d.request.url}`, d.cause]))
}
