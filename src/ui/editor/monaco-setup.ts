/**
 * Monaco, YAML colouring and monaco-yaml with the Kubernetes schema, all bundled locally (no CDN). Imported only
 * from the lazily loaded editor component, so none of it is in the initial JavaScript.
 */
import * as monaco from 'monaco-editor/editor'
import 'monaco-editor/features/register.all'
import 'monaco-editor/languages/definitions/yaml/register'
import { configureMonacoYaml } from 'monaco-yaml'
import k8sSchema from 'virtual:k8s-schema'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import YamlWorker from './yaml.worker?worker'
import { SEED_FILE_NAME } from '../../presets/seed'

/** The URI of the one editor model; monaco-yaml matches the schema to it by file name. */
export const MANIFEST_URI = monaco.Uri.parse(`file:///${SEED_FILE_NAME}`)

globalThis.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'yaml') return new YamlWorker()
    return new EditorWorker()
  },
}

interface LegacyWorkerOptions {
  readonly label: string
  readonly createData?: unknown
  readonly host?: Record<string, (...args: unknown[]) => unknown>
  readonly keepIdleModels?: boolean
}

/**
 * monaco-yaml 5.5.1 still calls `createWebWorker({ moduleId, label, createData })`; Monaco 0.57 expects
 * `{ worker }`. Start the worker ourselves and send it the two messages Monaco's own worker bootstrap sends
 * (an ignored first message, then the create data), so the YAML worker starts as the language service expects.
 */
function createWebWorkerCompat(options: LegacyWorkerOptions | monaco.editor.IInternalWebWorkerOptions) {
  if ('worker' in options) return monaco.editor.createWebWorker(options)
  const worker = Promise.resolve(globalThis.MonacoEnvironment!.getWorker!('workerMain.js', options.label)).then((w) => {
    w.postMessage('ignore')
    w.postMessage(options.createData)
    return w
  })
  return monaco.editor.createWebWorker({
    worker,
    host: options.host as Record<string, () => unknown> | undefined,
    keepIdleModels: options.keepIdleModels,
  })
}

configureMonacoYaml(
  { ...monaco, editor: { ...monaco.editor, createWebWorker: createWebWorkerCompat } } as unknown as typeof monaco,
  {
    enableSchemaRequest: false,
    isKubernetes: true,
    completion: true,
    hover: true,
    hoverSchemaSource: false,
    // The engine is the one judge of the manifest: its diagnostics are the markers and the list. Schema
    // validation here would repeat them with other words and other ranges.
    validate: false,
    format: { enable: false },
    schemas: [{ uri: k8sSchema.$id ?? 'inmemory://schemas/kubernetes.json', fileMatch: [`**/${SEED_FILE_NAME}`], schema: k8sSchema as never }],
  },
)

export { monaco }
