/**
 * The block reader (src/engine/source/compose-block-yaml.ts) against the `yaml` library over the fuzzer's manifests:
 * every document the streaming cut finds, in hostile manifests (broken YAML, aliases, Lists, control characters,
 * odd markers) and undamaged ones in every style the generator writes, is either left to the parser or composed into
 * exactly the library's Document.
 */
import { describe, expect, it } from 'vitest'
import { composeBlockDocument } from '../engine/source/compose-block-yaml'
import { COMPOSE_OPTIONS } from '../engine/source/parse-sources'
import { splitDocuments } from '../engine/source/split-documents'
import { libraryDocument } from '../engine/testing/yaml-library'
import { manifestText, scenarioObjects } from './manifest-cases'
import { filesText } from './manifest-text'
import { createRng } from './rng'

describe('the block reader answers as the yaml library', () => {
  it('on every document of 200 hostile and 200 undamaged manifests, or leaves it', () => {
    let read = 0
    let units = 0
    for (let seed = 0; seed < 200; seed++) {
      for (const text of [manifestText(createRng(seed + 1)), filesText(createRng(1000 + seed), scenarioObjects(createRng(2000 + seed)))]) {
        for (const unit of splitDocuments(text, false) ?? []) {
          units++
          const source = unit.listItem ? ` ${text.slice(unit.start + 1, unit.end)}` : text.slice(unit.start, unit.end)
          const block = composeBlockDocument(source, unit.start, COMPOSE_OPTIONS)
          if (block === null) continue
          read++
          expect(block, `seed ${seed}: ${JSON.stringify(source.slice(0, 300))}`).toStrictEqual(libraryDocument(source, unit.start))
        }
      }
    }
    expect(read).toBeGreaterThan(units / 4)
  })
})
