/** IngressClass (networking.k8s.io/v1 and v1beta1) → `IngressClass`; the default-class annotation read. */
import { invalidValue, requiredValue } from './field-errors'
import type { ObjectInput } from './object-input'
import { readMap, readString } from './read-node'
import type { IngressClass } from './types'
import { checkDomainPrefixedPath } from './validate-names'

const defaultClassAnnotation = 'ingressclass.kubernetes.io/is-default-class'

/** Builds the IngressClass of `input`, reporting every validation problem. */
export function buildIngressClass(input: ObjectInput): IngressClass {
  const { ctx, root, base } = input
  const spec = readMap(ctx, root, 'spec')
  if (!spec) ctx.report('required', 'error', requiredValue(['spec', 'controller']), root.anchor)
  const controller = readString(ctx, spec, 'controller', true)
  if (controller) {
    const bad = checkDomainPrefixedPath(controller.value)
    if (bad) ctx.report('invalid-value', 'error', invalidValue(controller.path, controller.value, bad), controller.span)
  }
  return {
    kind: 'IngressClass',
    ...base,
    controller: controller?.value ?? '',
    isDefault: base.meta.annotations[defaultClassAnnotation] === 'true',
  }
}
