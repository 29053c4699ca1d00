import type { ColorScheme } from '../common/use-color-scheme'
import { monaco } from './monaco-setup'

/** The editors' monospace stack (app/tokens.css --font-mono; Monaco takes a string, not a CSS variable). */
export const EDITOR_FONT_FAMILY = 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace'

/** A read-only code viewer beside the user's editor (nginx.conf, the converted manifests): smaller type, no caret line. */
export const READ_ONLY_VIEWER_OPTIONS = {
  readOnly: true,
  domReadOnly: true,
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 12.5,
  lineHeight: 19,
  fontFamily: EDITOR_FONT_FAMILY,
  scrollBeyondLastLine: false,
  renderLineHighlight: 'none',
  stickyScroll: { enabled: false },
} as const satisfies monaco.editor.IStandaloneEditorConstructionOptions

/** Monaco themes matching the studio's surfaces (see app/tokens.css). */
monaco.editor.defineTheme('studio-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff', 'editorGutter.background': '#fafbfc', 'editorLineNumber.foreground': '#9aa3ae' },
})
monaco.editor.defineTheme('studio-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#15181d', 'editorGutter.background': '#15181d', 'editorLineNumber.foreground': '#5c6672' },
})

/** Switches every Monaco editor on the page to the theme of the colour scheme. */
export function applyEditorTheme(scheme: ColorScheme): void {
  monaco.editor.setTheme(scheme === 'dark' ? 'studio-dark' : 'studio-light')
}
