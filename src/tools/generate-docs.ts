/**
 * `npm run docs`: writes the generated pages of docs/ from the code they describe (one fact in one place).
 * `npm run docs -- --check` writes nothing and exits 1 when a committed page differs from what would be written.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { renderRolloutParametersDoc, ROLLOUT_PARAMETERS_DOC_PATH } from './rollout-parameters-doc'

/** Every generated page: its path from the repository root, and its text. */
export const GENERATED_DOCS: readonly { readonly path: string; readonly render: () => string }[] = [
  { path: ROLLOUT_PARAMETERS_DOC_PATH, render: renderRolloutParametersDoc },
]

const root = fileURLToPath(new URL('../../', import.meta.url))

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

function main(check: boolean): number {
  let stale = 0
  for (const doc of GENERATED_DOCS) {
    const text = doc.render()
    const path = root + doc.path
    if (readOrEmpty(path) === text) continue
    if (check) {
      console.error(`${doc.path} is out of date: run npm run docs`)
      stale += 1
    } else {
      writeFileSync(path, text)
      console.log(`wrote ${doc.path}`)
    }
  }
  return stale > 0 ? 1 : 0
}

process.exitCode = main(process.argv.includes('--check'))
