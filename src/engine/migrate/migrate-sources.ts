/**
 * `migrateSources`: manifests → the same manifests in current API versions (networking.k8s.io/v1 Ingress and
 * IngressClass, apps/v1 Deployment). Each file is parsed once with the `yaml` Document model and only the fields
 * a migration touches are rewritten as text edits: comments, key order, quoting and every other document stay
 * as written. Pure; never throws.
 */
import { msg } from '../messages/message'
import { formatMessage } from '../messages/render'
import { analyzeDetailed } from '../analyze'
import { createHas } from '../checks/field-exists'
import { applyEdits, parseDocuments } from '../fix/apply-fix'
import { editDocument } from '../fix/edit-document'
import type { TextEdit } from '../fix/types'
import type { SourceFile } from '../source/parse-sources'
import { migrateDeployment } from './migrate-deployment'
import { migrateIngress } from './migrate-ingress'
import type { MigrationNote, ObjectMigration } from './types'

export interface MigratedFile {
  readonly name: string
  readonly text: string
  readonly changed: boolean
}

export interface MigrationResult {
  readonly files: readonly MigratedFile[]
  readonly notes: readonly MigrationNote[]
  /** Operations that could not be applied (the text is then left as it was there). */
  readonly problems: readonly string[]
}

/** Every object of `files` that needs migrating, with its operations. */
export function planMigration(files: readonly SourceFile[]): { migrations: ObjectMigration[]; names: Map<ObjectMigration, string> } {
  const { analysis, locate } = analyzeDetailed(files, { checks: false })
  const { model } = analysis
  const has = createHas(locate)
  const names = new Map<ObjectMigration, string>()
  const migrations: ObjectMigration[] = []
  const take = (migration: ObjectMigration | null, name: string): void => {
    if (!migration) return
    migrations.push(migration)
    names.set(migration, name)
  }
  for (const ingress of model.ingresses) take(migrateIngress(model, ingress), `Ingress ${ingress.meta.name}`)
  for (const deployment of model.deployments) take(migrateDeployment(deployment, has), `Deployment ${deployment.meta.name}`)
  for (const cls of model.ingressClasses) {
    if (cls.apiVersion !== 'networking.k8s.io/v1beta1') continue
    take({ source: cls.source, ops: [{ op: 'set', path: ['apiVersion'], value: 'networking.k8s.io/v1' }], notes: [msg('migrate-api-version', { from: 'networking.k8s.io/v1beta1', to: 'networking.k8s.io/v1' })] },
      `IngressClass ${cls.meta.name}`)
  }
  return { migrations, names }
}

/** Migrates every old object of `files`; files without one come back unchanged (`changed: false`). */
export function migrateSources(files: readonly SourceFile[]): MigrationResult {
  const { migrations, names } = planMigration(files)
  const notes: MigrationNote[] = []
  const problems: string[] = []
  const out = files.map((file): MigratedFile => {
    const mine = migrations.filter((m) => m.source.file === file.name)
    if (mine.length === 0) return { name: file.name, text: file.text, changed: false }
    const docs = parseDocuments(file.text)
    const edits: TextEdit[] = []
    for (const migration of mine) {
      const doc = docs[migration.source.doc]
      if (!doc) continue
      const result = editDocument(file.text, doc, migration.source.path, migration.ops)
      edits.push(...result.edits)
      problems.push(...result.problems.map((problem) => `${file.name}: ${names.get(migration)}: ${problem}`))
      for (const text of migration.notes) notes.push({ source: migration.source, object: names.get(migration) ?? '', text, message: formatMessage(text) })
    }
    const text = applyEdits(file.text, edits)
    return { name: file.name, text, changed: text !== file.text }
  })
  return { files: out, notes, problems }
}
