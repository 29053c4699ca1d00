import { describe, expect, it } from 'vitest'
import { buildEmbedCode, buildShareUrl } from './share-url'
import { scenarioFileName } from '../scenarios/download-file'

const here = { origin: 'https://studio.example.org', pathname: '/app/' }

describe('share addresses', () => {
  it.each([
    [{}, 'https://studio.example.org/app/#v2.abc'],
    [{ present: true }, 'https://studio.example.org/app/?present=1#v2.abc'],
    [{ embed: true }, 'https://studio.example.org/app/?embed=1#v2.abc'],
    [{ embed: true, present: true }, 'https://studio.example.org/app/?embed=1&present=1#v2.abc'],
  ])('%o → %s', (options, url) => {
    expect(buildShareUrl(here, 'v2.abc', options)).toBe(url)
  })

  it('escape the title and address in embed code', () => {
    const code = buildEmbedCode('https://x/?embed=1&present=1#v2."a', '<b onclick="x">&')
    expect(code).toContain('src="https://x/?embed=1&amp;present=1#v2.&quot;a"')
    expect(code).toContain('title="&lt;b onclick=&quot;x&quot;>&amp;"')
    expect(code.match(/</g)).toHaveLength(2) // only the iframe's own tags
  })

  it.each([
    ['Week 1 (copy)', 'Week-1-copy.yaml'],
    ['무중단 롤아웃', '무중단-롤아웃.yaml'],
    ['../../etc/passwd', 'etc-passwd.yaml'],
    ['<script>', 'script.yaml'],
    ['', 'scenario.yaml'],
  ])('name the file of %j %s', (name, file) => {
    expect(scenarioFileName(name)).toBe(file)
  })
})
