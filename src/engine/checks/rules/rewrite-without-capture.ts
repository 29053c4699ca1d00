/**
 * `rewrite-without-capture`: a `rewrite-target` that reads nothing of the request path — no capture (`$1`–`$9`,
 * or `$name` / `${name}` of a named group `(?<name>…)`, `(?P<name>…)`, `(?'name'…)` in one of the Ingress's
 * paths) and no variable holding the path (`$uri`, `$document_uri`, `$request_uri`) — on an Ingress whose paths
 * match longer URLs. Since ingress-nginx 0.22 the target replaces the whole path, so the part after the matched
 * prefix is lost (docs/routing.md#rewrite-target). The fix captures the rest of every path: `P(/|$)(.*)` with target `T$2`
 * (`/()(.*)` for the root path, so group 2 is the rest there too), and makes the paths ImplementationSpecific
 * (a regex is not a valid Prefix path).
 */
import { msg } from '../../messages/message'
import { parseNginxTemplate } from '../../route/nginx-variables'
import { pcreCaptureNames } from '../../route/pcre-groups'
import type { FixOp } from '../../fix/types'
import type { Ingress } from '../../model/types'
import type { Finding, LintRule } from '../types'

const ANNOTATION = 'nginx.ingress.kubernetes.io/rewrite-target'

function captureFix(ingress: Ingress, target: string): FixOp[] | null {
  const ops: FixOp[] = []
  for (const [r, rule] of ingress.rules.entries()) {
    for (const [p, path] of rule.paths.entries()) {
      if (/[()[\]{}*+?|^$\\]/.test(path.path)) return null
      const trimmed = path.path.replace(/\/+$/, '')
      const at = ['spec', 'rules', r, 'http', 'paths', p]
      ops.push({ op: 'set', path: [...at, 'path'], value: trimmed === '' ? '/()(.*)' : `${trimmed}(/|$)(.*)` })
      if (!path.pathTypeDefaulted && path.pathType !== 'ImplementationSpecific') ops.push({ op: 'set', path: [...at, 'pathType'], value: 'ImplementationSpecific' })
    }
  }
  const base = target.endsWith('/') ? target : `${target}/`
  ops.push({ op: 'set', path: ['metadata', 'annotations', ANNOTATION], value: `${base}$2` })
  return ops
}

/** Variables whose value carries the request path, so a target reading them keeps it. */
const PATH_VARIABLES = new Set(['uri', 'document_uri', 'request_uri'])

/** Whether `target` reads a capture or the path: nginx's script compiler's view of `$` (nginx-variables.ts). */
function readsThePath(target: string, ingress: Ingress): boolean {
  const parsed = parseNginxTemplate(target, 'value')
  if (parsed.kind !== 'ok') return true
  let names: Set<string> | null = null
  for (const part of parsed.parts) {
    if (part.kind === 'capture') return true
    if (part.kind !== 'variable') continue
    if (PATH_VARIABLES.has(part.name)) return true
    names ??= new Set(ingress.rules.flatMap((rule) => rule.paths.flatMap((path) => [...pcreCaptureNames(path.path).keys()].map((name) => name.toLowerCase()))))
    if (names.has(part.name)) return true
  }
  return false
}

export const rewriteWithoutCapture: LintRule = {
  id: 'rewrite-without-capture',
  check({ model }) {
    const findings: Finding[] = []
    for (const ingress of model.ingresses) {
      const target = ingress.meta.annotations[ANNOTATION]
      if (target === undefined || target === '' || readsThePath(target, ingress)) continue
      const suffixed = ingress.rules.flatMap((rule) => rule.paths).filter((path) => path.pathType !== 'Exact' && path.path !== '' && path.path !== '/')
      if (suffixed.length === 0) continue
      const example = suffixed[0]?.path.replace(/\/+$/, '') ?? ''
      const ops = captureFix(ingress, target)
      findings.push({
        code: 'rewrite-without-capture',
        source: ingress.source,
        at: ['metadata', 'annotations', ANNOTATION],
        text: msg('lint-rewrite-without-capture', { target, example, suggested: target.replace(/\/?$/, '/') }),
        fixes: ops ? [{ title: msg('fix-capture-rest-of-path'), ops }] : [],
      })
    }
    return findings
  },
}
