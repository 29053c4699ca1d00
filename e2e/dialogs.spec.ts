/**
 * The dialog checks of the dev-server smoke run (e2e/dialog-checks.ts) against the production build, so a
 * change that fixes one server and breaks the other shows up.
 */
import { test } from '@playwright/test'
import { ClassroomPage } from './classroom-page'
import { checkHeaderDialogs, checkShareLinkOverWork, openForDialogs } from './dialog-checks'

test('production build: every header dialog opens and closes again', async ({ page }) => {
  const studio = new ClassroomPage(page)
  await openForDialogs(studio)
  await checkHeaderDialogs(studio)
  studio.expectCleanRun()
  studio.expectNoDialogs()
})

test('production build: a share link over edited work asks first; keeping and opening both work', async ({ page }) => {
  test.setTimeout(180_000) // three loads of the studio, two of them with Monaco
  const studio = new ClassroomPage(page)
  await checkShareLinkOverWork(studio)
  studio.expectCleanRun()
  studio.expectNoDialogs()
})
