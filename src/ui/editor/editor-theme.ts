import type { ColorScheme } from '../common/use-color-scheme'
import { monaco } from './monaco-setup'

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
