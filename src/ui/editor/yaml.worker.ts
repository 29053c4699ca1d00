// The monaco-yaml language service (validation, completion, hover) in its own worker.
import 'monaco-yaml/yaml.worker.js'
