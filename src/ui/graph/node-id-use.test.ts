import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

/** Non-test source files under `dir`. */
function sourcesUnder(dir: URL): URL[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourcesUnder(new URL(`${entry.name}/`, dir))
      : /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [new URL(entry.name, dir)] : [])
}

describe('graph node ids outside the engine', () => {
  it('are never built or taken apart by the page, the state or the worker: they read the node\'s data', () => {
    // Ids are built in engine/graph/graph-backends.ts and graph-hosts.ts only (docs: src/engine/graph/CONTEXT.md).
    const ID_PREFIX = /(?:['"`]|\^)(?:pod|pods|rs|deploy|svc|host|path|res):/
    const offending = ['../', '../../state/', '../../worker/']
      .flatMap((dir) => sourcesUnder(new URL(dir, import.meta.url)))
      .filter((file) => ID_PREFIX.test(readFileSync(file, 'utf8')))
      .map((file) => file.pathname.replace(/^.*\/src\//, 'src/'))
    expect(offending).toEqual([])
  })
})
