/**
 * The package as a user installs it: `npm pack` (which builds dist-cli/ through `prepack`), then `npm install -g`
 * of the tarball into an empty prefix without the registry (`--offline`: the package has no dependencies). Used by
 * the package smoke test (smoke-package.ts) and the CLI benchmark, so both run the `ingress-studio` a user runs.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

export interface InstalledPackage {
  readonly tarball: string
  /** Paths inside the tarball, as `npm pack --json` lists them. */
  readonly files: readonly string[]
  /** The installed `ingress-studio` command. */
  readonly bin: string
}

const npm = (args: string[]): string =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })

/** Packs the project into `work` and installs the tarball into `work/global`. */
export function installPackage(work: string): InstalledPackage {
  // `prepack`'s own lines come first on stdout; the JSON report is the rest.
  const packOutput = npm(['pack', '--json', '--pack-destination', work])
  const packed = JSON.parse(packOutput.slice(packOutput.search(/^\[/m))) as { filename: string; files: { path: string }[] }[]
  const tarball = join(work, packed[0]!.filename)
  const prefix = join(work, 'global')
  npm(['install', '--global', '--offline', '--prefix', prefix, tarball])
  return { tarball, files: packed[0]!.files.map((file) => file.path), bin: join(prefix, 'bin', 'ingress-studio') }
}
