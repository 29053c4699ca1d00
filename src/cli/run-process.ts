/** The CLI as this process: Node's arguments, streams and exit code around `runCli`. */
import { createNodeIo } from './io'
import { runCli } from './main'

export async function runProcess(argv: readonly string[]): Promise<void> {
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as Unix tools do, not with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(process.exitCode ?? 0)
  })
  try {
    process.exitCode = await runCli(argv, createNodeIo())
  } catch (error: unknown) {
    process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 70
  }
}
