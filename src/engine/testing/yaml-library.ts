/**
 * The `yaml` library's own reading of one document, as parse-sources.ts `parseUnit` asks for it (its Parser with the
 * file's offsets, its Composer with the source stage's options): what the block reader must equal.
 */
import { Composer, Parser, type Document } from 'yaml'
import { COMPOSE_OPTIONS } from '../source/parse-sources'

export function libraryDocument(source: string, offset: number): Document.Parsed {
  const parser = new Parser()
  parser.offset = offset
  const composer = new Composer(COMPOSE_OPTIONS)
  const documents: Document.Parsed[] = []
  for (const token of parser.parse(source)) documents.push(...composer.next(token))
  documents.push(...composer.end(true, offset + source.length))
  return documents[0] as Document.Parsed
}
