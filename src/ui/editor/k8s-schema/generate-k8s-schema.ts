/**
 * Build-time generator of the editor's Kubernetes JSON schema (Node only; never bundled into the page).
 *
 * The `kubernetes-models` package ships TypeScript declarations generated from the Kubernetes OpenAPI specs of
 * every release, old API groups included (extensions/v1beta1, apps/v1beta1 …), with the API's own field
 * documentation as TSDoc. We read those declarations with the TypeScript compiler and turn each interface into a
 * JSON-schema definition, so completion and hover docs come from the API itself instead of hand-written JSON.
 */
import ts from 'typescript'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { GATEWAY_API_OMITTED, GATEWAY_API_ROOTS } from './gateway-api-roots.ts'

/** One top-level kind the studio edits: where its declaration lives and the interface that describes it. */
export interface SchemaRoot {
  readonly apiVersion: string
  readonly kind: string
  /** Module path inside the package, e.g. `networking.k8s.io/v1/Ingress`. */
  readonly module: string
  /** The npm package whose declarations hold the module; default `kubernetes-models`. */
  readonly package?: string
}

/** The kinds and versions of issue 2: Ingress (3), IngressClass (2), Service, Deployment (4), Secret, ConfigMap. */
export const SCHEMA_ROOTS: readonly SchemaRoot[] = [
  { apiVersion: 'extensions/v1beta1', kind: 'Ingress', module: 'extensions/v1beta1/Ingress' },
  { apiVersion: 'networking.k8s.io/v1beta1', kind: 'Ingress', module: 'networking.k8s.io/v1beta1/Ingress' },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', module: 'networking.k8s.io/v1/Ingress' },
  { apiVersion: 'networking.k8s.io/v1beta1', kind: 'IngressClass', module: 'networking.k8s.io/v1beta1/IngressClass' },
  { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', module: 'networking.k8s.io/v1/IngressClass' },
  { apiVersion: 'v1', kind: 'Service', module: 'v1/Service' },
  { apiVersion: 'extensions/v1beta1', kind: 'Deployment', module: 'extensions/v1beta1/Deployment' },
  { apiVersion: 'apps/v1beta1', kind: 'Deployment', module: 'apps/v1beta1/Deployment' },
  { apiVersion: 'apps/v1beta2', kind: 'Deployment', module: 'apps/v1beta2/Deployment' },
  { apiVersion: 'apps/v1', kind: 'Deployment', module: 'apps/v1/Deployment' },
  { apiVersion: 'v1', kind: 'Secret', module: 'v1/Secret' },
  { apiVersion: 'v1', kind: 'ConfigMap', module: 'v1/ConfigMap' },
  ...GATEWAY_API_ROOTS,
]

/** The subset of JSON Schema (draft-07) this generator writes. */
export interface JsonSchema {
  $schema?: string
  $id?: string
  $ref?: string
  title?: string
  description?: string
  type?: string | string[]
  enum?: readonly string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: JsonSchema
  items?: JsonSchema
  definitions?: Record<string, JsonSchema>
  allOf?: JsonSchema[]
  if?: JsonSchema
  then?: JsonSchema
}

/** Fields a person never writes in a manifest; left out to keep the schema (and completion) lean. */
const SKIPPED_ROOT_FIELDS = new Set(['status'])

/**
 * Generates one schema for every document of a manifest (`omitted`: properties left out per definition key): `apiVersion` and `kind` complete from the known pairs,
 * and an `if`/`then` per pair applies that kind's definition, so completion and hover follow what the document
 * declares. `kind: List` applies the same schema to each of its `items`.
 */
export function generateK8sSchema(
  roots: readonly SchemaRoot[] = SCHEMA_ROOTS,
  omitted: Readonly<Record<string, readonly string[]>> = GATEWAY_API_OMITTED,
): JsonSchema {
  const require = createRequire(import.meta.url)
  const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`))
  const files = roots.map((root) => join(packageDir(root.package ?? 'kubernetes-models'), `${root.module}.d.ts`))
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    moduleResolution: ts.ModuleResolutionKind.Node10,
    module: ts.ModuleKind.CommonJS,
  })
  const converter = new TypeConverter(program.getTypeChecker(), dirname(packageDir('kubernetes-models')), omitted)

  const branches: JsonSchema[] = roots.map((root, index) => {
    const ref = converter.convertRoot(program, files[index]!, root)
    return {
      if: {
        properties: { apiVersion: { enum: [root.apiVersion] }, kind: { enum: [root.kind] } },
        required: ['apiVersion', 'kind'],
      },
      then: { $ref: ref },
    }
  })
  branches.push({
    if: { properties: { kind: { enum: ['List'] } }, required: ['kind'] },
    then: {
      properties: {
        items: { type: 'array', description: 'The objects of this list, each a whole manifest.', items: { $ref: '#' } },
      },
    },
  })

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'inmemory://schemas/kubernetes.json',
    type: 'object',
    properties: {
      apiVersion: {
        type: 'string',
        description: 'The versioned schema of this object, e.g. `networking.k8s.io/v1`.',
        enum: [...new Set([...roots.map((root) => root.apiVersion), 'v1'])].sort(),
      },
      kind: {
        type: 'string',
        description: 'The kind of object this document describes.',
        enum: [...new Set([...roots.map((root) => root.kind), 'List'])].sort(),
      },
    },
    required: ['apiVersion', 'kind'],
    allOf: branches,
    definitions: converter.definitions,
  }
}

class TypeConverter {
  readonly definitions: Record<string, JsonSchema> = {}

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly modulesDir: string,
    /** Properties left out per definition key (fields a package has that the modelled API does not). */
    private readonly omitted: Readonly<Record<string, readonly string[]>>,
  ) {}

  convertRoot(program: ts.Program, file: string, root: SchemaRoot): string {
    const source = program.getSourceFile(file)
    const moduleSymbol = source && this.checker.getSymbolAtLocation(source)
    const symbol = moduleSymbol && this.checker.getExportsOfModule(moduleSymbol).find((s) => s.name === `I${root.kind}`)
    if (!symbol) throw new Error(`kubernetes-models has no I${root.kind} in ${root.module}`)
    const ref = this.convertNamed(this.checker.getDeclaredTypeOfSymbol(symbol), symbol, SKIPPED_ROOT_FIELDS)
    if (!ref.$ref) throw new Error(`I${root.kind} is not an interface`)
    return ref.$ref
  }

  private convert(type: ts.Type): JsonSchema {
    const checker = this.checker
    if (type.isUnion()) return this.convertUnion(type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined)))
    if (type.flags & ts.TypeFlags.StringLiteral) return { type: 'string', enum: [(type as ts.StringLiteralType).value] }
    if (type.flags & ts.TypeFlags.String) return { type: 'string' }
    if (type.flags & ts.TypeFlags.Number) return { type: 'number' }
    if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' }
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {}
    if (checker.isArrayType(type)) return { type: 'array', items: this.convert(checker.getTypeArguments(type as ts.TypeReference)[0]!) }
    const index = checker.getIndexInfoOfType(type, ts.IndexKind.String)
    if (index && checker.getPropertiesOfType(type).length === 0) {
      return { type: 'object', additionalProperties: this.convert(index.type) }
    }
    const symbol = type.aliasSymbol ?? type.getSymbol()
    if (symbol && symbol.flags & ts.SymbolFlags.Interface) return this.convertNamed(type, symbol, new Set())
    return this.convertObject(type, new Set())
  }

  private convertUnion(members: readonly ts.Type[]): JsonSchema {
    if (members.length === 1) return this.convert(members[0]!)
    if (members.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' }
    if (members.every((t) => t.flags & ts.TypeFlags.StringLiteral)) {
      return { type: 'string', enum: members.map((t) => (t as ts.StringLiteralType).value) }
    }
    // IntOrString and Quantity: a port may be 80 or "http", a quantity 1 or "500m".
    const types = [...new Set(members.map((t) => this.convert(t).type).flat())].filter((t): t is string => !!t)
    return { type: types.sort() }
  }

  /** Interfaces become shared definitions (Pod specs appear in four Deployment versions). */
  private convertNamed(type: ts.Type, symbol: ts.Symbol, skipped: ReadonlySet<string>): JsonSchema {
    const declaration = symbol.declarations?.[0]
    if (!declaration) return this.convertObject(type, skipped)
    // A package's own copy of a shared one (the Gateway API package's apimachinery) shares its definitions.
    const file = relative(this.modulesDir, declaration.getSourceFile().fileName).replace(/\.d\.ts$/, '').replace(/^.*node_modules\//, '')
    const key = file.replace(/^(@kubernetes-models\/|kubernetes-models\/)/, '').replace(/\//g, '.')
    if (!(key in this.definitions)) {
      this.definitions[key] = {} // placeholder first: definitions may refer to themselves
      const omitted = this.omitted[key]
      const schema = this.convertObject(type, omitted ? new Set([...skipped, ...omitted]) : skipped)
      const description = this.describe(symbol)
      this.definitions[key] = description ? { description, ...schema } : schema
    }
    return { $ref: `#/definitions/${key}` }
  }

  private convertObject(type: ts.Type, skipped: ReadonlySet<string>): JsonSchema {
    const properties: Record<string, JsonSchema> = {}
    const required: string[] = []
    for (const property of this.checker.getPropertiesOfType(type)) {
      if (skipped.has(property.name)) continue
      const declaration = property.valueDeclaration ?? property.declarations?.[0]
      if (!declaration) continue
      const schema = this.convert(this.checker.getTypeOfSymbolAtLocation(property, declaration))
      const description = this.describe(property)
      // The field's own doc sits beside a $ref: yaml-language-server keeps it over the referenced type's doc on
      // hover (strict draft-07 would ignore it, which costs only the doc, never validation).
      properties[property.name] = description ? { description, ...schema } : schema
      if (!(property.flags & ts.SymbolFlags.Optional)) required.push(property.name)
    }
    return required.length > 0 ? { type: 'object', properties, required } : { type: 'object', properties }
  }

  private describe(symbol: ts.Symbol): string {
    return ts.displayPartsToString(symbol.getDocumentationComment(this.checker)).trim()
  }
}
