import { describe, expect, it } from 'vitest'
import { findInitialScripts } from './bundle-size.bench'

describe('findInitialScripts', () => {
  it('takes the module entry and every modulepreload, not stylesheets, icons or other origins', () => {
    const html = `<link rel="icon" href="data:,">
      <script type="module" crossorigin src="/assets/index-abc.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-def.js">
      <link rel="stylesheet" crossorigin href="/assets/index-123.css">
      <script src="/legacy.js"></script>
      <link rel="modulepreload" href="https://cdn.example/x.js">`
    expect(findInitialScripts(html)).toEqual(['assets/index-abc.js', 'assets/vendor-def.js'])
  })

  it('finds nothing in a page without module scripts', () => {
    expect(findInitialScripts('<html><body></body></html>')).toEqual([])
  })
})
