declare module 'virtual:k8s-schema' {
  import type { JsonSchema } from './generate-k8s-schema'
  const schema: JsonSchema
  export default schema
}
