/**
 * Page object for the studio: how the tests open it, drive the editor and read what it shows. Controls are found
 * by role and accessible name; `TID` marks the few places that have neither.
 */
import { expect, test, type Locator, type Page, type Request } from '@playwright/test'
import { TID } from '../src/ui/test-ids'

/** What the editor's marker API returns, reduced to what the tests check. */
export interface MarkerInfo {
  readonly owner: string
  readonly code: string
  readonly severity: number
  readonly startLineNumber: number
  readonly startColumn: number
}

/** The studio's own origin: the configured base URL (another port when 4173 is taken). */
export function studioOrigin(): string {
  return new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1:4173').origin
}

export class StudioPage {
  readonly pageErrors: Error[] = []
  readonly foreignRequests: string[] = []

  constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.pageErrors.push(error))
    page.on('request', (request: Request) => {
      const url = new URL(request.url())
      const local = url.origin === studioOrigin() || url.protocol === 'data:' || url.protocol === 'blob:'
      if (!local) this.foreignRequests.push(request.url())
    })
  }

  get editor(): Locator {
    return this.page.getByTestId(TID.editor)
  }
  get status(): Locator {
    return this.page.getByTestId(TID.status)
  }
  get diagnosticsList(): Locator {
    return this.page.getByRole('list', { name: 'Diagnostics' })
  }
  get diagnosticItems(): Locator {
    return this.page.getByTestId(TID.diagnosticItem)
  }
  get objectsView(): Locator {
    return this.page.getByRole('region', { name: 'Objects' })
  }
  objectButton(kind: string, name: string): Locator {
    return this.page.getByRole('button', { name: `Show ${kind} ${name} in the editor` })
  }

  /** Opens the studio, optionally with empty storage, and waits until Monaco runs and the first analysis is in. */
  async open(options: { fresh?: boolean } = {}): Promise<void> {
    if (options.fresh) {
      // A static file of the same origin reaches its storage without loading the app (about a second a test).
      await this.page.goto('/robots.txt')
      await this.page.evaluate(() => {
        localStorage.clear()
        // The texts live in IndexedDB; the page's own connection holds the deletion until the next navigation.
        const deletion = indexedDB.deleteDatabase('ingress-studio')
        return new Promise((resolve) => (deletion.onsuccess = deletion.onerror = deletion.onblocked = resolve))
      })
    }
    await this.page.goto('/')
    await this.waitUntilReady()
  }

  async reload(): Promise<void> {
    await this.page.reload()
    await this.waitUntilReady()
  }

  async waitUntilReady(): Promise<void> {
    // Monaco is a 4 MB lazy chunk; on a busy 2-core machine its first parse can take several seconds.
    await expect(this.editor.locator('.monaco-editor')).toBeVisible({ timeout: 60_000 })
    await this.page.waitForFunction(() => window.__ingressStudio !== undefined)
    await expect(this.status).toHaveAttribute('data-status', 'ready')
    // Completion popups would swallow Enter and typed text; tests type exactly what they mean.
    await this.page.evaluate(() =>
      window.__ingressStudio!.editor.updateOptions({
        quickSuggestions: false,
        suggestOnTriggerCharacters: false,
        acceptSuggestionOnEnter: 'off',
      }),
    )
  }

  editorText(): Promise<string> {
    return this.page.evaluate(() => window.__ingressStudio!.editor.getValue())
  }

  /** The 1-based line of the first occurrence of `text` in the editor. */
  async lineOf(text: string): Promise<number> {
    const lines = (await this.editorText()).split('\n')
    const index = lines.findIndex((line) => line.includes(text))
    expect(index, `"${text}" is in the editor`).toBeGreaterThanOrEqual(0)
    return index + 1
  }

  /** Selects `text` on `line` in the editor and types `replacement` over it with the keyboard. */
  async replaceOnLine(line: number, text: string, replacement: string): Promise<void> {
    await this.page.evaluate(
      ({ line, text }) => {
        const { editor } = window.__ingressStudio!
        const column = editor.getModel()!.getLineContent(line).indexOf(text) + 1
        editor.setSelection({ startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: column + text.length })
        editor.focus()
      },
      { line, text },
    )
    await this.page.keyboard.type(replacement)
  }

  /** The engine's markers (owner `ingress-studio`) on the manifest model. */
  markers(): Promise<MarkerInfo[]> {
    return this.page.evaluate(() => {
      const { monaco } = window.__ingressStudio!
      return monaco.editor.getModelMarkers({ owner: 'ingress-studio' }).map((m) => ({
        owner: m.owner,
        code: typeof m.code === 'string' ? m.code : (m.code?.value ?? ''),
        severity: m.severity,
        startLineNumber: m.startLineNumber,
        startColumn: m.startColumn,
      }))
    })
  }

  async markersOnLine(line: number): Promise<MarkerInfo[]> {
    return (await this.markers()).filter((marker) => marker.startLineNumber === line)
  }

  diagnosticsOnLine(line: number): Locator {
    return this.page.locator(`[data-testid="${TID.diagnosticItem}"][data-line="${line}"]`)
  }

  cursor(): Promise<{ lineNumber: number; column: number; focused: boolean }> {
    return this.page.evaluate(() => {
      const { editor } = window.__ingressStudio!
      const position = editor.getPosition()!
      return { lineNumber: position.lineNumber, column: position.column, focused: editor.hasTextFocus() }
    })
  }

  /** Shows Monaco's hover at a position and returns the hover's text. */
  async hoverTextAt(line: number, text: string): Promise<string> {
    const hover = this.page.locator('.monaco-hover:not(.hidden) .hover-contents').first()
    await this.page.keyboard.press('Escape')
    await expect(hover).toBeHidden()
    await this.page.evaluate(
      ({ line, text }) => {
        const { editor } = window.__ingressStudio!
        const column = editor.getModel()!.getLineContent(line).indexOf(text) + 2
        editor.setPosition({ lineNumber: line, column })
        editor.revealLineInCenter(line) // a hover only shows for a position on screen
        editor.focus()
        editor.trigger('test', 'editor.action.showHover', {})
      },
      { line, text },
    )
    await expect(hover).toBeVisible()
    return (await hover.textContent()) ?? ''
  }

  /** Opens a view of the main area by its tab name (a count after the name, as on Objects, is allowed). */
  async showView(name: string): Promise<void> {
    const tab = this.page.getByRole('tab', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ?\\d*$`) })
    await tab.click()
    await expect(tab).toHaveAttribute('aria-selected', 'true')
  }

  get graphView(): Locator {
    return this.page.getByTestId(TID.graphView)
  }

  /** A route graph node by its accessible name, e.g. `Host foo.bar.com`, `Path /foos1 on foo.bar.com`. */
  graphNode(name: string): Locator {
    return this.graphView.getByRole('button', { name, exact: true })
  }

  /** A route graph edge by its accessible name, `<source label> → <target label>`. */
  graphEdge(name: string): Locator {
    return this.graphView.locator(`.react-flow__edge[aria-label="${name}"]`)
  }

  /** Waits until the route graph shows the analysis of the editor's current text. */
  async waitForGraph(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-status', 'ready')
    await expect(this.graphView.locator('.react-flow__node').first()).toBeVisible()
  }

  get requestUrl(): Locator {
    return this.page.getByRole('textbox', { name: 'Request URL' })
  }

  get testResult(): Locator {
    return this.page.getByTestId(TID.testerResult)
  }

  /** Types `url` into the URL tester and tests it; resolves when the result card shows that request. */
  async testUrl(url: string): Promise<void> {
    await this.requestUrl.fill(url)
    await this.page.getByRole('button', { name: 'Test', exact: true }).click()
    await expect(this.testResult).toContainText(url)
  }

  /**
   * Pastes `text` at the end of the editor's text as a person does: the text on the clipboard, the cursor at the
   * end (Ctrl+End), Ctrl+V.
   */
  async pasteAtEnd(text: string): Promise<void> {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: studioOrigin() })
    await this.page.evaluate((value) => navigator.clipboard.writeText(value), text)
    await this.page.evaluate(() => window.__ingressStudio!.editor.focus())
    await this.page.keyboard.press('Control+End')
    await this.page.keyboard.press('Control+V')
    await expect.poll(() => this.editorText()).toContain(text)
  }

  /** The URL tester's "Through" chooser (shown when the input has Gateways). */
  get testerThrough(): Locator {
    return this.page.getByTestId(TID.testerThrough).locator('select')
  }

  /** Sends the URL tester's requests through the Gateway `namespace/name` (its option in the Through chooser). */
  async testThroughGateway(gateway: string): Promise<void> {
    await this.testerThrough.selectOption({ value: `gateway:${gateway}` })
    await expect(this.testerThrough).toHaveValue(`gateway:${gateway}`)
  }

  /**
   * Opens the quick-fix menu (Ctrl+.) on the seed Deployment's removed `apiVersion: extensions/v1beta1` line, once
   * its marker is there; resolves to that line.
   */
  async openQuickFixesOnDeploymentApiVersion(): Promise<number> {
    const text = await this.editorText()
    const apiLine = text.split('\n').findIndex((l, i, all) => l === 'apiVersion: extensions/v1beta1' && all[i + 1] === 'kind: Deployment') + 1
    await expect.poll(async () => (await this.markersOnLine(apiLine)).map((m) => m.code)).toContain('removed-api-version')
    await this.page.evaluate((lineNumber) => {
      const { editor } = window.__ingressStudio!
      editor.setPosition({ lineNumber, column: 14 })
      editor.revealLineInCenter(lineNumber)
      editor.focus()
    }, apiLine)
    await this.page.keyboard.press('Control+.')
    return apiLine
  }

  /** Fails the test on uncaught page errors or any request that left the page's own origin. */
  expectCleanRun(): void {
    expect(this.pageErrors.map((error) => error.message)).toEqual([])
    expect(this.foreignRequests).toEqual([])
  }
}
