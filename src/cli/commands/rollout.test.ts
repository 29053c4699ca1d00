import { describe, expect, it } from 'vitest'
import { describeValue, FLAGGED_PARAMETERS } from '../../engine'
import { SEED_MANIFEST } from '../../presets/seed'
import { memoryIo } from '../memory-io'
import { runCli } from '../main'
import { runRollout } from './rollout'


const seed = { 'seed.yaml': SEED_MANIFEST }

async function rollout(args: string[], files: Record<string, string> = seed): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(files)
  const code = await runCli(['rollout', ...args], io)
  return { code, out: io.out(), err: io.err() }
}

describe('rollout --format json (the CLI contract)', () => {
  it('takes -o and --output as --format, as lint does', async () => {
    const format = await rollout(['seed.yaml', '--deployment', 'websample', '--format', 'json'])
    expect((await rollout(['seed.yaml', '--deployment', 'websample', '-o', 'json'])).out).toBe(format.out)
    expect((await rollout(['seed.yaml', '--deployment', 'websample', '--output', 'vegeta'])).out).toMatch(/^Requests {6}\[total, rate, throughput\]/)
    const bad = await rollout(['seed.yaml', '--deployment', 'websample', '-o', 'xml'])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('--format must be one of text, json, vegeta, vegeta-json, stern, not "xml"')
  })

  it('prints deployment, resolved, steps, complete, load and the vegeta report for the seed', async () => {
    const { code, out, err } = await rollout(['seed.yaml', '--deployment', 'websample', '--format', 'json'])
    expect(err).toBe('')
    expect(code).toBe(0)
    const json = JSON.parse(out) as Record<string, unknown>
    expect(Object.keys(json).slice(0, 6)).toEqual(['deployment', 'resolved', 'steps', 'complete', 'load', 'report'])
    expect(json).toMatchObject({ deployment: 'websample', resolved: { maxSurge: 1, maxUnavailable: 0 }, steps: [[1, 1], [0, 1]], complete: true })
    const load = json.load as Record<string, unknown>
    expect(Object.keys(load)).toEqual(['requests', 'success', 'statusCodes', 'maxConsecutiveFailures', 'failuresByCause'])
    expect(load).toMatchObject({ statusCodes: { '200': load.success, '502': 50 }, failuresByCause: { 'not-listening': 50 }, maxConsecutiveFailures: 50 })
    expect(json.report).toMatch(/^Requests {6}\[total, rate, throughput\] {9}\d+, /)
  })

  it('shows zero failures when the preStop hook waits out the endpoint lag', async () => {
    const json = JSON.parse((await rollout(['seed.yaml', '--deployment', 'websample', '--format', 'json', '--prestop-http', '5'])).out) as { load: { requests: number; success: number; failuresByCause: object; maxConsecutiveFailures: number } }
    expect(json.load.success).toBe(json.load.requests)
    expect(json.load.failuresByCause).toEqual({})
    expect(json.load.maxConsecutiveFailures).toBe(0)
  })

  it('takes every flag of the contract', async () => {
    const { code, out } = await rollout([
      'seed.yaml', '--deployment', 'websample', '--format', 'json', '--image', 'acadx0/190713:v9', '--at', '2', '--rps', '20',
      '--duration', '40', '--request-time', '0.1', '--pod-start', '2', '--app-start', '4', '--endpoint-lag', '0.5',
      '--sigterm', 'immediate', '--prestop-http', '1', '--retries', '1', '--old-unready', '0', '--seed', '7',
    ])
    expect(code).toBe(0)
    const json = JSON.parse(out) as { images: { new: string }; load: { requests: number }; stepTimesSeconds: number[]; parameters: Record<string, unknown> }
    expect(json.images.new).toBe('acadx0/190713:v9')
    expect(json.load.requests).toBe(800)
    expect(json.stepTimesSeconds[0]).toBe(2)
    expect(json.parameters).toMatchObject({ requestSeconds: 0.1, podStartSeconds: 2, appStartSeconds: 4, endpointLagSeconds: 0.5, sigterm: 'immediate', preStopHttpSeconds: 1, retries: 1, seed: 7 })
  })

  it('reports a rollout that never completes', async () => {
    const json = JSON.parse((await rollout(['seed.yaml', '--deployment', 'websample', '--format', 'json', '--app-start', 'never'])).out) as { complete: boolean; steps: number[][] }
    expect(json.complete).toBe(false)
    expect(json.steps).toEqual([[1, 1]])
  })
})

