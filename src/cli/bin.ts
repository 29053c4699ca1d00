/**
 * The `ingress-studio` command (package.json `bin`; `npm run cli` runs it through tsx). `--help` and `--version`
 * are answered here from top-level.ts alone; anything else loads the CLI and the engine (in the package, the one
 * bundled file `cli.mjs` beside this one: src/tools/build-cli.ts), so asking for help does not pay for parsing
 * the engine.
 */
import { topLevelAnswer } from './top-level'

const argv = process.argv.slice(2)
const answer = topLevelAnswer(argv)
if (answer) {
  process[answer.stream].write(answer.text)
  process.exitCode = answer.code
} else {
  const { runProcess } = await import('./run-process')
  await runProcess(argv)
}
