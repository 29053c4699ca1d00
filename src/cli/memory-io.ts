/**
 * The CLI's `CliIo` in memory: files by path, standard input, captured output. For running commands in-process
 * (tests, the fuzzer), as `createNodeIo` does for the real process.
 */
import type { MessageLanguage } from '../engine'
import type { CliIo } from './io'

export interface MemoryIo extends CliIo {
  /** Everything written to standard output so far. */
  readonly out: () => string
  readonly err: () => string
  /** How often standard input was read. */
  readonly stdinReads: () => number
}

/**
 * Reading a path not in `files` fails as a missing file does (`ENOENT`); with `disk`, it reads the real file
 * (tests of folders on disk, which `expandPaths` walks for real; never the fuzzer).
 */
export function memoryIo(files: Readonly<Record<string, string>> = {}, stdin = '', language: MessageLanguage = 'en', disk = false): MemoryIo {
  let out = ''
  let err = ''
  let stdinReads = 0
  return {
    language,
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    readStdin: async () => {
      stdinReads++
      return stdin
    },
    readFile: async (path) => {
      if (Object.prototype.hasOwnProperty.call(files, path)) return files[path] as string
      if (disk) return (await import('node:fs/promises')).readFile(path, 'utf8')
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })
    },
    out: () => out,
    err: () => err,
    stdinReads: () => stdinReads,
  }
}
