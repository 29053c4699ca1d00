/**
 * Edits of existing manifest text for benches and e2e specs that start from a written scenario (the seed):
 * small, checked text edits, so the rest of the text (comments, layout, spans) stays as written.
 */

/**
 * `manifest` with the Deployment `name` set to `replicas` replicas. Throws when there is no such Deployment
 * written in block style, so a changed scenario fails loudly instead of measuring something else.
 */
export function withReplicas(manifest: string, name: string, replicas: number): string {
  const documents = manifest.split(/^(?=---$)/m)
  const nameLine = new RegExp(`^  name: ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm')
  const index = documents.findIndex((doc) => /^kind: Deployment$/m.test(doc) && nameLine.test(doc))
  const doc = documents[index]
  if (doc === undefined || !/^spec:\n/m.test(doc)) throw new Error(`no Deployment ${name} with a block spec in the manifest`)
  documents[index] = /^ {2}replicas: .*$/m.test(doc)
    ? doc.replace(/^ {2}replicas: .*$/m, `  replicas: ${replicas}`)
    : doc.replace(/^spec:\n/m, `spec:\n  replicas: ${replicas}\n`)
  return documents.join('')
}
