/**
 * Appends YAML documents to a manifest as new documents: the user's text is kept byte for byte, a line break
 * added where it lacks one, then a `---` line, then the documents (their own leading `---` not doubled).
 */
export function appendDocuments(text: string, documents: string): string {
  const added = documents.replace(/^(?:\s*\n)*---[^\n]*\n/, '')
  if (text.trim() === '') return added
  const ended = text.endsWith('\n') ? text : `${text}\n`
  return `${ended}---\n${added.endsWith('\n') ? added : `${added}\n`}`
}
