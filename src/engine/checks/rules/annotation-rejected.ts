/**
 * `annotation-rejected`: an Ingress the controller rejects for an annotation (docs/routing.md#annotation-validation):
 * a value a rejecting parser's validator refuses while `--enable-annotation-validation` is on (the default since
 * controller v1.12), an annotation above `annotations-risk-level` (High by default since v1.12; the snippets are
 * Critical), a snippet while `allow-snippet-annotations` is false, or a rewrite-target or redirect URL whose
 * variables `nginx -t` refuses (the webhook tests the configuration). The admission webhook denies it and the
 * controller skips it, so none of its rules is served. The decision is the route stage's (`selectIngresses`, which
 * asks `annotations.ts`); this rule only says it at the annotation, with fixes: the value without its nginx
 * variables, or trimmed, when that passes the validator; else removing the annotation.
 */
import { msg } from '../../messages/message'
import type { Fix } from '../../fix/types'
import { ANNOTATION_PREFIX, passesValidator, type AnnotationName, type AnnotationRejection, ANNOTATIONS } from '../../route/annotation-validation'
import { rejectionMessage } from '../../route/annotations'
import type { Finding, LintRule } from '../types'

/** `$name` and `${name}` as nginx's script compiler reads them (nginx-variables.ts has the full reading). */
const VARIABLE = /\$(?:\{[^}]*\}|[A-Za-z0-9_]+)/g

function fixesFor(rejection: AnnotationRejection): Fix[] {
  const at = ['metadata', 'annotations', rejection.annotation]
  const remove: Fix = { title: msg('fix-remove-annotation', { annotation: rejection.annotation }), ops: [{ op: 'delete', path: at }] }
  if (rejection.kind === 'nginx-test') {
    // Only the names nginx does not know go; `$1`, named groups and known variables stay.
    const unknown = new Set(rejection.unknown)
    const without = rejection.value.replace(VARIABLE, (variable) => (unknown.has(variable.replace(/^\$\{?|\}$/g, '').toLowerCase()) ? '' : variable))
    if (unknown.size === 0 || without === rejection.value || without.trim() === '') return [remove]
    return [{ title: msg('fix-remove-redirect-variables', { value: without }), ops: [{ op: 'set', path: at, value: without }] }, remove]
  }
  if (rejection.kind !== 'validation') return [remove]
  const name = rejection.annotation.slice(ANNOTATION_PREFIX.length) as AnnotationName
  if (!(name in ANNOTATIONS)) return [remove]
  const fixes: Fix[] = []
  const withoutVariables = rejection.value.replace(VARIABLE, '')
  if (withoutVariables !== rejection.value && withoutVariables.trim() !== '' && passesValidator(name, withoutVariables)) {
    fixes.push({ title: msg('fix-remove-redirect-variables', { value: withoutVariables }), ops: [{ op: 'set', path: at, value: withoutVariables }] })
  }
  const trimmed = rejection.value.trim()
  if (trimmed !== rejection.value && trimmed !== '' && passesValidator(name, trimmed)) {
    fixes.push({ title: msg('fix-set-annotation', { annotation: rejection.annotation, value: trimmed }), ops: [{ op: 'set', path: at, value: trimmed }] })
  }
  return [...fixes, remove]
}

export const annotationRejected: LintRule = {
  id: 'annotation-rejected',
  check({ routes }) {
    const { environment, ingresses } = routes()
    const findings: Finding[] = []
    for (const status of ingresses) {
      for (const rejection of status.rejections ?? []) {
        findings.push({
          code: 'annotation-rejected',
          source: status.ref.source,
          at: ['metadata', 'annotations', rejection.annotation],
          text: msg('annotation-rejected-lint', { reason: rejectionMessage(rejection, environment) }),
          fixes: fixesFor(rejection),
        })
      }
    }
    return findings
  },
}
