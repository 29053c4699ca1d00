import { existsSync } from 'node:fs'

/**
 * The Chromium the e2e tests drive: `CHROMIUM_PATH` if set, else Debian's `/usr/bin/chromium`, else the one
 * Playwright manages (when `npx playwright install chromium` was run on a machine that can download it).
 * Returns undefined to let Playwright use its own; `src/tools/test-all.ts` fails early when none exists.
 */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) return fromEnv
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate
  }
  return undefined
}
