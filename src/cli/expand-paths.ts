/**
 * FILE arguments → files: a directory stands for every *.yaml, *.yml and *.json file below it (recursively,
 * sorted, hidden entries and node_modules skipped), so CI can hand any command a folder of manifests. Other arguments are
 * passed through as given (`-`, files, and paths that do not exist, which reading then reports).
 */
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { readInputs, type CliIo } from './io'

const MANIFEST = /\.(ya?ml|json)$/i

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) await walk(path, out)
    else if (MANIFEST.test(entry.name)) out.push(path)
  }
}

/** Expands directories among `paths` into the manifest files they hold. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = []
  for (const path of paths) {
    if (path !== '-' && (await isDirectory(path))) await walk(path, out)
    else out.push(path)
  }
  return out
}

/** Every command's manifest arguments: directories expanded, then read once each (`readInputs`). */
export async function readManifests(paths: readonly string[], io: CliIo): ReturnType<typeof readInputs> {
  return readInputs(await expandPaths(paths), io)
}
