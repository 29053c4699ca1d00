/**
 * Test support for the lint rules: a small Ingress → Service → Deployment stack written as YAML with the parts
 * a test varies, and a helper that applies a diagnostic's quick fix the way the editor does.
 */
import { analyze, type AnalyzeOptions } from '../analyze'
import type { DiagnosticCode } from '../diagnostics'
import { applyEdits } from '../fix/apply-fix'
import { findQuickFixes, type QuickFix } from '../fix/quick-fixes'

export interface StackOptions {
  /** Lines under the container (indented 8 spaces in the output), e.g. probes. */
  readonly container?: string
  /** Lines under the Deployment's spec (2 spaces). */
  readonly spec?: string
  /** Lines under the pod spec (6 spaces). */
  readonly pod?: string
  readonly replicas?: number
  readonly apiVersion?: string
  /** The Service's selector label value (default: web). */
  readonly selects?: string
  /** False: no Ingress in front. */
  readonly ingress?: boolean
  /** Extra documents appended. */
  readonly extra?: string
}

const indent = (text: string, by: number): string => text.trim().split('\n').map((line) => ' '.repeat(by) + line).join('\n')

/** An Ingress → Service web:80 → Deployment web (container port 8080 named http). */
export function stack(o: StackOptions = {}): string {
  const parts = [`apiVersion: ${o.apiVersion ?? 'apps/v1'}
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${o.replicas ?? 3}
  selector:
    matchLabels:
      app: web
${o.spec ? indent(o.spec, 2) + '\n' : ''}  template:
    metadata:
      labels:
        app: web
    spec:
${o.pod ? indent(o.pod, 6) + '\n' : ''}      containers:
      - name: web
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 8080
${o.container ? indent(o.container, 8) + '\n' : ''}`, `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: ${o.selects ?? 'web'}
  ports:
  - port: 80
    targetPort: http
`]
  if (o.ingress !== false) {
    parts.push(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
  - host: web.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
`)
  }
  if (o.extra) parts.push(o.extra.trim() + '\n')
  return parts.join('---\n')
}

/** The probes every stack test starts from unless it varies them: readiness on the port, preStop sleep. */
export const HEALTHY = `readinessProbe:
  httpGet: {path: /healthz, port: http}
lifecycle:
  preStop:
    sleep: {seconds: 5}`

/** Codes of the diagnostics of `text`. */
export function codesOf(text: string, options: AnalyzeOptions = {}): DiagnosticCode[] {
  return analyze([{ name: 'test.yaml', text }], options).diagnostics.map((d) => d.code)
}

/** The quick fixes of the first diagnostic with `code`. */
export function fixesFor(text: string, code: DiagnosticCode, options: AnalyzeOptions = {}): QuickFix[] {
  const files = [{ name: 'test.yaml', text }]
  const diagnostic = analyze(files, options).diagnostics.find((d) => d.code === code)
  if (!diagnostic) throw new Error(`no ${code} in the text`)
  return findQuickFixes(files, options, { file: 'test.yaml', code, span: diagnostic.span })
}

/** `text` after applying fix `which` of the first `code` diagnostic. */
export function applyFix(text: string, code: DiagnosticCode, which = 0, options: AnalyzeOptions = {}): string {
  const fix = fixesFor(text, code, options)[which]
  if (!fix) throw new Error(`no fix ${which} for ${code}`)
  return applyEdits(text, fix.edits)
}
