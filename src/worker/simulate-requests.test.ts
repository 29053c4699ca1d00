import { describe, expect, it } from 'vitest'
import { analyze, cursorReportInputOf, type ScenarioStage } from '../engine'
import { SEED_FILE_NAME, SEED_MANIFEST } from '../presets/seed'
import { EngineClient, type WorkerLike } from './engine-client'
import { handleEngineRequest } from './handle-request'
import { PROTOCOL_VERSION, type EngineRequest, type EngineResponse, type ProgressMessage } from './protocol'

const model = analyze([{ name: SEED_FILE_NAME, text: SEED_MANIFEST }]).model

describe('handleEngineRequest: simulate and report', () => {
  it('simulates the seed\'s default Deployment, reporting its stages first', () => {
    const progress: ProgressMessage[] = []
    const response = handleEngineRequest({ v: PROTOCOL_VERSION, type: 'simulate', id: 7, model, deployment: null, parameters: { preStopHttpSeconds: 5 } }, (m) => progress.push(m))
    expect(progress.map((m) => [m.type, m.id, m.stage])).toEqual([
      ['progress', 7, 'simulate'],
      ['progress', 7, 'summarize'],
    ])
    expect(response.type).toBe('simulated')
    if (response.type !== 'simulated' || response.outcome.kind !== 'ok') throw new Error('expected a run')
    expect(response.outcome.deployment).toBe('default/websample')
    expect(response.outcome.result.failures.total).toBe(0)
    expect(response.millis).toBeGreaterThanOrEqual(0)
    // Everything crosses the worker boundary.
    expect(() => structuredClone(response)).not.toThrow()
  })

  it('answers an invalid parameter as an outcome, not a failure', () => {
    const response = handleEngineRequest({ v: PROTOCOL_VERSION, type: 'simulate', id: 1, model, deployment: 'default/websample', parameters: { rps: 0 } })
    expect(response).toMatchObject({ type: 'simulated', outcome: { kind: 'invalid' } })
  })

  it('reports vegeta\'s numbers up to a cursor', () => {
    const run = handleEngineRequest({ v: PROTOCOL_VERSION, type: 'simulate', id: 1, model, deployment: null, parameters: {} })
    if (run.type !== 'simulated' || run.outcome.kind !== 'ok') throw new Error('expected a run')
    const { result, view } = run.outcome
    const response = handleEngineRequest({ v: PROTOCOL_VERSION, type: 'report', id: 2, input: cursorReportInputOf(result, 10_000, view.bucketsNs) })
    expect(response).toMatchObject({ type: 'reported', id: 2, report: { untilMs: 10_000, requests: 499, success: 499 } })
  })
})

/** A worker that answers only when told, so tests can look at requests in flight. */
class HeldWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<EngineResponse>) => void) | null = null
  onerror: ((event: Event) => void) | null = null
  readonly received: EngineRequest[] = []
  terminated = false
  postMessage(message: EngineRequest): void {
    this.received.push(message)
  }
  terminate(): void {
    this.terminated = true
  }
  send(message: EngineResponse): void {
    this.onmessage?.({ data: message } as MessageEvent<EngineResponse>)
  }
  answer(request: EngineRequest): void {
    this.send(handleEngineRequest(request))
  }
}

function setup() {
  const workers: HeldWorker[] = []
  const client = new EngineClient({
    createWorker: () => {
      const worker = new HeldWorker()
      workers.push(worker)
      return worker
    },
    timeoutMs: 60_000,
  })
  return { client, workers }
}

describe('EngineClient: simulate, progress and cancel', () => {
  it('passes progress messages to the caller without settling the request', async () => {
    const { client, workers } = setup()
    const stages: ScenarioStage[] = []
    const pending = client.simulate({ model, deployment: null, parameters: {} }, (stage) => stages.push(stage))
    const request = workers[0]!.received[0]!
    workers[0]!.send({ v: PROTOCOL_VERSION, type: 'progress', id: request.id, stage: 'simulate' })
    expect(stages).toEqual(['simulate'])
    workers[0]!.answer(request)
    const outcome = await pending
    expect(outcome.kind).toBe('ok')
    // A late progress message of a settled request reaches nobody.
    workers[0]!.send({ v: PROTOCOL_VERSION, type: 'progress', id: request.id, stage: 'summarize' })
    expect(stages).toEqual(['simulate'])
  })

  it('cancels a running simulation by replacing its worker, and resends the other requests that were in it', async () => {
    const { client, workers } = setup()
    const simulation = client.simulate({ model, deployment: null, parameters: {} })
    const analysis = client.analyze([{ name: SEED_FILE_NAME, text: SEED_MANIFEST }])
    expect(client.cancel('simulate')).toBe(true)
    expect(await simulation).toEqual({ kind: 'stale' })
    expect(workers[0]!.terminated).toBe(true)
    expect(workers[1]!.received.map((r) => r.type)).toEqual(['analyze'])
    workers[1]!.answer(workers[1]!.received[0]!)
    expect((await analysis).kind).toBe('ok')
    // A new simulation goes to the new worker.
    const again = client.simulate({ model, deployment: null, parameters: {} })
    workers[1]!.answer(workers[1]!.received[1]!)
    expect((await again).kind).toBe('ok')
  })

  it('drops a queued simulation and stops the abandoned one still running; nothing to cancel when idle', async () => {
    const { client, workers } = setup()
    expect(client.cancel('simulate')).toBe(false)
    const first = client.simulate({ model, deployment: null, parameters: {} })
    const second = client.simulate({ model, deployment: null, parameters: { seed: 2 } })
    expect(await first).toEqual({ kind: 'stale' })
    expect(client.cancel('simulate')).toBe(true)
    expect(await second).toEqual({ kind: 'stale' })
    expect(workers[0]!.terminated).toBe(true)
    expect(workers).toHaveLength(1)
  })
})
