/** `route -o text`: the same answers as the JSON lines, for a person; usage errors; escaping; wrapping. */
import { describe, expect, it } from 'vitest'
import { GATEWAY_API } from '../../presets/gateway-preset'
import { SEED_MANIFEST } from '../../presets/seed'
import { memoryIo } from '../memory-io'
import { runCli } from '../main'

async function route(args: string[], files: Record<string, string> = {}, columns?: number) {
  const io = { ...memoryIo({ 'seed.yaml': SEED_MANIFEST, ...files }), ...(columns === undefined ? {} : { columns }) }
  const code = await runCli(['route', ...args], io)
  return { code, out: io.out(), err: io.err() }
}

describe('route -o text', () => {
  it('says the answer of the JSON line on one line, then every trace step numbered', async () => {
    const url = 'http://foo.bar.com/foos1/abc'
    const json = JSON.parse((await route(['seed.yaml', '--url', url])).out) as { trace: string[] }
    const text = await route(['seed.yaml', '--url', url, '-o', 'text'])
    expect(text.code).toBe(0)
    const lines = text.out.trimEnd().split('\n')
    expect(lines[0]).toBe(`GET ${url} → 200, service default/s1:80, Ingress default/test, path sent /`)
    expect(lines.slice(1)).toEqual(json.trace.map((step, i) => `${`${i + 1}.`.padStart(4)} ${step}`))
    expect(await route(['seed.yaml', '--url', url, '--output', 'text'])).toEqual(text)
  })

  it('prints one line per request without the trace, and redirects with their Location', async () => {
    const requests = '{"url":"http://foo.bar.com/nothing"}\n{"url":"http://foo.bar.com/foos1","method":"POST"}\n'
    const { code, out } = await route(['seed.yaml', '--requests', 'r.jsonl', '--no-trace', '-o', 'text'], { 'r.jsonl': requests })
    expect(code).toBe(0)
    expect(out).toBe('GET http://foo.bar.com/nothing → 404\nPOST http://foo.bar.com/foos1 → 200, service default/s1:80, Ingress default/test, path sent /\n')
    const redirect = await route(['c.yaml', '--url', 'http://kube-book.com/x?y=1', '-o', 'text', '--no-trace'], { 'c.yaml': GATEWAY_API.manifest })
    expect(redirect.out).toMatch(/^GET http:\/\/kube-book\.com\/x\?y=1 → 30\d, Location: https:\/\/kube-book\.com\/x\?y=1/)
  })

  it('names the HTTPRoute and rule that answered through a Gateway', async () => {
    const { code, out } = await route(['c.yaml', '--url', 'http://foo.bar.com/foos1/abc', '-o', 'text', '--no-trace'], { 'c.yaml': GATEWAY_API.manifest })
    expect(code).toBe(0)
    expect(out).toMatch(/^GET http:\/\/foo\.bar\.com\/foos1\/abc → 200, service default\/s1:80, HTTPRoute default\/[\w-]+ rule \d+/)
  })

  it('escapes what the user wrote and wraps the steps to a terminal', async () => {
    const { out } = await route(['seed.yaml', '--url', 'http://foo.bar.com/\u001b[31mred', '-o', 'text'], {}, 50)
    expect(out).not.toContain('\u001b')
    expect(out).toContain('\\x1b[31mred')
    for (const line of out.trimEnd().split('\n').slice(1)) expect(line.length).toBeLessThanOrEqual(50)
    expect(out.split('\n').some((line) => /^ {5}\S/.test(line))).toBe(true)
  })

  it('refuses another output with exit 2', async () => {
    const { code, err } = await route(['seed.yaml', '--url', 'http://a/', '-o', 'yaml'])
    expect(code).toBe(2)
    expect(err).toBe('route: -o/--output must be json or text, not "yaml"\n')
  })
})
