/** Every command takes folders of manifests (expand-paths.ts `readManifests`), as lint always did. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SEED_MANIFEST } from '../presets/seed'
import { runCli } from './main'
import { memoryIo } from './memory-io'

/** The seed in a folder, one document per file under two levels, beside files no command reads. */
function seedFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'manifests-'))
  mkdirSync(join(dir, 'apps'))
  SEED_MANIFEST.split(/^---$/m).forEach((doc, i) => writeFileSync(join(dir, i % 2 === 0 ? '' : 'apps', `doc-${i}.yaml`), doc))
  writeFileSync(join(dir, 'NOTES.md'), 'kind: [')
  return dir
}

async function inFolder(args: (dir: string) => string[]): Promise<{ code: number; folder: string; file: string }> {
  const dir = seedFolder()
  const folder = memoryIo({}, '', 'en', true)
  const file = memoryIo({ 'seed.yaml': SEED_MANIFEST })
  const code = await runCli(args(dir), folder)
  const expected = await runCli(args('seed.yaml'), file)
  expect(code).toBe(expected)
  return { code, folder: folder.out(), file: file.out() }
}

// The first case loads the engine and writes a folder: more than vitest's 5 s on a busy 2-core machine.
describe('a folder as FILE', { timeout: 30_000 }, () => {
  it.each([
    ['route', (dir: string) => ['route', dir, '--url', 'http://foo.bar.com/foos1/abc']],
    ['nginx-conf', (dir: string) => ['nginx-conf', dir]],
    ['rollout', (dir: string) => ['rollout', dir, '--deployment', 'websample', '--format', 'vegeta']],
    ['parity', (dir: string) => ['parity', dir, '--format', 'json']],
  ])('%s answers for the folder as for the one file', async (_name, args) => {
    const { folder, file } = await inFolder(args)
    expect(folder.length).toBeGreaterThan(0)
    expect(folder).toBe(file)
  })

  it("migrate --to gateway-api converts the folder's Ingresses", async () => {
    const { folder } = await inFolder((dir) => ['migrate', '--to', 'gateway-api', dir])
    expect(folder.match(/^kind: HTTPRoute$/gm)).toHaveLength(5)
  })
})
