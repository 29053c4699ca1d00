/**
 * Vite plugin serving `virtual:k8s-schema`: the Kubernetes JSON schema generated at build time from the
 * `kubernetes-models` declarations (see generate-k8s-schema.ts). Only the lazily loaded Monaco setup imports
 * it, so the schema stays out of the initial JavaScript.
 */
import type { Plugin } from 'vite'
import { generateK8sSchema } from './generate-k8s-schema.ts'

const VIRTUAL_ID = 'virtual:k8s-schema'
const RESOLVED_ID = '\0' + VIRTUAL_ID

/** Resolves `virtual:k8s-schema` to a module whose default export is the schema object. */
export function k8sSchemaPlugin(): Plugin {
  let code: string | undefined
  return {
    name: 'ingress-studio:k8s-schema',
    // Filters let the bundler skip this plugin for every other module instead of calling it.
    resolveId: {
      filter: { id: new RegExp(`^${VIRTUAL_ID}$`) },
      handler: () => RESOLVED_ID,
    },
    load: {
      filter: { id: new RegExp(`^\\0${VIRTUAL_ID}$`) },
      handler() {
        // JSON.parse of a string literal starts faster than an object literal of this size (~270 KB).
        code ??= `export default JSON.parse(${JSON.stringify(JSON.stringify(generateK8sSchema()))})\n`
        return code
      },
    },
  }
}