describe('rollout gates: --max-failed and --max-failed-percent (exit 1 above them, the report still printed)', () => {
  // The seed's websample rollout without preStop: 50 of the requests fail with 502.
  const run = (gates: string[]) => rollout(['seed.yaml', '--deployment', 'websample', '--format', 'json', ...gates])

  it('passes at or above the failures, fails below them and says by how much', async () => {
    const { load } = JSON.parse((await run([])).out) as { load: { requests: number; success: number } }
    const failed = load.requests - load.success
    expect(failed).toBe(50)
    expect((await run(['--max-failed', '50'])).code).toBe(0)
    const over = await run(['--max-failed', '49'])
    expect(over.code).toBe(1)
    expect(JSON.parse(over.out)).toMatchObject({ deployment: 'websample' })
    const percent = (100 * failed) / load.requests
    expect(over.err).toBe(`rollout: 50 of ${load.requests} requests failed (${percent.toFixed(2)} %), more than --max-failed 49\n`)
    expect((await run(['--max-failed-percent', String(Math.ceil(percent * 100) / 100)])).code).toBe(0)
    const overPercent = await run(['--max-failed-percent', '0'])
    expect(overPercent.code).toBe(1)
    expect(overPercent.err).toContain('more than --max-failed-percent 0')
  })

  it('a rollout without failures passes --max-failed 0', async () => {
    expect((await run(['--max-failed', '0', '--prestop-http', '5'])).code).toBe(0)
  })

  it('refuses a gate that is not a count or a percentage', async () => {
    for (const gate of [['--max-failed', '-1'], ['--max-failed', '2.5'], ['--max-failed', 'few'], ['--max-failed-percent', '101'], ['--max-failed-percent', 'x']]) {
      const { code, err } = await run(gate)
      expect(code, gate.join(' ')).toBe(2)
      expect(err).toMatch(/^rollout: .*--max-failed/)
    }
  })
})

describe('rollout formats', () => {
  it('prints vegeta\'s text and JSON reports, stern lines and the summary', async () => {
    const base = ['seed.yaml', '--deployment', 'websample', '--format']
    expect((await rollout([...base, 'vegeta'])).out).toMatch(/^Requests {6}\[total, rate, throughput\][^\n]*\nDuration[^\n]*\nLatencies[\s\S]*\nError Set:\n502 Bad Gateway\n$/)
    expect(JSON.parse((await rollout([...base, 'vegeta-json'])).out)).toMatchObject({ status_codes: { '502': 50 }, errors: ['502 Bad Gateway'] })
    const stern = (await rollout([...base, 'stern'])).out
    expect(stern).toMatch(/^\+ websample-\w+-\w{5} › websample$/m)
    expect(stern).toMatch(/^websample-\w+-\w{5} websample 2026-01-01T00:00:16\.000000000Z SIGTERM received: closing the listener, finishing in-flight requests$/m)
    expect((await rollout(base.slice(0, 3))).out).toContain('What to change')
  })
})

