/**
 * Colour in text output, only where a person reads it: stdout is a terminal, `NO_COLOR` is unset or empty
 * (https://no-color.org) and `TERM` is not `dumb`. Pipes, files, CI logs and tests get plain text.
 */
import type { Severity } from '../engine'

/** Whether to colour: the terminal test above, from the stream's TTY flag and the environment. */
export function colorWanted(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  return isTTY === true && (env.NO_COLOR ?? '') === '' && env.TERM !== 'dumb'
}

/** SGR codes of each severity as compilers and linters print them: red, yellow, cyan. */
const SEVERITY_SGR: Readonly<Record<Severity, string>> = { error: '31', warning: '33', info: '36' }

/** `severity` in its colour when `color`, else as it is. */
export function paintSeverity(severity: Severity, color: boolean): string {
  return color ? `\u001b[${SEVERITY_SGR[severity]}m${severity}\u001b[0m` : severity
}
