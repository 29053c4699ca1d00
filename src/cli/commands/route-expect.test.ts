/** `route --expect` and `--expect-file`: the gate on answers (exit 1 with each unmet expectation on stderr). */
import { describe, expect, it } from 'vitest'
import { GATEWAY_API } from '../../presets/gateway-preset'
import { SEED_MANIFEST } from '../../presets/seed'
import { memoryIo } from '../memory-io'
import { runCli } from '../main'
import { parseExpectation, unmetExpectations } from './route-expect'

async function route(args: string[], files: Record<string, string> = {}) {
  const io = memoryIo({ 'seed.yaml': SEED_MANIFEST, ...files })
  const code = await runCli(['route', 'seed.yaml', ...args], io)
  return { code, out: io.out(), err: io.err() }
}

describe('route --expect', () => {
  it('exits 0 when the answer has every value, printing the same JSON line as without it', async () => {
    const plain = await route(['--url', 'http://foo.bar.com/foos1/abc'])
    const gated = await route(['--url', 'http://foo.bar.com/foos1/abc', '--expect', 'status=200,service=s1,port=80,rewrittenPath=/,location=null,canary=false'])
    expect(gated).toEqual({ code: 0, out: plain.out, err: '' })
  })

  it('exits 1 and says each value that differs, the answer still printed', async () => {
    const { code, out, err } = await route(['--url', 'http://foo.bar.com/foos1parity', '--expect', 'status=404,service=s1'])
    expect(code).toBe(1)
    expect(JSON.parse(out)).toMatchObject({ status: 200, service: 's1' })
    expect(err).toBe('route: GET http://foo.bar.com/foos1parity: status is 200, expected 404\n')
  })

  it('reads the Gateway route object with dotted keys', async () => {
    const io = memoryIo({ 'gw.yaml': GATEWAY_API.manifest })
    const code = await runCli(['route', 'gw.yaml', '--url', 'http://foo.bar.com/foos1', '--expect', 'status=200,route.kind=HTTPRoute,route.rule=0,rewrittenHost=null'], io)
    expect(io.err()).toBe('')
    expect(code).toBe(0)
  })

  it('--expect-file gates each --requests line by its own line; a count that differs is a usage error', async () => {
    const requests = '{"url":"http://foo.bar.com/foos1"}\n{"url":"http://bar.foo.com/"}\n'
    const pass = await route(['--requests', 'r.jsonl', '--expect-file', 'e.txt'], { 'r.jsonl': requests, 'e.txt': 'service=s1\nservice=s2\n' })
    expect(pass.code).toBe(0)
    expect(pass.out.trimEnd().split('\n')).toHaveLength(2)
    const fail = await route(['--requests', 'r.jsonl', '--expect-file', 'e.txt'], { 'r.jsonl': requests, 'e.txt': 'service=s1\nservice=s1\n' })
    expect(fail.code).toBe(1)
    expect(fail.err).toBe('route: GET http://bar.foo.com/: service is s2, expected s1\n')
    const short = await route(['--requests', 'r.jsonl', '--expect-file', 'e.txt'], { 'r.jsonl': requests, 'e.txt': 'service=s1\n' })
    expect(short.code).toBe(2)
    expect(short.err).toContain('e.txt: 1 expectations for 2 requests')
  })

  it.each([
    [['--url', 'http://a/', '--expect', 'colour=blue'], 'unknown key "colour"'],
    [['--url', 'http://a/', '--expect', 'status'], 'each part is key=value'],
    [['--requests', 'r.jsonl', '--expect', 'status=200'], '--expect goes with --url'],
    [['--url', 'http://a/', '--expect-file', 'e.txt'], '--expect-file goes with --requests'],
  ])('refuses %j (exit 2)', async (args, message) => {
    const { code, err } = await route(args, { 'r.jsonl': '{"url":"http://a/"}\n', 'e.txt': 'status=200\n' })
    expect(code).toBe(2)
    expect(err).toContain(message)
  })
})

describe('an expectation', () => {
  it('compares values as the JSON line prints them, an absent key as (absent)', () => {
    const expectation = parseExpectation('status=200,location=null,canary=false,upstreamHost=x')
    if (typeof expectation === 'string') throw new Error(expectation)
    expect(unmetExpectations({ status: 200, location: null, canary: false }, expectation)).toEqual(['upstreamHost is (absent), expected x'])
  })
})