describe('rollout input errors (exit 2)', () => {
  it('rejects both maxSurge and maxUnavailable 0 with the API server message at the field', async () => {
    const bad = SEED_MANIFEST.replace('maxSurge: 25%', 'maxSurge: 0').replace('maxUnavailable: 25%', 'maxUnavailable: 0')
    const { code, out, err } = await rollout(['bad.yaml', '--deployment', 'websample'], { 'bad.yaml': bad })
    expect(code).toBe(2)
    expect(out).toBe('')
    expect(err).toMatch(/^bad\.yaml:\d+:\d+: .*spec\.strategy\.rollingUpdate\.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0\n$/)
  })

  it('asks for --deployment when there are several, and names the ones it found', async () => {
    const { code, err } = await rollout(['seed.yaml'])
    expect(code).toBe(2)
    expect(err).toContain('choose one with --deployment NAME')
    expect((await rollout(['seed.yaml', '--deployment', 'nope'])).err).toContain('no Deployment named "nope" (found: s1, s2, websample)')
  })

  it('rejects malformed flags and parameters the engine cannot run', async () => {
    for (const args of [['--rps', 'many'], ['--app-start', 'later'], ['--sigterm', 'sometimes'], ['--format', 'xml'], ['--rps', '0'], ['--old-unready', '3'], ['--bogus', '1']]) {
      const { code, out, err } = await rollout(['seed.yaml', '--deployment', 'websample', ...args])
      expect(code, args.join(' ')).toBe(2)
      expect(out).toBe('')
      expect(err).toMatch(/^rollout: /)
    }
  })

  it('names the flags to lower when a run would be too large', async () => {
    const { code, err } = await rollout(['seed.yaml', '--deployment', 'websample', '--rps', '1000000', '--duration', '86400'])
    expect(code).toBe(2)
    expect(err).toContain('above the simulator\'s limit of 50000000 (lower --rps or --duration).')
  })

  it('names the choices when --sigterm gets an unknown one', async () => {
    const { code, err } = await rollout(['seed.yaml', '--deployment', 'websample', '--sigterm', 'sometimes'])
    expect(code).toBe(2)
    expect(err).toMatch(/^rollout: --sigterm must be graceful, immediate or ignore, not "sometimes"\n/)
  })

  it('prints its help with every flag, each parameter with its default from the table', async () => {
    const { code, out } = await rollout(['--help'])
    expect(code).toBe(0)
    for (const flag of ['--deployment', '--image', '--at', '--rps', '--duration', '--request-time', '--pod-start', '--app-start', '--endpoint-lag', '--sigterm', '--prestop-http', '--retries', '--old-unready', '--seed', '--format']) {
      expect(out).toContain(flag)
    }
    const joined = out.replace(/\n {25}/g, ' ') // an option's description on one line
    const quote = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    for (const row of FLAGGED_PARAMETERS) {
      expect(joined).toMatch(new RegExp(`^  ${quote(row.flag)} .*\\(default:? ${quote(describeValue(row, row.default))}\\)`, 'm'))
    }
    expect(joined).toMatch(/^ {2}--rps N {16}requests per second .*\(default 50\)$/m)
    expect(joined).toMatch(/^ {2}--app-start S\|never .*\(default 3\)$/m)
    expect(joined).toMatch(/^ {2}--duration S .*\(default: until done\)$/m)
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(110)
  })
})

describe('rollout: the words of causes, advice and problems', () => {
  // `--lang` is not a flag yet: the command takes the language as a parameter, English by default.
  async function rolloutIn(language: 'en' | 'ko', args: string[]): Promise<{ code: number; out: string; err: string }> {
    const io = memoryIo(seed)
    const code = await runRollout(['seed.yaml', '--deployment', 'websample', ...args], io, language)
    return { code, out: io.out(), err: io.err() }
  }

  it('prints them in English by default, as before', async () => {
    const { out } = await rollout(['seed.yaml', '--deployment', 'websample'])
    expect(out).toContain('      SIGTERM closed the app\'s listener while the ingress still sent it requests (it drops a terminating pod only 1s later).')
    expect(out).toContain('  - The preStop hook\'s time is the app\'s; the simulation assumed 0s (--prestop-http).')
    expect((await rolloutIn('en', [])).out).toBe(out)
  })

  it('prints them in Korean when asked, with the run\'s numbers, in text and JSON', async () => {
    const { out } = await rolloutIn('ko', [])
    expect(out).toContain('      SIGTERM으로 앱의 리스너가 닫혔는데도 인그레스는 계속 요청을 보냈습니다(종료 중인 파드를 1초 뒤에야 뺍니다).')
    expect(out).toContain('  - preStop 훅의 시간은 앱에 달려 있어서 시뮬레이션은 0초로 가정했습니다(--prestop-http).')
    const json = JSON.parse((await rolloutIn('ko', ['--format', 'json'])).out) as { advice: Record<string, { why: string; fix: string; cause: unknown }> }
    expect(json.advice['listener-closed']).toMatchObject({ cause: { kind: 'listener-closed', lagSeconds: 1 }, why: expect.stringContaining('1초 뒤에야') })
  })

  it('says a refused parameter in the language asked for', async () => {
    expect((await rolloutIn('en', ['--old-unready', '3'])).err).toBe('rollout: oldUnready (3) cannot exceed replicas (1).\n')
    expect((await rolloutIn('ko', ['--old-unready', '3'])).err).toBe('rollout: oldUnready(3)는 replicas(1)보다 클 수 없습니다.\n')
  })
})
