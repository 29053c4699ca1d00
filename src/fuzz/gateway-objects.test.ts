import { describe, expect, it } from 'vitest'
import { analyze, isRejectedInput } from '../engine'
import { runCli } from '../cli/main'
import { cliCaseAt } from './fuzz-case'
import { gatewayScenario } from './gateway-objects'
import { filesText } from './manifest-text'
import { createRng } from './rng'

describe('Gateway API fuzz inputs', () => {
  it('at hostility 0 writes Gateway scenarios the API server accepts (the CRDs\' OpenAPI and CEL rules), so routing runs on them', () => {
    for (let seed = 0; seed < 200; seed++) {
      const rng = createRng(seed * 7919 + 3)
      rng.hostility = 0
      const text = filesText(rng, gatewayScenario(rng))
      const rejected = analyze([{ name: 'gw.yaml', text }]).diagnostics.filter(isRejectedInput)
      expect(rejected.map((d) => `${d.start.line}: ${d.message}`), `seed ${seed}:\n${text}`).toEqual([])
    }
  })

  it('sends route cases through Gateways: answers from HTTPRoute rules, 404s and refused connections among them', async () => {
    const statuses = new Set<number>()
    let throughRoutes = 0
    // The 160 route cases of seed 15 under the 22-slot schedule this was written for (slots 5 to 8): answers
    // through a route are rare and come in bursts (one case may send 60 requests), so the cases are pinned rather
    // than moved whenever the schedule gains a command.
    for (let index = 0; index < 22 * 40; index++) {
      if (index % 22 < 5 || index % 22 > 8) continue
      const c = cliCaseAt(15, index, 'route')
      let out = ''
      const code = await runCli(['route', ...c.argv], {
        stdout: (text) => void (out += text),
        stderr: () => {},
        language: 'en',
        readStdin: async () => c.stdin,
        readFile: async (path) => c.files[path] ?? Promise.reject(Object.assign(new Error(path), { code: 'ENOENT' })),
      })
      if (code !== 0 || !out.startsWith('{"status"')) continue
      for (const line of out.trim().split('\n')) {
        const answer = JSON.parse(line) as { status: number; route?: unknown }
        if (!('route' in answer)) continue
        statuses.add(answer.status)
        if (answer.route !== null) throughRoutes++
      }
    }
    expect(throughRoutes).toBeGreaterThan(10)
    for (const status of [200, 404, 0]) expect([...statuses]).toContain(status)
  }, 60_000)
})
