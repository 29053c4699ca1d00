/**
 * The block reader (src/engine/source/compose-block-yaml.ts) against the `yaml` library over the fuzzer's manifests:
 * every document the streaming cut finds, in hostile manifests (broken YAML, aliases, Lists, control characters,
 * odd markers) and undamaged ones in every style the generator writes, is either left to the parser or composed into
 * exactly the library's Document.
 */
import { describe, expect, it } from 'vitest'
import { Composer, Parser, type Document } from 'yaml'
import { composeBlockDocument } from '../engine/source/compose-block-yaml'
import { splitDocuments } from '../engine/source/split-documents'
import { manifestText, scenarioObjects } from './manifest-cases'
import { filesText } from './manifest-text'
import { createRng } from './rng'

const OPTIONS = { merge: false, uniqueKeys: false, prettyErrors: false, version: '1.2' } as const

function libraryDocument(source: string, offset: number): Document.Parsed {
  const parser = new Parser()
  parser.offset = offset
  const composer = new Composer(OPTIONS)
  const documents: Document.Parsed[] = []
  for (const token of parser.parse(source)) documents.push(...composer.next(token))
  documents.push(...composer.end(true, offset + source.length))
  return documents[0] as Document.Parsed
}

describe('the block reader answers as the yaml library', () => {
  it('on every document of 200 hostile and 200 undamaged manifests, or leaves it', () => {
    let read = 0
    let units = 0
    for (let seed = 0; seed < 200; seed++) {
      for (const text of [manifestText(createRng(seed + 1)), filesText(createRng(1000 + seed), scenarioObjects(createRng(2000 + seed)))]) {
        for (const unit of splitDocuments(text, false) ?? []) {
          units++
          const source = unit.listItem ? ` ${text.slice(unit.start + 1, unit.end)}` : text.slice(unit.start, unit.end)
          const block = composeBlockDocument(source, unit.start, OPTIONS)
          if (block === null) continue
          read++
          expect(block, `seed ${seed}: ${JSON.stringify(source.slice(0, 300))}`).toStrictEqual(libraryDocument(source, unit.start))
        }
      }
    }
    expect(read).toBeGreaterThan(units / 4)
  })
})
