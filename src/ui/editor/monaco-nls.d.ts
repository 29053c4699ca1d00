// Monaco's translation bundles set a global and export nothing; its exports map hides them from TypeScript
// (vite.config.ts aliases `monaco-editor/esm/vs/…` to the files).
declare module 'monaco-editor/esm/vs/nls/lang/ko.js'
